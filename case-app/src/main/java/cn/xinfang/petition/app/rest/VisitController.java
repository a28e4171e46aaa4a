package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.visit.VisitDetails;
import cn.xinfang.petition.app.cases.Units;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.CurrentUser;
import cn.xinfang.petition.app.security.UserAccounts;
import cn.xinfang.petition.app.visits.VisitService;
import cn.xinfang.petition.app.visits.VisitViews;
import cn.xinfang.petition.projection.caseview.CaseView;
import cn.xinfang.petition.time.TimeRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * 大走访 (issue 14): record, correct and read visits, raise a case from one, the 大走访工作台账 in the
 * notice's template (xlsx, csv, json) and the coverage (遍访).
 */
@RestController
@RequestMapping("/api/visits")
public class VisitController {

    private final VisitService visits;
    private final CurrentUser currentUser;
    private final Units units;
    private final UserAccounts accounts;
    private final TimeRules rules;
    private final Clock clock;
    private final String townName;

    public VisitController(VisitService visits, CurrentUser currentUser, Units units, UserAccounts accounts, TimeRules rules, Clock clock,
                           @Value("${cases.town-name:曹庙镇}") String townName) {
        this.visits = visits;
        this.currentUser = currentUser;
        this.units = units;
        this.accounts = accounts;
        this.rules = rules;
        this.clock = clock;
        this.townName = townName;
    }

    @PostMapping
    public ResponseEntity<VisitViews.Visit> record(@RequestBody VisitRequests.VisitRequest body) {
        Account who = currentUser.get();
        Fields f = new Fields();
        String unit = VisitFields.unit(f, body.unit(), who, units);
        VisitDetails d = details(f, body);
        f.throwIfInvalid();
        VisitViews.Visit v = visits.record(who, unit, d);
        return ResponseEntity.created(URI.create("/api/visits/" + v.id())).body(v);
    }

    @PutMapping("/{id}")
    public VisitViews.Visit correct(@PathVariable String id, @RequestBody VisitRequests.VisitRequest body) {
        Account who = currentUser.get();
        Fields f = new Fields();
        VisitDetails d = details(f, body);
        f.throwIfInvalid();
        return visits.correct(id, who, d);
    }

    private VisitDetails details(Fields f, VisitRequests.VisitRequest body) {
        LocalDate visitedAt = VisitFields.date(f, "visitedAt", body.visitedAt(), true, rules.zone());
        List<String> visitors = VisitFields.users(f, "visitors", body.visitors(), accounts);
        Petitioner person = VisitFields.person(f, body.person(), LocalDate.ofInstant(clock.instant(), rules.zone()));
        String where = f.optionalText("workUnitOrAddress", body.workUnitOrAddress(), 500);
        String demands = f.text("demands", body.demands());
        String resolution = f.optionalText("resolution", body.resolution(), Fields.LONG_TEXT);
        String remarks = f.optionalText("remarks", body.remarks(), Fields.LONG_TEXT);
        if (!f.ok()) {
            return null;
        }
        return new VisitDetails(visitedAt, visitors, person, where, demands, resolution, remarks);
    }

    @GetMapping
    public VisitViews.VisitPage list(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to, @RequestParam(required = false) String q,
                                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Account who = currentUser.get();
        Fields f = new Fields();
        ReadModelController.pageAndSize(f, page, size);
        LocalDate fromDate = VisitFields.date(f, "from", from, false, rules.zone());
        LocalDate toDate = VisitFields.date(f, "to", to, false, rules.zone());
        f.throwIfInvalid();
        return visits.list(who, unit, fromDate, toDate, q, page, size);
    }

    @GetMapping("/{id}")
    public VisitViews.Visit get(@PathVariable String id, @RequestParam(defaultValue = "false") boolean reveal) {
        return visits.view(id, currentUser.get(), reveal);
    }

    @PostMapping("/{id}/case")
    public ResponseEntity<CaseView> raiseCase(@PathVariable String id, @RequestBody(required = false) VisitRequests.RaiseCaseRequest body) {
        Account who = currentUser.get();
        Fields f = new Fields();
        VisitRequests.RaiseCaseRequest b = body == null ? new VisitRequests.RaiseCaseRequest(null, null, null) : body;
        Track track = f.required("track", b.track(), Track.class);
        Category category = b.category() == null || b.category().isBlank() ? Category.COMPLAINT : f.required("category", b.category(), Category.class);
        String subject = f.optionalText("subject", b.subject(), 200);
        f.throwIfInvalid();
        CaseView c = visits.raiseCase(id, who, track, category, subject);
        return ResponseEntity.created(URI.create("/api/cases/" + c.id())).eTag(ETags.of(c)).body(c);
    }

    /** 大走访工作台账: {@code format=xlsx} (the notice's template), {@code csv} (with a BOM) or {@code json} (the rows). */
    @GetMapping("/ledger")
    public ResponseEntity<?> ledger(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to, @RequestParam(defaultValue = "json") String format,
                                    @RequestParam(defaultValue = "false") boolean reveal) {
        Account who = currentUser.get();
        Fields f = new Fields();
        LocalDate fromDate = VisitFields.date(f, "from", from, false, rules.zone());
        LocalDate toDate = VisitFields.date(f, "to", to, false, rules.zone());
        if (!List.of("json", "xlsx", "csv").contains(format)) {
            f.add("format", "must be json, xlsx or csv", "须为 json、xlsx 或 csv");
        }
        f.throwIfInvalid();
        List<VisitViews.LedgerRow> rows = visits.ledger(who, unit, fromDate, toDate, reveal);
        String scope = unit == null || unit.isBlank() ? who.unit() : unit.trim();
        if ("xlsx".equals(format)) {
            byte[] body = VisitLedgerExport.xlsx(townName, visits.unitName(scope), LocalDate.now(clock.withZone(rules.zone())), rows);
            return file(body, ReadModelController.XLSX, "visit-ledger.xlsx");
        }
        if ("csv".equals(format)) {
            return file(VisitLedgerExport.csv(rows), ReadModelController.CSV, "visit-ledger.csv");
        }
        return ResponseEntity.ok(rows);
    }

    @GetMapping("/coverage")
    public VisitViews.Coverage coverage(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to) {
        Account who = currentUser.get();
        Fields f = new Fields();
        LocalDate fromDate = VisitFields.date(f, "from", from, true, rules.zone());
        LocalDate toDate = VisitFields.date(f, "to", to, true, rules.zone());
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            f.add("to", "must not be before from", "不能早于开始日期");
        }
        f.throwIfInvalid();
        return visits.coverage(who, unit, fromDate, toDate);
    }

    static ResponseEntity<byte[]> file(byte[] body, org.springframework.http.MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
