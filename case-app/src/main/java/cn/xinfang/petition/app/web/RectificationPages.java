package cn.xinfang.petition.app.web;

import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.CurrentUser;
import cn.xinfang.petition.app.supervision.InspectionService;
import cn.xinfang.petition.app.supervision.NoticeExport;
import cn.xinfang.petition.app.supervision.NoticeService;
import cn.xinfang.petition.app.supervision.RectificationQueries;
import cn.xinfang.petition.app.supervision.RectificationService;
import cn.xinfang.petition.app.supervision.SupervisionViews;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 16: 督查 (inspections), 整改 (rectifications: the unit reports, a supervisor verifies) and 通报
 * (notices: publish, export) as pages, through the same services and checks as the API.
 */
@Controller
class RectificationPages {

    private final CurrentUser currentUser;
    private final InspectionService inspections;
    private final RectificationQueries rectificationQueries;
    private final RectificationService rectifications;
    private final NoticeService notices;
    private final PageProblems problems;
    private final PageAdvice advice;
    private final Ui ui;

    RectificationPages(CurrentUser currentUser, InspectionService inspections, RectificationQueries rectificationQueries,
                       RectificationService rectifications, NoticeService notices, PageProblems problems, PageAdvice advice, Ui ui) {
        this.currentUser = currentUser;
        this.inspections = inspections;
        this.rectificationQueries = rectificationQueries;
        this.rectifications = rectifications;
        this.notices = notices;
        this.problems = problems;
        this.advice = advice;
        this.ui = ui;
    }

    @GetMapping("/inspections")
    String inspections(@RequestParam(required = false) String unit, Model model) {
        model.addAttribute("items", inspections.list(currentUser.get(), blank(unit)));
        model.addAttribute("unit", unit);
        return "inspections";
    }

    // ------------------------------------------------------------------ 整改

    @GetMapping("/rectifications")
    String rectifications(@RequestParam(required = false) String status, @RequestParam(required = false) String unit, Model model) {
        return rectificationsPage(model, blank(status), blank(unit), null, null, Map.of());
    }

    @PostMapping("/rectifications/{id}/report")
    String report(@PathVariable String id, @RequestParam(required = false) String text, Model model, HttpServletResponse response,
                  RedirectAttributes redirect, Locale locale) {
        try {
            rectifications.report(currentUser.get(), id, text, null);
            redirect.addFlashAttribute("done", id);
            return "redirect:/rectifications";
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            response.setStatus(p.status());
            return rectificationsPage(model, null, null, id, p, Map.of("text", text == null ? "" : text));
        }
    }

    @PostMapping("/rectifications/{id}/verify")
    String verify(@PathVariable String id, @RequestParam(required = false) String accepted, @RequestParam(required = false) String text,
                  @RequestParam(required = false) String amount, @RequestParam(required = false) String limitUnit, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Boolean ok = accepted == null || accepted.isBlank() ? null : Boolean.valueOf(accepted);
            boolean limitGiven = amount != null && !amount.isBlank();
            Long n = null;
            if (limitGiven) {
                try {
                    n = Long.valueOf(amount.trim());
                } catch (NumberFormatException bad) {
                    n = -1L;
                }
            }
            rectifications.verify(currentUser.get(), id, ok, text, n, limitUnit, limitGiven, null);
            redirect.addFlashAttribute("done", id);
            return "redirect:/rectifications";
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            response.setStatus(p.status());
            return rectificationsPage(model, null, null, id, p, Map.of("text", text == null ? "" : text,
                    "amount", amount == null ? "" : amount));
        }
    }

    private String rectificationsPage(Model model, String status, String unit, String failed, PageProblem problem,
                                      Map<String, String> values) {
        Account who = currentUser.get();
        model.addAttribute("items", rectificationQueries.list(who, unit, status));
        model.addAttribute("status", status);
        model.addAttribute("unit", unit);
        model.addAttribute("statuses", RectificationQueries.STATUSES);
        model.addAttribute("failed", failed);
        model.addAttribute("problem", problem);
        model.addAttribute("values", values);
        model.addAttribute("errors", problem == null ? Map.of() : problem.fieldMessages(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "rectifications";
    }

    // ------------------------------------------------------------------ 通报

    @GetMapping("/notices")
    String notices(Model model) {
        model.addAttribute("items", notices.list(currentUser.get(), null, null));
        return "notices";
    }

    @PostMapping("/notices/{id}/publish")
    String publish(@PathVariable String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            notices.publish(currentUser.get(), id, null);
            redirect.addFlashAttribute("done", id);
            return "redirect:/notices";
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            response.setStatus(p.status());
            model.addAttribute("items", notices.list(currentUser.get(), null, null));
            model.addAttribute("problem", p);
            model.addAttribute("failed", id);
            return "notices";
        }
    }

    @GetMapping("/notices/{id}.html")
    ResponseEntity<String> noticeHtml(@PathVariable String id) {
        SupervisionViews.Notice n = published(id);
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(NoticeExport.html(n, this::unitName, ui.zone()));
    }

    @GetMapping("/notices/{id}.docx")
    ResponseEntity<byte[]> noticeDocx(@PathVariable String id) {
        SupervisionViews.Notice n = published(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("notice-" + n.year() + "-" + n.seq() + ".docx").build().toString())
                .body(NoticeExport.docx(n, this::unitName, ui.zone()));
    }

    private SupervisionViews.Notice published(String id) {
        SupervisionViews.Notice n = notices.get(currentUser.get(), id);
        if (!n.status().equals("PUBLISHED")) {
            throw cn.xinfang.petition.app.problem.ServiceException.conflict("notice-not-published",
                    "only a published notice can be exported; publish it first", "通报尚未印发，不能导出");
        }
        return n;
    }

    private String unitName(String unit) {
        return advice.unitNames().getOrDefault(unit, unit);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
