package cn.xinfang.petition.app.web;

import cn.xinfang.petition.app.rest.ReceptionController;
import cn.xinfang.petition.app.rest.RegisterRequest;
import cn.xinfang.petition.app.rest.VisitController;
import cn.xinfang.petition.app.rest.VisitRequests;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.visits.VisitViews;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.*;

/**
 * 大走访 and 大接访 pages (issue 14): the visits of a unit with the form to record one, the ledger
 * download in the notice's template, the coverage (遍访), the rota as a month calendar and the
 * compliance list (接访落实). Everything goes through the API's own controllers, with their checks.
 */
@Controller
class VisitPages {

    private final VisitController visits;
    private final ReceptionController receptions;
    private final PageProblems problems;
    private final Ui ui;
    private final Clock clock;
    private final cn.xinfang.petition.time.BusinessTime time;

    VisitPages(VisitController visits, ReceptionController receptions, PageProblems problems, Ui ui, Clock clock,
               cn.xinfang.petition.time.BusinessTime time) {
        this.time = time;
        this.visits = visits;
        this.receptions = receptions;
        this.problems = problems;
        this.ui = ui;
        this.clock = clock;
    }

    @GetMapping("/visits")
    String list(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String q, Model model) {
        Account me = PageAdvice.me(model);
        Map<String, String> values = new HashMap<>();
        values.put("unit", me.unit() == null ? "" : me.unit());
        values.put("visitedAt", LocalDate.now(clock.withZone(ui.zone())).toString());
        values.put("visitors", me.username());
        return page(model, unit, from, to, q, values, Map.of(), null);
    }

    @PostMapping("/visits")
    String record(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response, Locale locale) {
        Map<String, String> values = new HashMap<>();
        for (String k : List.of("unit", "visitedAt", "visitors", "person.name", "person.idNumber", "person.phone", "person.address",
                "workUnitOrAddress", "demands", "resolution", "remarks")) {
            values.put(k, Optional.ofNullable(form.getFirst(k)).orElse(""));
        }
        List<String> visitors = Arrays.stream(values.get("visitors").split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
        VisitRequests.VisitRequest body = new VisitRequests.VisitRequest(values.get("unit"), values.get("visitedAt"), visitors,
                new RegisterRequest.PetitionerRequest(values.get("person.name"), values.get("person.idNumber"), values.get("person.phone"),
                        values.get("person.address")), values.get("workUnitOrAddress"), values.get("demands"), values.get("resolution"),
                values.get("remarks"));
        try {
            visits.record(body);
            return "redirect:/visits?recorded";
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            response.setStatus(p.status());
            return page(model, null, null, null, null, values, p.fieldMessages(locale), p);
        }
    }

    private String page(Model model, String unit, String from, String to, String q, Map<String, String> values,
                        Map<String, String> errors, PageProblem problem) {
        model.addAttribute("visits", visits.list(blank(unit), blank(from), blank(to), blank(q), 0, 100));
        Map<String, String> f = new LinkedHashMap<>();
        f.put("unit", nz(unit));
        f.put("from", nz(from));
        f.put("to", nz(to));
        f.put("q", nz(q));
        model.addAttribute("f", f);
        model.addAttribute("query", query(f));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        return "visits";
    }

    @GetMapping("/visits/ledger.xlsx")
    ResponseEntity<?> ledger(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(defaultValue = "xlsx") String format) {
        return visits.ledger(blank(unit), blank(from), blank(to), format, false);
    }

    @GetMapping("/visits/coverage")
    String coverage(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, Model model) {
        Account me = PageAdvice.me(model);
        LocalDate today = LocalDate.now(clock.withZone(ui.zone()));
        String f = blank(from) == null ? today.withDayOfMonth(1).toString() : from;
        String t = blank(to) == null ? today.toString() : to;
        String u = blank(unit) == null ? me.unit() : unit;
        model.addAttribute("f", Map.of("unit", nz(u), "from", f, "to", t));
        model.addAttribute("coverage", u == null ? null : visits.coverage(u, f, t));
        return "visits-coverage";
    }

    /** The rota of a month as a calendar (Monday first); days without an entry are left empty. */
    @GetMapping("/receptions/rota")
    String rota(@RequestParam(required = false) String unit, @RequestParam(required = false) String month, Model model) {
        Account me = PageAdvice.me(model);
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.now(clock.withZone(ui.zone())) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            m = YearMonth.now(clock.withZone(ui.zone()));
        }
        String u = blank(unit) == null ? me.unit() : unit;
        Map<LocalDate, VisitViews.RotaDay> days = new HashMap<>();
        if (u != null) {
            receptions.rota(u, m.atDay(1).toString(), m.atEndOfMonth().toString()).forEach(d -> days.put(d.date(), d));
        }
        List<List<Map<String, Object>>> weeks = new ArrayList<>();
        LocalDate start = m.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate d = start; !d.isAfter(m.atEndOfMonth()); ) {
            List<Map<String, Object>> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, d = d.plusDays(1)) {
                Map<String, Object> cell = new HashMap<>();
                cell.put("date", d);
                cell.put("inMonth", YearMonth.from(d).equals(m));
                cell.put("working", time.isWorkingDay(d));
                cell.put("entry", days.get(d));
                week.add(cell);
            }
            weeks.add(week);
        }
        model.addAttribute("weeks", weeks);
        model.addAttribute("month", m.toString());
        model.addAttribute("previous", m.minusMonths(1).toString());
        model.addAttribute("next", m.plusMonths(1).toString());
        model.addAttribute("unit", nz(u));
        return "receptions-rota";
    }

    @GetMapping("/receptions/compliance")
    String compliance(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to, Model model) {
        Account me = PageAdvice.me(model);
        LocalDate today = LocalDate.now(clock.withZone(ui.zone()));
        String f = blank(from) == null ? today.withDayOfMonth(1).toString() : from;
        String t = blank(to) == null ? today.toString() : to;
        String u = blank(unit) == null ? me.unit() : unit;
        model.addAttribute("f", Map.of("unit", nz(u), "from", f, "to", t));
        model.addAttribute("days", receptions.compliance(u, f, t, "json").getBody());
        return "receptions-compliance";
    }

    private static String query(Map<String, String> f) {
        StringBuilder s = new StringBuilder();
        f.forEach((k, v) -> {
            if (!v.isEmpty()) {
                s.append(s.isEmpty() ? "?" : "&").append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return s.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
