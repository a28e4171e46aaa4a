package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.api.CaseStatus;
import cn.xinfang.petition.api.Channel;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.app.cases.CaseAccessPolicy;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.CurrentUser;
import cn.xinfang.petition.projection.escalation.EscalatedCase;
import cn.xinfang.petition.projection.escalation.FindEscalationsQuery;
import cn.xinfang.petition.projection.ledger.FindLedgerQuery;
import cn.xinfang.petition.projection.ledger.LedgerPage;
import cn.xinfang.petition.projection.overdue.FindOverdueQuery;
import cn.xinfang.petition.projection.overdue.FindTimeLimitPageQuery;
import cn.xinfang.petition.projection.overdue.FindUpcomingQuery;
import cn.xinfang.petition.projection.overdue.OpenTimeLimit;
import cn.xinfang.petition.projection.overdue.OpenTimeLimitPage;
import cn.xinfang.petition.projection.overdue.TimeLimitListQuery;
import cn.xinfang.petition.projection.worklist.FindWorklistQuery;
import cn.xinfang.petition.projection.worklist.Worklist;
import cn.xinfang.petition.projection.worklist.WorklistQueries;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.projection.stats.FindUnitStatsQuery;
import cn.xinfang.petition.projection.stats.UnitStats;
import cn.xinfang.petition.time.BusinessTime;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The read models: the ledger (台账) with its exports, the overdue (超期) and soon-due (预警) lists,
 * escalations (提级 / 积案) and per-unit statistics. Handlers see their own unit; supervisors and
 * auditors every unit. The read models follow the events a moment later than the case view.
 */
@RestController
@RequestMapping("/api")
public class ReadModelController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final int EXPORT_PAGE = 5_000;

    private final QueryGateway queries;
    private final CaseAccessPolicy access;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ZoneId zone;

    public ReadModelController(QueryGateway queries, CaseAccessPolicy access, CurrentUser currentUser, Clock clock, BusinessTime time) {
        this.queries = queries;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
        this.zone = time.zone();
    }

    /** The ledger without a key field filter (the pages' call). */
    public ResponseEntity<?> ledger(String unit, String status, String track, String channel, String from, String to, String q,
                                    String text, Boolean overdue, int page, int size, String format) {
        return ledger(unit, status, track, channel, from, to, q, text, overdue, page, size, format, null);
    }

    /** 信访事项台账; {@code format=xlsx|csv} exports every matching row; {@code field} filters by 重点领域. */
    @GetMapping("/ledger")
    public ResponseEntity<?> ledger(@RequestParam(required = false) String unit, @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String track, @RequestParam(required = false) String channel,
                                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String q, @RequestParam(required = false) String text,
                                    @RequestParam(required = false) Boolean overdue,
                                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                                    @RequestParam(required = false) String format, @RequestParam(required = false) String field) {
        Account who = currentUser.get();
        String scope = access.unitScope(who, unit);
        if (q == null || q.isBlank()) {
            q = text; // ?text= is accepted as another name for ?q=
        }
        Fields f = new Fields();
        Instant fromAt = TimeParams.start(f, "from", from, zone);
        Instant toAt = TimeParams.end(f, "to", to, zone);
        pageAndSize(f, page, size);
        status = caseStatus(f, status);
        Track t = f.optional("track", track, Track.class);
        Channel c = f.optional("channel", channel, Channel.class);
        track = t == null ? null : t.name();
        channel = c == null ? null : c.name();
        cn.xinfang.petition.api.KeyField kf = f.optional("field", field, cn.xinfang.petition.api.KeyField.class); // issue 15: 重点领域
        String keyField = kf == null ? null : kf.name();
        if (format != null && !format.isBlank() && !List.of("json", "xlsx", "csv").contains(format)) {
            f.add("format", "must be json, xlsx or csv", "须为 json、xlsx 或 csv");
        }
        f.throwIfInvalid();
        Instant now = clock.instant();
        if ("xlsx".equals(format) || "csv".equals(format)) {
            List<List<String>> rows = new ArrayList<>();
            for (int p = 0; ; p++) {
                LedgerPage lp = ledgerPage(new FindLedgerQuery(scope, status, track, channel, fromAt, toAt, q, overdue, now, false, p, EXPORT_PAGE,
                        keyField));
                lp.items().forEach(e -> rows.add(LedgerExport.row(e, zone)));
                if ((long) (p + 1) * EXPORT_PAGE >= lp.total()) {
                    break;
                }
            }
            String reporting = scope == null ? "全部单位" : scope;
            byte[] body = "xlsx".equals(format)
                    ? LedgerExport.xlsx("信访事项台账", reporting, now, LedgerExport.HEADERS, rows, zone)
                    : LedgerExport.csv(LedgerExport.HEADERS, rows);
            return file(body, "xlsx".equals(format) ? XLSX : CSV, "ledger." + format);
        }
        return ResponseEntity.ok(ledgerPage(new FindLedgerQuery(scope, status, track, channel, fromAt, toAt, q, overdue, now, false, page, size,
                keyField)));
    }

    /** 超期清单 as of an instant ({@code asOf}, default now), as known at another ({@code knownAt}, default now). */
    public List<OpenTimeLimit> overdue(String unit, String asOf, String knownAt) {
        return overdue(unit, asOf, knownAt, null, null).getBody();
    }

    /**
     * 超期清单 as of an instant ({@code asOf}, default now), as known at another ({@code knownAt}, default now):
     * the whole list, or with {@code page} or {@code size} one page of it (size 1–500, default 50) and the size of
     * the whole list in {@value #TOTAL_COUNT}.
     */
    @GetMapping("/overdue")
    public ResponseEntity<List<OpenTimeLimit>> overdue(@RequestParam(required = false) String unit,
                                                       @RequestParam(required = false) String asOf,
                                                       @RequestParam(required = false) String knownAt,
                                                       @RequestParam(required = false) Integer page,
                                                       @RequestParam(required = false) Integer size) {
        Fields f = new Fields();
        FindOverdueQuery list = overdueList(f, unit, asOf, knownAt);
        Paging paging = Paging.of(f, page, size);
        f.throwIfInvalid();
        return timeList(list, paging);
    }

    /** The overdue list asked for, checked as the API checks it (scope, instants; 403 or 400 problems). */
    public FindOverdueQuery overdueList(String unit, String asOf, String knownAt) {
        Fields f = new Fields();
        FindOverdueQuery list = overdueList(f, unit, asOf, knownAt);
        f.throwIfInvalid();
        return list;
    }

    private FindOverdueQuery overdueList(Fields f, String unit, String asOf, String knownAt) {
        String scope = access.unitScope(currentUser.get(), unit);
        Instant t = TimeParams.start(f, "asOf", asOf, zone);
        Instant k = TimeParams.start(f, "knownAt", knownAt, zone);
        Instant now = clock.instant();
        return new FindOverdueQuery(scope, t != null ? t : now, k != null ? k : now);
    }

    /** 预警清单: running stages due within {@code within} (default PT8H) after {@code asOf} (default now), as known at {@code knownAt}; most urgent first. */
    public List<OpenTimeLimit> upcoming(String unit, String within, String asOf, String knownAt) {
        return upcoming(unit, within, asOf, knownAt, null, null).getBody();
    }

    /** 预警清单, the whole list or one page of it (as the overdue list). */
    @GetMapping("/upcoming")
    public ResponseEntity<List<OpenTimeLimit>> upcoming(@RequestParam(required = false) String unit,
                                                        @RequestParam(required = false) String within,
                                                        @RequestParam(required = false) String asOf,
                                                        @RequestParam(required = false) String knownAt,
                                                        @RequestParam(required = false) Integer page,
                                                        @RequestParam(required = false) Integer size) {
        Fields f = new Fields();
        FindUpcomingQuery list = upcomingList(f, unit, within, asOf, knownAt);
        Paging paging = Paging.of(f, page, size);
        f.throwIfInvalid();
        return timeList(list, paging);
    }

    /** The soon-due list asked for, checked as the API checks it. */
    public FindUpcomingQuery upcomingList(String unit, String within, String asOf, String knownAt) {
        Fields f = new Fields();
        FindUpcomingQuery list = upcomingList(f, unit, within, asOf, knownAt);
        f.throwIfInvalid();
        return list;
    }

    private FindUpcomingQuery upcomingList(Fields f, String unit, String within, String asOf, String knownAt) {
        String scope = access.unitScope(currentUser.get(), unit);
        Duration w = TimeParams.duration(f, "within", within, Duration.ofHours(8));
        if (w != null && w.compareTo(Duration.ofDays(3660)) > 0) {
            f.add("within", "must be at most 10 years (P3660D)", "不得超过 10 年（P3660D）");
        }
        Instant t = TimeParams.start(f, "asOf", asOf, zone);
        Instant k = TimeParams.start(f, "knownAt", knownAt, zone);
        Instant now = clock.instant();
        return new FindUpcomingQuery(scope, w, t != null ? t : now, k != null ? k : now);
    }

    /**
     * 工作台 (work list) through the API, as the home page shows it: the open cases the caller may see (a handler or
     * leader: their unit's; others: every unit's, or {@code unit}'s), most urgent first (the running stage due first),
     * each with its ledger row and its running stages; {@code status} one of the open statuses, {@code stage} a stage
     * that must be running; a page ({@code page} from 0, {@code size} 1–500, default 20) and the number of matching
     * cases ({@code total}, also in {@value #TOTAL_COUNT}). A page past the end is empty.
     */
    @GetMapping("/worklist")
    public ResponseEntity<Worklist> worklistPage(@RequestParam(required = false) String unit,
                                                 @RequestParam(required = false) String status,
                                                 @RequestParam(required = false) String stage,
                                                 @RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "20") int size) {
        String scope = access.unitScope(currentUser.get(), unit);
        Fields f = new Fields();
        pageAndSize(f, page, size);
        String s = caseStatus(f, status);
        if (s != null && !WorklistQueries.OPEN_STATUSES.contains(s)) {
            f.add("status", "must be the status of an open case: " + String.join(", ", WorklistQueries.OPEN_STATUSES),
                    "须为在办事项的状态：" + String.join("、", WorklistQueries.OPEN_STATUSES));
        }
        Stage st = f.optional("stage", stage, Stage.class);
        f.throwIfInvalid();
        Worklist w = worklist(scope, s, st == null ? null : st.name(), clock.instant(), page, size);
        return ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(w.total())).body(w);
    }

    /**
     * 工作台: a page of the open cases the user may see (a handler or leader: their unit's), of one status and with a
     * running stage when given, most urgent first; the last page when {@code page} is past it.
     */
    public Worklist worklist(String status, String stage, int page, int size) {
        String scope = access.unitScope(currentUser.get(), null);
        Instant now = clock.instant();
        Worklist w = worklist(scope, status, stage, now, Math.max(0, page), size);
        int last = (int) Math.max(0, (w.total() - 1) / size);
        if (w.items().isEmpty() && page > last) {
            w = worklist(scope, status, stage, now, last, size);
        }
        return w;
    }

    /** A page of the work list of {@code scope} (null: every unit) at {@code now}, as it is (no page past the end moved back). */
    private Worklist worklist(String scope, String status, String stage, Instant now, int page, int size) {
        return queries.query(new FindWorklistQuery(scope, status, stage, now, page, size), ResponseTypes.instanceOf(Worklist.class)).join();
    }

    /** The overdue or soon-due list as the pages show it: one page and the size of the whole list. */
    public OpenTimeLimitPage timeListPage(TimeLimitListQuery list, int page, int size) {
        return queries.query(new FindTimeLimitPageQuery(list, page, size), ResponseTypes.instanceOf(OpenTimeLimitPage.class)).join();
    }

    private ResponseEntity<List<OpenTimeLimit>> timeList(TimeLimitListQuery list, Paging paging) {
        if (paging == null) {
            return ResponseEntity.ok(queries.query(list, ResponseTypes.multipleInstancesOf(OpenTimeLimit.class)).join());
        }
        OpenTimeLimitPage p = timeListPage(list, paging.page(), paging.size());
        return ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(p.total())).body(p.items());
    }

    /** A page asked for with {@code page} and/or {@code size}; null when neither was given (the whole list). */
    record Paging(int page, int size) {

        static final int DEFAULT_SIZE = 50;

        static Paging of(Fields f, Integer page, Integer size) {
            if (page == null && size == null) {
                return null;
            }
            Paging p = new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
            pageAndSize(f, p.page, p.size);
            return p;
        }
    }

    /** 提级 / 积案: escalated cases with their responsible leaders and plans. */
    @GetMapping("/escalations")
    public List<EscalatedCase> escalations(@RequestParam(required = false) Boolean open, @RequestParam(required = false) String unit) {
        String scope = access.unitScope(currentUser.get(), unit);
        return queries.query(new FindEscalationsQuery(open, scope), ResponseTypes.multipleInstancesOf(EscalatedCase.class)).join();
    }

    /** The header of a page of the overdue or soon-due list that gives the number of entries of the whole list. */
    public static final String TOTAL_COUNT = "X-Total-Count";

    /** The statistics of every key field (the pages' call). */
    public ResponseEntity<?> stats(String from, String to, String format) {
        return stats(from, to, format, null);
    }

    /**
     * Per-unit statistics for cases registered in [from, to); {@code format=xlsx} for the periodic report (定期上报);
     * {@code field} counts only the cases of one key field (重点领域).
     */
    @GetMapping("/stats/units")
    public ResponseEntity<?> stats(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String format, @RequestParam(required = false) String field) {
        Account who = currentUser.get();
        String scope = access.unitScope(who, null);
        Fields f = new Fields();
        Instant fromAt = TimeParams.start(f, "from", from, zone);
        Instant toAt = TimeParams.end(f, "to", to, zone);
        cn.xinfang.petition.api.KeyField kf = f.optional("field", field, cn.xinfang.petition.api.KeyField.class); // issue 15: 重点领域
        if (format != null && !format.isBlank() && !List.of("json", "xlsx").contains(format)) {
            f.add("format", "must be json or xlsx", "须为 json 或 xlsx");
        }
        f.throwIfInvalid();
        Instant start = fromAt != null ? fromAt : Instant.EPOCH;
        Instant end = toAt != null ? toAt : clock.instant().plus(Duration.ofDays(1));
        List<UnitStats> stats = queries.query(new FindUnitStatsQuery(start, end, kf == null ? null : kf.name()), ResponseTypes.multipleInstancesOf(UnitStats.class)).join()
                .stream().filter(s -> scope == null || s.unit().equals(scope)).toList();
        if ("xlsx".equals(format)) {
            List<List<String>> rows = stats.stream().map(LedgerExport::statsRow).toList();
            return file(LedgerExport.xlsx("信访工作统计", scope == null ? "全部单位" : scope, clock.instant(), LedgerExport.statsHeaders(),
                    rows, zone), XLSX, "stats.xlsx");
        }
        return ResponseEntity.ok(stats);
    }

    LedgerPage ledgerPage(FindLedgerQuery q) {
        return queries.query(q, ResponseTypes.instanceOf(LedgerPage.class)).join();
    }

    /** A case status filter, checked against the statuses a case can have; null when not given. */
    static String caseStatus(Fields f, String status) {
        CaseStatus s = f.optional("status", status, CaseStatus.class);
        return s == null ? null : s.name();
    }

    static void pageAndSize(Fields f, int page, int size) {
        if (page < 0) {
            f.add("page", "must be 0 or more (pages count from 0)", "页码须大于等于 0（从 0 开始）");
        }
        if (size < 1 || size > 500) {
            f.add("size", "must be from 1 to 500", "每页条数须在 1 至 500 之间");
        }
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

}
