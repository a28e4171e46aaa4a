package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.api.BacklogOutcome;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.KeyField;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.app.cases.CaseAccessPolicy;
import cn.xinfang.petition.app.cases.CaseService;
import cn.xinfang.petition.app.cases.PersonalDataAccessLog;
import cn.xinfang.petition.app.cases.Units;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.rest.steps.*;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.CurrentUser;
import cn.xinfang.petition.app.security.UserAccounts;
import cn.xinfang.petition.projection.backlog.BacklogEntry;
import cn.xinfang.petition.projection.backlog.FindBacklogQuery;
import cn.xinfang.petition.projection.caseview.CaseView;
import cn.xinfang.petition.time.TimeRules;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * 积案化解 (issue 15): the backlog steps of a case – 包案 (leader and plan), 包案推进, 化解, 越级访 and
 * 重复访 links – and the backlog ledger (积案台账) as JSON or xlsx.
 */
@RestController
@RequestMapping("/api")
public class BacklogController {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final List<String> HEADERS = List.of("序号", "案件编号", "信访人", "身份证号", "联系方式", "主要诉求", "重点领域", "办理单位",
            "提级原因", "包案领导", "症结", "措施", "责任人", "化解时限", "最近推进", "距最近推进天数", "推进时限状态", "推进截止", "化解结果");
    private static final Map<String, String> OUTCOMES = Map.of("SUBSTANTIVE", "实体化解", "PROCEDURAL", "程序性办结", "CONTAINED", "稳控");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CaseService cases;
    private final CaseAccessPolicy access;
    private final CurrentUser currentUser;
    private final Units units;
    private final Clock clock;
    private final QueryGateway queries;
    private final TimeRules rules;
    private final UserAccounts accounts;
    private final PersonalDataAccessLog accessLog;

    public BacklogController(CaseService cases, CaseAccessPolicy access, CurrentUser currentUser, Units units, Clock clock,
                             QueryGateway queries, TimeRules rules, UserAccounts accounts, PersonalDataAccessLog accessLog) {
        this.cases = cases;
        this.access = access;
        this.currentUser = currentUser;
        this.units = units;
        this.clock = clock;
        this.queries = queries;
        this.rules = rules;
        this.accounts = accounts;
        this.accessLog = accessLog;
    }

    @PostMapping("/cases/{id}/leader")
    public ResponseEntity<CaseView> leader(@PathVariable String id, @RequestBody(required = false) LeaderRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new LeaderRequest(null, null, null, null), ifMatch);
    }

    @PostMapping("/cases/{id}/progress")
    public ResponseEntity<CaseView> progress(@PathVariable String id, @RequestBody(required = false) ProgressRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new ProgressRequest(null, null, null), ifMatch);
    }

    @PostMapping("/cases/{id}/settle")
    public ResponseEntity<CaseView> settle(@PathVariable String id, @RequestBody(required = false) SettleRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new SettleRequest(null, null, null), ifMatch);
    }

    @PostMapping("/cases/{id}/skip-level")
    public ResponseEntity<CaseView> skipLevel(@PathVariable String id, @RequestBody(required = false) SkipLevelRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new SkipLevelRequest(null, null, null, null), ifMatch);
    }

    @PostMapping("/cases/{id}/repeat-of")
    public ResponseEntity<CaseView> linkRepeat(@PathVariable String id, @RequestBody(required = false) RepeatOfRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return repeat(id, body, ifMatch, true);
    }

    @DeleteMapping("/cases/{id}/repeat-of")
    public ResponseEntity<CaseView> unlinkRepeat(@PathVariable String id, @RequestBody(required = false) RepeatOfRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return repeat(id, body, ifMatch, false);
    }

    /** 积案台账: escalated cases; {@code outcome=OPEN} for those without an outcome yet; {@code format=xlsx} exports them. */
    @GetMapping("/backlog")
    public ResponseEntity<?> backlog(@RequestParam(required = false) String unit, @RequestParam(required = false) String leader,
                                     @RequestParam(required = false) String outcome, @RequestParam(required = false) String field,
                                     @RequestParam(required = false) String format,
                                     @RequestParam(defaultValue = "false") boolean reveal) {
        Account who = currentUser.get();
        Fields f = new Fields();
        String leaderFilter = leader == null || leader.isBlank() ? null : leader.trim();
        String outcomeFilter = null;
        if (outcome != null && !outcome.isBlank()) {
            outcomeFilter = "OPEN".equals(outcome.trim()) ? "OPEN" : f.optional("outcome", outcome, BacklogOutcome.class) == null
                    ? null : outcome.trim();
        }
        KeyField keyField = f.optional("field", field, KeyField.class);
        if (format != null && !format.isBlank() && !List.of("json", "xlsx").contains(format)) {
            f.add("format", "must be json or xlsx", "须为 json 或 xlsx");
        }
        f.throwIfInvalid();
        String scope = who.role() == Role.LEADER && who.username().equals(leaderFilter)
                ? blankToNull(unit) : access.unitScope(who, unit);
        if (reveal) {
            access.requireReveal(who);
        }
        Instant now = clock.instant();
        ZoneId zone = rules.zone();
        List<BacklogEntry> entries = queries.query(new FindBacklogQuery(scope, leaderFilter, outcomeFilter,
                keyField == null ? null : keyField.name(), now, zone, reveal),
                ResponseTypes.multipleInstancesOf(BacklogEntry.class)).join();
        if (reveal) {
            entries.forEach(e -> accessLog.revealed(who, e.caseId(), "backlog", now));
        }
        if ("xlsx".equals(format)) {
            List<List<String>> rows = new ArrayList<>();
            int seq = 0;
            for (BacklogEntry e : entries) {
                rows.add(row(++seq, e, zone));
            }
            byte[] body = LedgerExport.xlsx("积案台账", scope == null ? "全部单位" : scope, now, HEADERS, rows, zone);
            return ResponseEntity.ok().contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("backlog.xlsx").build().toString())
                    .body(body);
        }
        return ResponseEntity.ok(entries);
    }

    private ResponseEntity<CaseView> repeat(String id, RepeatOfRequest body, String ifMatch, boolean link) {
        RepeatOfRequest b = body != null ? body : new RepeatOfRequest(null, null, null);
        Account who = currentUser.get();
        Fields f = new Fields();
        Instant now = clock.instant();
        Instant occurredAt = f.occurredAt("occurredAt", b.occurredAt(), now, rules);
        Function<CaseId, Object> command = b.link(f, context(who, occurredAt, now), link);
        if (f.ok() && link) {
            try {
                cases.view(b.caseId().trim(), who, false);
            } catch (ServiceException e) {
                if (e.kind() != ServiceException.Kind.NOT_FOUND) {
                    throw e;
                }
                f.add("caseId", "case " + b.caseId() + " does not exist; check the id", "信访事项 " + b.caseId() + " 不存在，请核对编号");
            }
        }
        f.throwIfInvalid();
        CaseView v = cases.step(id, who, ETags.expectedVersions(ifMatch), command);
        return ResponseEntity.ok().eTag(ETags.of(v)).body(v);
    }

    private ResponseEntity<CaseView> step(String id, StepRequest body, String ifMatch) {
        Account who = currentUser.get();
        Fields f = new Fields();
        Instant now = clock.instant();
        Instant occurredAt = f.occurredAt("occurredAt", body.occurredAt(), now, rules);
        Function<CaseId, Object> command = body.command(f, context(who, occurredAt, now));
        f.throwIfInvalid();
        CaseView v = cases.step(id, who, ETags.expectedVersions(ifMatch), command);
        return ResponseEntity.ok().eTag(ETags.of(v)).body(v);
    }

    private StepContext context(Account who, Instant occurredAt, Instant now) {
        return new StepContext(who.actor(), occurredAt, now, units::exists, username -> accounts.find(username).map(Account::actor),
                rules);
    }

    private static List<String> row(int seq, BacklogEntry e, ZoneId zone) {
        return List.of(Integer.toString(seq), e.caseNo(), e.petitioner().name(), nz(e.petitioner().idNumber()),
                nz(e.petitioner().phone()), e.subject(), nz(e.field()), e.unit(), String.join("、", e.reasons()), nz(e.leader()),
                e.plan() == null ? "" : e.plan().crux(), e.plan() == null ? "" : e.plan().measures(),
                e.plan() == null ? "" : e.plan().responsible(),
                e.plan() == null || e.plan().targetDate() == null ? "" : e.plan().targetDate().toString(),
                e.lastProgress() == null ? "" : time(e.lastProgress().at(), zone) + " " + e.lastProgress().text(),
                e.daysSinceProgress() == null ? "" : e.daysSinceProgress().toString(),
                e.leaderProgress() == null ? "" : e.leaderProgress().status(),
                e.leaderProgress() == null ? "" : time(e.leaderProgress().dueAt(), zone),
                e.outcome() == null ? "" : OUTCOMES.getOrDefault(e.outcome(), e.outcome()));
    }

    private static String time(Instant i, ZoneId zone) {
        return i == null ? "" : MINUTE.format(i.atZone(zone));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
