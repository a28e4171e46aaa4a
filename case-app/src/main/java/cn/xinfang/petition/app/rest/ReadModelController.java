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
import cn.xinfang.petition.projection.overdue.FindUpcomingQuery;
import cn.xinfang.petition.projection.overdue.OpenTimeLimit;
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
    @GetMapping("/overdue")
    public List<OpenTimeLimit> overdue(@RequestParam(required = false) String unit, @RequestParam(required = false) String asOf,
                                       @RequestParam(required = false) String knownAt) {
        Account who = currentUser.get();
        String scope = access.unitScope(who, unit);
        Fields f = new Fields();
        Instant t = TimeParams.start(f, "asOf", asOf, zone);
        Instant k = TimeParams.start(f, "knownAt", knownAt, zone);
        f.throwIfInvalid();
        Instant now = clock.instant();
        return queries.query(new FindOverdueQuery(scope, t != null ? t : now, k != null ? k : now),
                ResponseTypes.multipleInstancesOf(OpenTimeLimit.class)).join();
    }

    /** 预警清单: running stages due within {@code within} (default PT8H) after {@code asOf} (default now), as known at {@code knownAt}; most urgent first. */
    @GetMapping("/upcoming")
    public List<OpenTimeLimit> upcoming(@RequestParam(required = false) String unit, @RequestParam(required = false) String within,
                                        @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
        Account who = currentUser.get();
        String scope = access.unitScope(who, unit);
        Fields f = new Fields();
        Duration w = TimeParams.duration(f, "within", within, Duration.ofHours(8));
        if (w != null && w.compareTo(Duration.ofDays(3660)) > 0) {
            f.add("within", "must be at most 10 years (P3660D)", "不得超过 10 年（P3660D）");
        }
        Instant t = TimeParams.start(f, "asOf", asOf, zone);
        Instant k = TimeParams.start(f, "knownAt", knownAt, zone);
        f.throwIfInvalid();
        Instant now = clock.instant();
        return queries.query(new FindUpcomingQuery(scope, w, t != null ? t : now, k != null ? k : now),
                ResponseTypes.multipleInstancesOf(OpenTimeLimit.class)).join();
    }

    /** 提级 / 积案: escalated cases with their responsible leaders and plans. */
    @GetMapping("/escalations")
    public List<EscalatedCase> escalations(@RequestParam(required = false) Boolean open, @RequestParam(required = false) String unit) {
        String scope = access.unitScope(currentUser.get(), unit);
        return queries.query(new FindEscalationsQuery(open, scope), ResponseTypes.multipleInstancesOf(EscalatedCase.class)).join();
    }

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
