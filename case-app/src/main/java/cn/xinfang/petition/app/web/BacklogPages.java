package cn.xinfang.petition.app.web;

import cn.xinfang.petition.app.persons.PersonService;
import cn.xinfang.petition.app.persons.PersonView;
import cn.xinfang.petition.app.rest.BacklogController;
import cn.xinfang.petition.app.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * 积案台账 and 信访人 (issue 15): the backlog ledger with its spreadsheet, the person search and a
 * person's page with their cases and visits. Every figure comes from the API's own controller and
 * service, with their scope and checks.
 */
@Controller
class BacklogPages {

    private final BacklogController backlog;
    private final PersonService persons;
    private final CurrentUser currentUser;

    BacklogPages(BacklogController backlog, PersonService persons, CurrentUser currentUser) {
        this.backlog = backlog;
        this.persons = persons;
        this.currentUser = currentUser;
    }

    @GetMapping("/backlog")
    String ledger(@RequestParam(required = false) String unit, @RequestParam(required = false) String leader,
                  @RequestParam(required = false) String outcome, @RequestParam(required = false) String field, Model model) {
        model.addAttribute("items", backlog.backlog(blank(unit), blank(leader), blank(outcome), blank(field), null, false).getBody());
        model.addAttribute("unit", unit);
        model.addAttribute("leader", leader);
        model.addAttribute("outcome", outcome);
        model.addAttribute("field", field);
        model.addAttribute("query", "?unit=" + nz(unit) + "&leader=" + nz(leader) + "&outcome=" + nz(outcome) + "&field=" + nz(field));
        return "backlog";
    }

    @GetMapping("/backlog.xlsx")
    ResponseEntity<?> ledgerXlsx(@RequestParam(required = false) String unit, @RequestParam(required = false) String leader,
                                 @RequestParam(required = false) String outcome, @RequestParam(required = false) String field) {
        return backlog.backlog(blank(unit), blank(leader), blank(outcome), blank(field), "xlsx", false);
    }

    @GetMapping("/persons")
    String search(@RequestParam(required = false) String q, Model model) {
        List<PersonView> found = q == null || q.isBlank() ? List.of() : persons.search(currentUser.get(), q, false);
        model.addAttribute("q", q);
        model.addAttribute("items", found);
        return "persons";
    }

    @GetMapping("/persons/{id}")
    String person(@PathVariable String id, Model model) {
        PersonView p = persons.get(currentUser.get(), id, false);
        model.addAttribute("p", p);
        java.util.Map<String, String> caseNos = new java.util.HashMap<>();
        p.cases().forEach(c -> caseNos.put(c.caseId(), c.caseNo()));
        model.addAttribute("caseNos", caseNos);
        return "person";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nz(String s) {
        return s == null ? "" : java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
