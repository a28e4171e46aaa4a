package cn.xinfang.petition.app.web;

import cn.xinfang.petition.app.rest.LedgerExport;
import cn.xinfang.petition.app.rest.ReadModelController;
import cn.xinfang.petition.projection.escalation.EscalatedCase;
import cn.xinfang.petition.projection.ledger.LedgerPage;
import cn.xinfang.petition.projection.overdue.OpenTimeLimit;
import cn.xinfang.petition.projection.overdue.OpenTimeLimitPage;
import cn.xinfang.petition.projection.overdue.TimeLimitListQuery;
import cn.xinfang.petition.projection.stats.UnitStats;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lists of supervisors (and, within their unit, handlers): 超期 (overdue) and 预警 (soon due)
 * as of an instant and as known at another, 积案/包案 (escalations), 统计 (on-time rates per unit,
 * weekly trend) and 台账 (the ledger), each with its spreadsheet. Every figure comes from the API's
 * own read-model queries, with their scope and parameter checks.
 */
@Controller
class SupervisionPages {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final int TREND_WEEKS = 8;
    /** Entries on a page of the overdue and soon-due lists. */
    static final int PAGE_SIZE = 50;

    private final ReadModelController readModels;
    private final MessageSource messages;
    private final Ui ui;
    private final Clock clock;
    private final ObjectMapper json;

    SupervisionPages(ReadModelController readModels, MessageSource messages, Ui ui, Clock clock, ObjectMapper json) {
        this.readModels = readModels;
        this.messages = messages;
        this.ui = ui;
        this.clock = clock;
        this.json = json;
    }

    // ------------------------------------------------------------------ 超期 / 预警

    @GetMapping("/overdue")
    String overdue(@RequestParam(required = false) String unit, @RequestParam(required = false) String asOf,
                   @RequestParam(required = false) String knownAt, @RequestParam(defaultValue = "0") int page, Model model) {
        return timeList(model, "overdue", readModels.overdueList(unit, asOf, knownAt), page, unit, asOf, knownAt, null);
    }

    @GetMapping("/upcoming")
    String upcoming(@RequestParam(required = false) String unit, @RequestParam(required = false) String within,
                    @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        String w = within == null || within.isBlank() ? "P1D" : within;
        return timeList(model, "upcoming", readModels.upcomingList(unit, w, asOf, knownAt), page, unit, asOf, knownAt, w);
    }

    private String timeList(Model model, String kind, TimeLimitListQuery list, int page, String unit, String asOf, String knownAt,
                            String within) {
        // the page asked for; past the end (the list shrank, or a typed URL), the last page
        OpenTimeLimitPage shown = readModels.timeListPage(list, Math.max(0, page), PAGE_SIZE);
        int pages = (int) Math.max(1, (shown.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(0, page), pages - 1);
        if (current != shown.page()) {
            shown = readModels.timeListPage(list, current, PAGE_SIZE);
        }
        model.addAttribute("items", shown.items());
        model.addAttribute("total", shown.total());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("kind", kind);
        model.addAttribute("unit", unit);
        model.addAttribute("asOf", asOf);
        model.addAttribute("knownAt", knownAt);
        model.addAttribute("within", within);
        model.addAttribute("query", query(Map.of("unit", nz(unit), "asOf", nz(asOf), "knownAt", nz(knownAt), "within", nz(within))));
        return "timelist";
    }

    @GetMapping("/overdue.xlsx")
    ResponseEntity<byte[]> overdueXlsx(@RequestParam(required = false) String unit, @RequestParam(required = false) String asOf,
                                       @RequestParam(required = false) String knownAt, Locale locale) {
        return timeListXlsx("overdue", readModels.overdue(unit, asOf, knownAt), unit, locale);
    }

    @GetMapping("/upcoming.xlsx")
    ResponseEntity<byte[]> upcomingXlsx(@RequestParam(required = false) String unit, @RequestParam(required = false) String within,
                                        @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
                                        Locale locale) {
        String w = within == null || within.isBlank() ? "P1D" : within;
        return timeListXlsx("upcoming", readModels.upcoming(unit, w, asOf, knownAt), unit, locale);
    }

    private ResponseEntity<byte[]> timeListXlsx(String kind, List<OpenTimeLimit> items, String unit, Locale locale) {
        boolean overdue = kind.equals("overdue");
        List<String> headers = List.of(msg("ui.col.seq", locale), msg("ui.col.caseNo", locale), msg("ui.col.subject", locale),
                msg("ui.col.unit", locale), msg("ui.col.stage", locale), msg("ui.col.startedAt", locale), msg("ui.col.dueAt", locale),
                msg(overdue ? "ui.col.lateBy" : "ui.col.dueIn", locale), msg("ui.col.rule", locale));
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (OpenTimeLimit l : items) {
            rows.add(List.of(Integer.toString(i++), l.caseNo(), l.subject(), l.unit(), ui.label("stage", l.stage()),
                    ui.time(l.startedAt()), ui.time(l.dueAt()), ui.duration(overdue ? l.lateByWorkingTime() : l.dueInWorkingTime()), l.rule()));
        }
        return xlsx(msg("ui.nav." + kind, locale), unit, headers, rows, kind + ".xlsx", locale);
    }

    // ------------------------------------------------------------------ 积案 / 包案

    @GetMapping("/escalations")
    String escalations(@RequestParam(required = false) Boolean open, @RequestParam(required = false) String unit, Model model) {
        model.addAttribute("items", readModels.escalations(open, unit));
        model.addAttribute("open", open);
        model.addAttribute("unit", unit);
        model.addAttribute("query", query(Map.of("open", open == null ? "" : open.toString(), "unit", nz(unit))));
        return "escalations";
    }

    @GetMapping("/escalations.xlsx")
    ResponseEntity<byte[]> escalationsXlsx(@RequestParam(required = false) Boolean open, @RequestParam(required = false) String unit,
                                           Locale locale) {
        List<String> headers = List.of(msg("ui.col.seq", locale), msg("ui.col.caseNo", locale), msg("ui.col.subject", locale),
                msg("ui.col.unit", locale), msg("ui.col.status", locale), msg("ui.col.reason", locale), msg("ui.col.leader", locale),
                msg("ui.col.plan", locale), msg("ui.col.by", locale), msg("ui.col.at", locale));
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (EscalatedCase c : readModels.escalations(open, unit)) {
            for (EscalatedCase.Entry e : c.escalations()) {
                rows.add(List.of(Integer.toString(i++), c.caseNo(), c.subject(), c.unit(), ui.label("status", c.status()),
                        ui.label("label.escalationReason", e.reason()), nz(e.leader()), nz(e.plan()), nz(e.by()), ui.time(e.at())));
            }
        }
        return xlsx(msg("ui.nav.escalations", locale), unit, headers, rows, "escalations.xlsx", locale);
    }

    // ------------------------------------------------------------------ 统计

    @GetMapping("/stats")
    String stats(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model, Locale locale)
            throws JsonProcessingException {
        @SuppressWarnings("unchecked")
        List<UnitStats> stats = (List<UnitStats>) readModels.stats(from, to, null).getBody();
        model.addAttribute("stats", stats);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("query", query(Map.of("from", nz(from), "to", nz(to))));
        Map<String, Object> bars = new LinkedHashMap<>();
        bars.put("title", msg("ui.stats.byUnit", locale));
        bars.put("units", stats.stream().map(s -> unitName(s.unit(), model)).toList());
        bars.put("series", List.of(
                Map.of("name", msg("ui.stats.timelyAcceptance", locale), "data", stats.stream().map(s -> pct(s.timelyAcceptanceRate())).toList()),
                Map.of("name", msg("ui.stats.onTimeConclusion", locale), "data", stats.stream().map(s -> pct(s.onTimeConclusionRate())).toList())));
        model.addAttribute("barChart", json.writeValueAsString(bars));
        model.addAttribute("trendChart", json.writeValueAsString(trend(locale)));
        return "stats";
    }

    /** On-time rates of all units together, week by week (Monday to Monday in the case zone), the last {@value #TREND_WEEKS} weeks. */
    private Map<String, Object> trend(Locale locale) {
        LocalDate monday = LocalDate.ofInstant(clock.instant(), ui.zone()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<String> weeks = new ArrayList<>();
        List<Double> acceptance = new ArrayList<>();
        List<Double> conclusion = new ArrayList<>();
        List<Long> registered = new ArrayList<>();
        for (int w = TREND_WEEKS - 1; w >= 0; w--) {
            LocalDate start = monday.minusWeeks(w);
            @SuppressWarnings("unchecked")
            List<UnitStats> week = (List<UnitStats>) readModels.stats(start.toString(), start.plusDays(6).toString(), null).getBody();
            weeks.add(start.toString());
            acceptance.add(rate(week, "ACCEPT"));
            conclusion.add(rate(week, "CONCLUDE"));
            registered.add(week.stream().mapToLong(UnitStats::registered).sum());
        }
        Map<String, Object> trend = new LinkedHashMap<>();
        trend.put("title", msg("ui.stats.trend", locale));
        trend.put("weeks", weeks);
        trend.put("series", List.of(
                Map.of("name", msg("ui.stats.timelyAcceptance", locale), "data", acceptance),
                Map.of("name", msg("ui.stats.onTimeConclusion", locale), "data", conclusion)));
        trend.put("registered", Map.of("name", msg("ui.stats.registered", locale), "data", registered));
        return trend;
    }

    private static Double rate(List<UnitStats> stats, String stage) {
        long completed = 0;
        long met = 0;
        for (UnitStats s : stats) {
            UnitStats.StageStats st = s.stages().get(stage);
            if (st != null) {
                completed += st.completed();
                met += st.met();
            }
        }
        return completed == 0 ? null : Math.round(met * 1000.0 / completed) / 10.0;
    }

    @GetMapping("/stats.xlsx")
    ResponseEntity<?> statsXlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return readModels.stats(from, to, "xlsx");
    }

    // ------------------------------------------------------------------ 台账

    @GetMapping("/ledger")
    String ledger(@RequestParam(required = false) String unit, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String track, @RequestParam(required = false) String channel,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String q, @RequestParam(required = false) Boolean overdue,
                  @RequestParam(required = false) String field, @RequestParam(defaultValue = "0") int page, Model model) {
        LedgerPage lp = (LedgerPage) readModels.ledger(unit, status, track, channel, from, to, q, null, overdue, page, 20, null,
                field).getBody();
        model.addAttribute("ledger", lp);
        model.addAttribute("pages", Math.max(1, (lp.total() + 19) / 20));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("unit", nz(unit));
        filters.put("status", nz(status));
        filters.put("track", nz(track));
        filters.put("channel", nz(channel));
        filters.put("field", nz(field));
        filters.put("from", nz(from));
        filters.put("to", nz(to));
        filters.put("q", nz(q));
        filters.put("overdue", overdue == null ? "" : overdue.toString());
        model.addAttribute("f", filters);
        model.addAttribute("query", query(filters));
        model.addAttribute("statuses", List.of("REGISTERED", "SIGNED", "ACCEPTED", "OPINION_GIVEN", "RESOLVED", "DECLINED"));
        model.addAttribute("tracks", cn.xinfang.petition.api.Track.values());
        model.addAttribute("channels", cn.xinfang.petition.api.Channel.values());
        model.addAttribute("keyFields", cn.xinfang.petition.api.KeyField.values());
        return "ledger";
    }

    /** The ledger as the API exports it ({@code format=xlsx|csv}), with the same filters. */
    @GetMapping("/ledger/export")
    ResponseEntity<?> ledgerExport(@RequestParam(required = false) String unit, @RequestParam(required = false) String status,
                                   @RequestParam(required = false) String track, @RequestParam(required = false) String channel,
                                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String q, @RequestParam(required = false) Boolean overdue,
                                   @RequestParam(required = false) String field, @RequestParam(defaultValue = "xlsx") String format) {
        return readModels.ledger(unit, status, track, channel, from, to, q, null, overdue, 0, 50, format, field);
    }

    // ------------------------------------------------------------------ helpers

    private ResponseEntity<byte[]> xlsx(String title, String unit, List<String> headers, List<List<String>> rows, String file, Locale locale) {
        String reporting = unit == null || unit.isBlank() ? msg("ui.allUnits", locale) : unit;
        byte[] body = LedgerExport.xlsx(title, reporting, clock.instant(), headers, rows, ui.zone());
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(body);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String unitName(String unit, Model model) {
        @SuppressWarnings("unchecked")
        Map<String, String> names = (Map<String, String>) model.getAttribute("unitNames");
        return names != null && names.containsKey(unit) ? names.get(unit) : unit;
    }

    private static Double pct(Double rate) {
        return rate == null ? null : Math.round(rate * 1000.0) / 10.0;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The non-empty parameters as a query string (for the spreadsheet buttons, which repeat the page's filters). */
    static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                q.append(q.isEmpty() ? "?" : "&").append(k).append('=')
                        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

}
