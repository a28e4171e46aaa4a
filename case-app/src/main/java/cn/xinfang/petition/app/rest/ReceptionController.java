package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.visit.ReceptionKind;
import cn.xinfang.petition.app.cases.Units;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.CurrentUser;
import cn.xinfang.petition.app.security.UserAccounts;
import cn.xinfang.petition.app.visits.ReceptionService;
import cn.xinfang.petition.app.visits.VisitViews;
import cn.xinfang.petition.time.TimeRules;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** 大接访 (issue 14): the reception rota, reception records and the compliance list (接访落实). */
@RestController
@RequestMapping("/api/receptions")
public class ReceptionController {

    private final ReceptionService receptions;
    private final CurrentUser currentUser;
    private final Units units;
    private final UserAccounts accounts;
    private final TimeRules rules;
    private final Clock clock;

    public ReceptionController(ReceptionService receptions, CurrentUser currentUser, Units units, UserAccounts accounts, TimeRules rules,
                               Clock clock) {
        this.receptions = receptions;
        this.currentUser = currentUser;
        this.units = units;
        this.accounts = accounts;
        this.rules = rules;
        this.clock = clock;
    }

    @PostMapping("/rota")
    public ResponseEntity<List<VisitViews.RotaDay>> generate(@RequestBody VisitRequests.RotaRequest body) {
        Account who = currentUser.get();
        Fields f = new Fields();
        String unit = VisitFields.unit(f, body.unit(), who, units);
        LocalDate from = VisitFields.date(f, "from", body.from(), true, rules.zone());
        LocalDate to = VisitFields.date(f, "to", body.to(), true, rules.zone());
        if (from != null && to != null && (to.isBefore(from) || to.isAfter(from.plusYears(1)))) {
            f.add("to", "must be from the start to at most a year after it", "须不早于开始日期，且不超过一年");
        }
        String monday = VisitFields.user(f, "monday", body.monday(), accounts);
        String friday = VisitFields.user(f, "friday", body.friday(), accounts);
        List<String> others = VisitFields.users(f, "others", body.others(), accounts);
        f.throwIfInvalid();
        List<VisitViews.RotaDay> days = receptions.generateRota(who, unit, from, to, monday, friday, others);
        return ResponseEntity.created(URI.create("/api/receptions/rota?unit=" + unit + "&from=" + from + "&to=" + to)).body(days);
    }

    @GetMapping("/rota")
    public List<VisitViews.RotaDay> rota(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to) {
        Fields f = new Fields();
        LocalDate fromDate = VisitFields.date(f, "from", from, false, rules.zone());
        LocalDate toDate = VisitFields.date(f, "to", to, false, rules.zone());
        f.throwIfInvalid();
        return receptions.rota(currentUser.get(), unit, fromDate, toDate);
    }

    @PutMapping("/rota/{unit}/{date}")
    public VisitViews.RotaDay swap(@PathVariable String unit, @PathVariable String date, @RequestBody VisitRequests.SwapRequest body) {
        Account who = currentUser.get();
        Fields f = new Fields();
        LocalDate day = VisitFields.date(f, "date", date, true, rules.zone());
        String leader = VisitFields.user(f, "leader", body.leader(), accounts);
        String reason = f.optionalText("reason", body.reason(), 500);
        f.throwIfInvalid();
        return receptions.swap(who, unit, day, leader, reason);
    }

    @PostMapping
    public ResponseEntity<VisitViews.Reception> record(@RequestBody VisitRequests.ReceptionRequest body) {
        Account who = currentUser.get();
        Fields f = new Fields();
        String unit = VisitFields.unit(f, body.unit(), who, units);
        LocalDate date = VisitFields.date(f, "date", body.date(), true, rules.zone());
        String leader = VisitFields.user(f, "leader", body.leader(), accounts);
        ReceptionKind kind = body.kind() == null || body.kind().isBlank() ? ReceptionKind.RECEPTION
                : f.required("kind", body.kind(), ReceptionKind.class);
        Petitioner person = VisitFields.person(f, body.person(), LocalDate.ofInstant(clock.instant(), rules.zone()));
        int headcount = body.headcount() == null ? 1 : body.headcount();
        if (headcount < 1) {
            f.add("headcount", "must be at least 1", "人数至少为 1");
        }
        String demands = f.text("demands", body.demands());
        boolean raise = Boolean.TRUE.equals(body.raiseCase());
        Track track = raise ? f.required("track", body.track(), Track.class) : null;
        Category category = !raise || body.category() == null || body.category().isBlank() ? Category.COMPLAINT
                : f.required("category", body.category(), Category.class);
        f.throwIfInvalid();
        VisitViews.Reception r = receptions.record(who, unit, date, leader, kind, person, headcount, demands, track, category);
        return ResponseEntity.created(URI.create("/api/receptions/" + r.id())).body(r);
    }

    @GetMapping
    public ResponseEntity<?> list(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to, @RequestParam(defaultValue = "json") String format) {
        Account who = currentUser.get();
        Fields f = new Fields();
        LocalDate fromDate = VisitFields.date(f, "from", from, false, rules.zone());
        LocalDate toDate = VisitFields.date(f, "to", to, false, rules.zone());
        format(f, format);
        f.throwIfInvalid();
        List<VisitViews.Reception> list = receptions.list(who, unit, fromDate, toDate);
        if ("json".equals(format)) {
            return ResponseEntity.ok(list);
        }
        List<String> headers = List.of("序号", "日期", "接访领导", "方式", "信访人", "身份证号", "联系方式", "人数", "主要诉求", "转办事项");
        List<List<String>> rows = new ArrayList<>();
        int i = 1;
        for (VisitViews.Reception r : list) {
            rows.add(List.of(Integer.toString(i++), r.date().toString(), r.displayName(), r.kind(), r.person().name(),
                    nz(r.person().idNumber()), nz(r.person().phone()), Integer.toString(r.headcount()), r.demands(), nz(r.caseId())));
        }
        return export(format, "接访台账", unit == null ? who.unit() : unit, headers, rows, "receptions");
    }

    @GetMapping("/{id}")
    public VisitViews.Reception get(@PathVariable String id) {
        return receptions.view(id, currentUser.get());
    }

    @GetMapping("/compliance")
    public ResponseEntity<?> compliance(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
                                        @RequestParam(required = false) String to, @RequestParam(defaultValue = "json") String format) {
        Account who = currentUser.get();
        Fields f = new Fields();
        LocalDate fromDate = VisitFields.date(f, "from", from, false, rules.zone());
        LocalDate toDate = VisitFields.date(f, "to", to, false, rules.zone());
        format(f, format);
        f.throwIfInvalid();
        List<VisitViews.ComplianceDay> days = receptions.compliance(who, unit, fromDate, toDate);
        if ("json".equals(format)) {
            return ResponseEntity.ok(days);
        }
        List<String> headers = List.of("日期", "接访领导", "是否接访", "接访次数", "转办事项数", "未办结事项", "超期环节");
        List<List<String>> rows = new ArrayList<>();
        for (VisitViews.ComplianceDay d : days) {
            rows.add(List.of(d.date().toString(), d.displayName(), d.held() ? "是" : "否", Integer.toString(d.receptions()),
                    Integer.toString(d.casesRaised()), String.join("、", d.casesOpen().stream().map(VisitViews.OpenCase::caseNo).toList()),
                    String.join("、", d.casesOpen().stream().flatMap(c -> c.overdueStages().stream()).toList())));
        }
        return export(format, "接访落实情况", unit == null ? who.unit() : unit, headers, rows, "reception-compliance");
    }

    private static void format(Fields f, String format) {
        if (!List.of("json", "xlsx", "csv").contains(format)) {
            f.add("format", "must be json, xlsx or csv", "须为 json、xlsx 或 csv");
        }
    }

    private ResponseEntity<byte[]> export(String format, String title, String unit, List<String> headers, List<List<String>> rows,
                                          String name) {
        if ("xlsx".equals(format)) {
            return VisitController.file(LedgerExport.xlsx(title, unit == null ? "全部单位" : unit, clock.instant(), headers, rows, rules.zone()),
                    ReadModelController.XLSX, name + ".xlsx");
        }
        return VisitController.file(LedgerExport.csv(headers, rows), ReadModelController.CSV, name + ".csv");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
