package cn.xinfang.petition.app.web;

import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.app.admin.AdminService;
import cn.xinfang.petition.app.calendar.CalendarRevisions;
import cn.xinfang.petition.app.ops.Projections;
import cn.xinfang.petition.app.rest.AdminController;
import cn.xinfang.petition.app.rest.CalendarController;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 系统管理 (ADMIN only, see SecurityConfiguration): units, users (create, change role or unit,
 * disable), and calendar revisions: an uploaded calendar file is first previewed (the open stages
 * it would move) and put in force only when confirmed. Through the API's own checks and services.
 */
@Controller
class AdminPages {

    static final List<String> UNIT_FIELDS = List.of("id", "name", "parent");
    static final List<String> USER_FIELDS = List.of("username", "password", "displayName", "role", "unit");

    private final AdminController admin;
    private final AdminService adminService;
    private final CalendarController calendar;
    private final PageProblems problems;
    private final Projections projections;

    AdminPages(AdminController admin, AdminService adminService, CalendarController calendar, PageProblems problems,
               Projections projections) {
        this.problems = problems;
        this.projections = projections;
        this.admin = admin;
        this.adminService = adminService;
        this.calendar = calendar;
    }

    // ------------------------------------------------------------------ 视图重建 read models

    /** The views and how far each has come; one rebuild button per view (the page refreshes itself while one is replaying). */
    @GetMapping("/admin/projections")
    String projections(Model model) {
        return projectionsPage(model, null, null);
    }

    @PostMapping("/admin/projections/{name}/rebuild")
    String rebuild(@PathVariable String name, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            projections.rebuild(name, PageAdvice.me(model).username());
            redirect.addFlashAttribute("done", name);
            return "redirect:/admin/projections";
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            response.setStatus(p.status());
            return projectionsPage(model, name, p);
        }
    }

    /** Every view rebuilt in one pass over the store (faster than one after the other: each event is read once). */
    @PostMapping("/admin/projections/rebuild")
    String rebuildAll(Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            projections.rebuild(List.of(), PageAdvice.me(model).username());
            redirect.addFlashAttribute("doneAll", true);
            return "redirect:/admin/projections";
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            response.setStatus(p.status());
            return projectionsPage(model, "*", p);
        }
    }

    private String projectionsPage(Model model, String refused, PageProblem problem) {
        List<Projections.Status> all = Projections.NAMES.stream().map(projections::status).toList();
        model.addAttribute("projections", all);
        model.addAttribute("sagas", projections.sagaStatuses());
        model.addAttribute("replaying", all.stream().anyMatch(p -> !p.caughtUp()));
        model.addAttribute("refused", refused);
        model.addAttribute("problem", problem);
        return "admin-projections";
    }

    // ------------------------------------------------------------------ 单位

    @GetMapping("/admin/units")
    String units(Model model) {
        return unitsPage(model, Map.of(), null);
    }

    @PostMapping("/admin/units")
    String createUnit(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                      RedirectAttributes redirect, Locale locale) {
        Map<String, String> v = CasePages.values(form, UNIT_FIELDS);
        try {
            admin.createUnit(new AdminController.UnitRequest(v.get("id"), v.get("name"), v.get("parent")));
            redirect.addFlashAttribute("done", "unit");
            return "redirect:/admin/units";
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            response.setStatus(p.status());
            model.addAttribute("errors", p.fieldMessages(locale));
            return unitsPage(model, v, p);
        }
    }

    private String unitsPage(Model model, Map<String, String> values, PageProblem problem) {
        model.addAttribute("units", adminService.units());
        model.addAttribute("values", values);
        model.addAttribute("problem", problem);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "admin-units";
    }

    // ------------------------------------------------------------------ 用户

    @GetMapping("/admin/users")
    String users(Model model) {
        return usersPage(model, Map.of(), null, null);
    }

    @PostMapping("/admin/users")
    String createUser(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                      RedirectAttributes redirect, Locale locale) {
        Map<String, String> v = CasePages.values(form, USER_FIELDS);
        try {
            admin.createUser(new AdminController.UserRequest(v.get("username"), v.get("password"), v.get("displayName"), v.get("role"),
                    v.get("unit")));
            redirect.addFlashAttribute("done", "user");
            return "redirect:/admin/users";
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            response.setStatus(p.status());
            model.addAttribute("errors", p.fieldMessages(locale));
            v.remove("password");
            return usersPage(model, v, p, null);
        }
    }

    /** Changes a user's role, unit or state (enabled); only what the form gives changes. */
    @PostMapping("/admin/users/{username}")
    String updateUser(@PathVariable String username, @RequestParam(required = false) String role,
                      @RequestParam(required = false) String unit, @RequestParam(required = false) Boolean enabled, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        try {
            admin.updateUser(username, new AdminController.UserUpdate(role, unit, enabled, null, null));
            redirect.addFlashAttribute("done", "user");
            return "redirect:/admin/users";
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            response.setStatus(p.status());
            return usersPage(model, Map.of(), p, username);
        }
    }

    private String usersPage(Model model, Map<String, String> values, PageProblem problem, String failedUser) {
        model.addAttribute("users", adminService.users());
        model.addAttribute("units", adminService.units());
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> r != Role.SYSTEM).toList());
        model.addAttribute("values", values);
        model.addAttribute("problem", problem);
        model.addAttribute("failedUser", failedUser);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "admin-users";
    }

    // ------------------------------------------------------------------ 日历

    @GetMapping("/admin/calendar")
    String calendar(Model model) {
        model.addAttribute("revisions", calendar.all());
        return "admin-calendar";
    }

    /** 预览: the open stages the uploaded file would move; nothing is put in force yet. */
    @PostMapping("/admin/calendar/preview")
    String preview(@RequestParam("file") MultipartFile file, Model model, HttpServletResponse response) throws IOException {
        String content = new String(file.getBytes(), StandardCharsets.UTF_8);
        model.addAttribute("revisions", calendar.all());
        try {
            CalendarRevisions.Preview preview = calendar.preview(content);
            model.addAttribute("preview", preview);
            model.addAttribute("content", content);
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            response.setStatus(p.status());
            model.addAttribute("problem", p);
        }
        return "admin-calendar";
    }

    /** Puts the previewed file in force; its open stages are recomputed in the background. */
    @PostMapping("/admin/calendar")
    String load(@RequestParam("content") String content, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            calendar.load(content);
            redirect.addFlashAttribute("done", "calendar");
            return "redirect:/admin/calendar";
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            response.setStatus(p.status());
            model.addAttribute("revisions", calendar.all());
            model.addAttribute("problem", p);
            return "admin-calendar";
        }
    }
}
