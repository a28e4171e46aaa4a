package cn.xinfang.petition.app.web;

import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.app.rest.ReadModelController;
import cn.xinfang.petition.projection.worklist.Worklist;
import cn.xinfang.petition.projection.worklist.WorklistQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * 工作台 – the open cases the user may see (a handler: their unit's; supervisors and auditors: all),
 * most urgent first, each with its next step and a badge per running stage; filters by status
 * and stage; 20 a page. From the ledger and the overdue view (the read models, a moment behind
 * the steps), through the API's scope checks; the database orders, counts and pages the cases, and
 * only the page's 20 rows are read (docs/performance.md, the session of 2026-12-01 05:16).
 */
@Controller
class DashboardPage {

    static final int PAGE_SIZE = 20;
    static final List<String> OPEN_STATUSES = WorklistQueries.OPEN_STATUSES;

    private final ReadModelController readModels;

    DashboardPage(ReadModelController readModels) {
        this.readModels = readModels;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) String status, @RequestParam(required = false) String stage,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        if (PageAdvice.me(model).role() == cn.xinfang.petition.api.Role.ADMIN) {
            return "redirect:/admin/users";
        }
        String s = status == null || status.isBlank() || !OPEN_STATUSES.contains(status) ? null : status;
        String st = stage == null || stage.isBlank() ? null : stage;
        Worklist w = readModels.worklist(s, st, page, PAGE_SIZE);
        int pages = (int) Math.max(1, (w.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("rows", w.items());
        model.addAttribute("total", w.total());
        model.addAttribute("page", w.page());
        model.addAttribute("pages", pages);
        model.addAttribute("status", s);
        model.addAttribute("stage", st);
        model.addAttribute("statuses", OPEN_STATUSES);
        model.addAttribute("stages", Stage.values());
        return "dashboard";
    }
}
