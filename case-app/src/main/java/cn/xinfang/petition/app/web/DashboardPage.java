package cn.xinfang.petition.app.web;

import cn.xinfang.petition.app.rest.ReadModelController;
import cn.xinfang.petition.projection.ledger.LedgerEntry;
import cn.xinfang.petition.projection.ledger.LedgerPage;
import cn.xinfang.petition.projection.overdue.OpenTimeLimit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 工作台 – the open cases the user may see (a handler: their unit's; supervisors and auditors: all),
 * most urgent first, each with its next step and a badge per running stage; filters by status
 * and stage; 20 a page. From the ledger and the overdue view (the read models, a moment behind
 * the steps), through the API's own queries and scope checks.
 */
@Controller
class DashboardPage {

    static final int PAGE_SIZE = 20;
    private static final int READ = 500;
    static final List<String> OPEN_STATUSES = List.of("REGISTERED", "SIGNED", "ACCEPTED", "OPINION_GIVEN");

    /** One case on the dashboard: its ledger row and its running stages, most urgent first. */
    public record Row(LedgerEntry entry, List<OpenTimeLimit> running) {
        public OpenTimeLimit next() {
            return running.isEmpty() ? null : running.get(0);
        }

        public Instant nextDue() {
            return running.isEmpty() ? Instant.MAX : running.get(0).dueAt();
        }
    }

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
        Map<String, List<OpenTimeLimit>> running = new HashMap<>();
        List<OpenTimeLimit> open = new ArrayList<>(readModels.overdue(null, null, null));
        open.addAll(readModels.upcoming(null, "P3660D", null, null));
        open.sort(Comparator.comparing(OpenTimeLimit::dueAt));
        open.forEach(l -> running.computeIfAbsent(l.caseId(), k -> new ArrayList<>()).add(l));
        List<Row> rows = new ArrayList<>();
        for (int p = 0; ; p++) {
            LedgerPage lp = (LedgerPage) readModels.ledger(null, s, null, null, null, null, null, null, null, p, READ, null).getBody();
            for (LedgerEntry e : lp.items()) {
                if (!OPEN_STATUSES.contains(e.status())) {
                    continue;
                }
                List<OpenTimeLimit> r = running.getOrDefault(e.caseId(), List.of());
                if (st == null || r.stream().anyMatch(l -> l.stage().equals(st))) {
                    rows.add(new Row(e, r));
                }
            }
            if ((long) (p + 1) * READ >= lp.total()) {
                break;
            }
        }
        rows.sort(Comparator.comparing(Row::nextDue).thenComparing(r -> r.entry().caseNo()));
        int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(0, page), pages - 1);
        model.addAttribute("rows", rows.subList(Math.min(rows.size(), current * PAGE_SIZE), Math.min(rows.size(), (current + 1) * PAGE_SIZE)));
        model.addAttribute("total", rows.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("status", s);
        model.addAttribute("stage", st);
        model.addAttribute("statuses", OPEN_STATUSES);
        model.addAttribute("stages", cn.xinfang.petition.api.Stage.values());
        return "dashboard";
    }
}
