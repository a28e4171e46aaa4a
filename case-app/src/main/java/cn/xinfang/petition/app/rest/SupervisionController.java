package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.CurrentUser;
import cn.xinfang.petition.app.supervision.CampaignService;
import cn.xinfang.petition.app.supervision.CampaignSummaryService;
import cn.xinfang.petition.app.supervision.InspectionService;
import cn.xinfang.petition.app.supervision.NoticeExport;
import cn.xinfang.petition.app.supervision.NoticeService;
import cn.xinfang.petition.app.supervision.RectificationQueries;
import cn.xinfang.petition.app.supervision.RectificationService;
import cn.xinfang.petition.app.supervision.SupervisionViews;
import cn.xinfang.petition.app.cases.Units;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.time.TimeRules;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 16: 专项行动 (campaigns, regular reports, the summary), 督查 (inspections), 整改
 * (rectifications) and 通报 (notices). The checks live in the services; this maps requests and answers.
 */
@RestController
public class SupervisionController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    public record PhaseBody(String name, String from, String to) {
    }

    public record CampaignBody(String name, List<PhaseBody> phases, String reportEvery, List<String> units) {
    }

    public record PeriodBody(String from, String to) {
    }

    public record ReportBody(String unit, PeriodBody period, String text, Map<String, Object> figures) {
    }

    public record FindingBody(String kind, String text, String caseId) {
    }

    public record InspectionBody(String campaignId, String kind, List<String> methods, String unit, String date,
                                 List<String> inspectors, List<FindingBody> findings) {
    }

    public record LimitBody(Long amount, String unit) {
    }

    public record RectificationBody(Integer finding, String unit, String requirement, LimitBody limit) {
    }

    public record RectificationReportBody(String text, String occurredAt) {
    }

    public record VerifyBody(Boolean accepted, String text, LimitBody limit, String occurredAt) {
    }

    public record AccountabilityBody(List<String> persons, String proposal) {
    }

    public record NoticeBody(String kind, List<String> units, String text, List<String> caseIds, List<String> rectificationIds,
                             AccountabilityBody accountability) {
    }

    public record PublishBody(String date) {
    }

    private final CurrentUser currentUser;
    private final CampaignService campaigns;
    private final CampaignSummaryService summaries;
    private final InspectionService inspections;
    private final RectificationService rectifications;
    private final RectificationQueries rectificationQueries;
    private final NoticeService notices;
    private final Units units;
    private final TimeRules rules;
    private final Clock clock;

    public SupervisionController(CurrentUser currentUser, CampaignService campaigns, CampaignSummaryService summaries,
                                 InspectionService inspections, RectificationService rectifications,
                                 RectificationQueries rectificationQueries, NoticeService notices, Units units, TimeRules rules,
                                 Clock clock) {
        this.currentUser = currentUser;
        this.campaigns = campaigns;
        this.summaries = summaries;
        this.inspections = inspections;
        this.rectifications = rectifications;
        this.rectificationQueries = rectificationQueries;
        this.notices = notices;
        this.units = units;
        this.rules = rules;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- 专项行动

    @Operation(summary = "专项行动 – create a campaign with its phases and units (supervisors, administrators)")
    @PostMapping("/api/campaigns")
    public ResponseEntity<SupervisionViews.Campaign> createCampaign(@RequestBody CampaignBody body) {
        CampaignBody b = body != null ? body : new CampaignBody(null, null, null, null);
        List<CampaignService.PhaseInput> phases = b.phases() == null ? null
                : b.phases().stream().map(p -> p == null ? null : new CampaignService.PhaseInput(p.name(), p.from(), p.to())).toList();
        SupervisionViews.Campaign c = campaigns.create(currentUser.get(), b.name(), phases, b.reportEvery(), b.units());
        return ResponseEntity.created(URI.create("/api/campaigns/" + c.id())).body(c);
    }

    @GetMapping("/api/campaigns")
    public List<SupervisionViews.Campaign> campaigns() {
        currentUser.get();
        return campaigns.list();
    }

    @GetMapping("/api/campaigns/{id}")
    public SupervisionViews.Campaign campaign(@PathVariable String id) {
        currentUser.get();
        return campaigns.get(id);
    }

    @Operation(summary = "定期上报 – a unit reports for a period")
    @PostMapping("/api/campaigns/{id}/reports")
    public ResponseEntity<SupervisionViews.Report> report(@PathVariable String id, @RequestBody ReportBody body) {
        ReportBody b = body != null ? body : new ReportBody(null, null, null, null);
        PeriodBody p = b.period() != null ? b.period() : new PeriodBody(null, null);
        SupervisionViews.Report r = campaigns.report(currentUser.get(), id, b.unit(), p.from(), p.to(), b.text(), b.figures());
        return ResponseEntity.created(URI.create("/api/campaigns/" + id + "/reports/" + r.id())).body(r);
    }

    @GetMapping("/api/campaigns/{id}/reports")
    public List<SupervisionViews.Report> reports(@PathVariable String id, @RequestParam(required = false) String unit) {
        Account who = currentUser.get();
        return campaigns.reports(id, who.role().isUnitBound() ? who.unit() : unit);
    }

    @Operation(summary = "未报 – per elapsed period, the units without a report")
    @GetMapping("/api/campaigns/{id}/reports/missing")
    public SupervisionViews.Missing missing(@PathVariable String id, @RequestParam(required = false) String asOf) {
        return campaigns.missing(currentUser.get(), id, asOf);
    }

    @Operation(summary = "汇总 – per unit and phase, figures from the projections (json or xlsx)")
    @GetMapping("/api/campaigns/{id}/summary")
    public ResponseEntity<?> summary(@PathVariable String id, @RequestParam(required = false) String unit,
                                     @RequestParam(required = false) String format) {
        Account who = currentUser.get();
        SupervisionViews.Summary s = summaries.summary(who, id, unit);
        if (format == null || format.isBlank() || format.equals("json")) {
            return ResponseEntity.ok(s);
        }
        if (!format.equals("xlsx")) {
            throw ServiceException.invalid("format-unknown", "format must be json or xlsx", "格式须为 json 或 xlsx");
        }
        List<String> headers = new ArrayList<>(List.of("单位", "阶段", "起", "止"));
        s.figureNames().forEach(n -> headers.add(CampaignSummaryService.LABELS.getOrDefault(n, n)));
        List<List<String>> rows = new ArrayList<>();
        for (SupervisionViews.UnitPhase r : s.rows()) {
            List<String> row = new ArrayList<>(List.of(units.name(r.unit()).orElse(r.unit()), r.phase(), r.from().toString(),
                    r.to().toString()));
            s.figureNames().forEach(n -> row.add(r.figures().get(n) == null ? "" : String.valueOf(r.figures().get(n))));
            rows.add(row);
        }
        byte[] xlsx = LedgerExport.xlsx(s.name() + "汇总", who.unit() == null ? "督查组" : units.name(who.unit()).orElse(who.unit()),
                clock.instant(), headers, rows, rules.zone());
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("campaign-summary.xlsx").build().toString()).body(xlsx);
    }

    @Operation(summary = "汇总明细 – the cases or records behind one figure of one unit in one phase")
    @GetMapping("/api/campaigns/{id}/summary/items")
    public List<SupervisionViews.FigureItem> summaryItems(@PathVariable String id, @RequestParam(required = false) String unit,
                                                          @RequestParam(required = false) String phase,
                                                          @RequestParam(required = false) String figure) {
        return summaries.items(currentUser.get(), id, unit, phase, figure);
    }

    // ---------------------------------------------------------------- 督查, 整改

    @Operation(summary = "督查 – record an inspection and its findings (supervisors)")
    @PostMapping("/api/inspections")
    public ResponseEntity<SupervisionViews.Inspection> inspect(@RequestBody InspectionBody body) {
        InspectionBody b = body != null ? body : new InspectionBody(null, null, null, null, null, null, null);
        List<InspectionService.FindingInput> findings = b.findings() == null ? null : b.findings().stream()
                .map(f -> f == null ? null : new InspectionService.FindingInput(f.kind(), f.text(), f.caseId())).toList();
        SupervisionViews.Inspection i = inspections.create(currentUser.get(), b.campaignId(), b.kind(), b.methods(), b.unit(),
                b.date(), b.inspectors(), findings);
        return ResponseEntity.created(URI.create("/api/inspections/" + i.id())).body(i);
    }

    @GetMapping("/api/inspections")
    public List<SupervisionViews.Inspection> inspections(@RequestParam(required = false) String unit) {
        return inspections.list(currentUser.get(), unit);
    }

    @GetMapping("/api/inspections/{id}")
    public SupervisionViews.Inspection inspection(@PathVariable String id) {
        return inspections.get(currentUser.get(), id);
    }

    @Operation(summary = "整改意见 – a rectification for one finding, due counted from the inspection's date (supervisors)")
    @PostMapping("/api/inspections/{id}/rectifications")
    public ResponseEntity<SupervisionViews.Rectification> rectify(@PathVariable String id, @RequestBody RectificationBody body) {
        RectificationBody b = body != null ? body : new RectificationBody(null, null, null, null);
        LimitBody l = b.limit() != null ? b.limit() : new LimitBody(null, null);
        SupervisionViews.Rectification r = inspections.issue(currentUser.get(), id, b.finding(), b.unit(), b.requirement(),
                l.amount(), l.unit());
        return ResponseEntity.created(URI.create("/api/rectifications/" + r.id())).body(r);
    }

    @GetMapping("/api/rectifications")
    public ResponseEntity<?> rectifications(@RequestParam(required = false) String unit,
                                            @RequestParam(required = false) String status,
                                            @RequestParam(required = false) String format) {
        if (status != null && !status.isBlank() && !RectificationQueries.STATUSES.contains(status)) {
            throw ServiceException.invalid("invalid-request", "status must be one of " + RectificationQueries.STATUSES,
                    "status 须为以下之一：" + RectificationQueries.STATUSES);
        }
        Account who = currentUser.get();
        List<SupervisionViews.Rectification> list = rectificationQueries.list(who, unit, status == null || status.isBlank() ? null : status);
        if (format == null || format.isBlank() || format.equals("json")) {
            return ResponseEntity.ok(list);
        }
        List<String> headers = List.of("序号", "单位", "整改要求", "时限", "起算", "到期", "状态", "整改报告", "验收意见");
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (SupervisionViews.Rectification r : list) {
            rows.add(List.of(Integer.toString(n++), units.name(r.unit()).orElse(r.unit()), r.requirement(), r.limit().chinese(),
                    time(r.startedAt()), time(r.dueAt()), r.status(), r.reportText() == null ? "" : r.reportText(),
                    r.verificationText() == null ? "" : r.verificationText()));
        }
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("rectifications.csv").build().toString())
                    .body(LedgerExport.csv(headers, rows));
        }
        if (!format.equals("xlsx")) {
            throw ServiceException.invalid("format-unknown", "format must be json, csv or xlsx", "格式须为 json、csv 或 xlsx");
        }
        byte[] xlsx = LedgerExport.xlsx("整改台账", who.unit() == null ? "督查组" : units.name(who.unit()).orElse(who.unit()),
                clock.instant(), headers, rows, rules.zone());
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("rectifications.xlsx").build().toString()).body(xlsx);
    }

    @GetMapping("/api/rectifications/{id}")
    public SupervisionViews.Rectification rectification(@PathVariable String id) {
        return rectificationQueries.get(currentUser.get(), id);
    }

    @Operation(summary = "整改报告 – the unit reports (→ REPORTED)")
    @PostMapping("/api/rectifications/{id}/report")
    public SupervisionViews.Rectification reportRectification(@PathVariable String id,
                                                              @RequestBody(required = false) RectificationReportBody body) {
        RectificationReportBody b = body != null ? body : new RectificationReportBody(null, null);
        return rectifications.report(currentUser.get(), id, b.text(), b.occurredAt());
    }

    @Operation(summary = "验收 – accepted (→ CLOSED) or not (→ REOPENED with a new due) (supervisors)")
    @PostMapping("/api/rectifications/{id}/verify")
    public SupervisionViews.Rectification verify(@PathVariable String id, @RequestBody(required = false) VerifyBody body) {
        VerifyBody b = body != null ? body : new VerifyBody(null, null, null, null);
        return rectifications.verify(currentUser.get(), id, b.accepted(), b.text(), b.limit() == null ? null : b.limit().amount(),
                b.limit() == null ? null : b.limit().unit(), b.limit() != null, b.occurredAt());
    }

    // ---------------------------------------------------------------- 通报

    @Operation(summary = "通报 – draft a notice (supervisors)")
    @PostMapping("/api/notices")
    public ResponseEntity<SupervisionViews.Notice> draft(@RequestBody NoticeBody body) {
        NoticeBody b = body != null ? body : new NoticeBody(null, null, null, null, null, null);
        SupervisionViews.Notice n = notices.draft(currentUser.get(), b.kind(), b.units(), b.text(), b.caseIds(), b.rectificationIds(),
                b.accountability() == null ? null : b.accountability().persons(),
                b.accountability() == null ? null : b.accountability().proposal(), b.accountability() != null);
        return ResponseEntity.created(URI.create("/api/notices/" + n.id())).body(n);
    }

    @Operation(summary = "印发 – publish a draft notice, numbered per year (supervisors)")
    @PostMapping("/api/notices/{id}/publish")
    public SupervisionViews.Notice publish(@PathVariable String id, @RequestBody(required = false) PublishBody body) {
        return notices.publish(currentUser.get(), id, body == null ? null : body.date());
    }

    @GetMapping("/api/notices")
    public List<SupervisionViews.Notice> notices(@RequestParam(required = false) String status,
                                                 @RequestParam(required = false) String kind) {
        return notices.list(currentUser.get(), status, kind);
    }

    @GetMapping("/api/notices/{id}")
    public SupervisionViews.Notice notice(@PathVariable String id) {
        return notices.get(currentUser.get(), id);
    }

    @Operation(summary = "通报导出 – a published notice as .docx or a PDF-ready HTML page")
    @GetMapping("/api/notices/{id}/export")
    public ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(required = false) String format) {
        SupervisionViews.Notice n = notices.get(currentUser.get(), id);
        if (!n.status().equals("PUBLISHED")) {
            throw ServiceException.conflict("notice-not-published", "only a published notice can be exported; publish it first",
                    "通报尚未印发，不能导出");
        }
        java.util.function.Function<String, String> name = u -> units.name(u).orElse(u);
        if (format == null || format.isBlank() || format.equals("docx")) {
            return ResponseEntity.ok().contentType(DOCX).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("notice-" + n.year() + "-" + n.seq() + ".docx").build().toString())
                    .body(NoticeExport.docx(n, name, rules.zone()));
        }
        if (!format.equals("html")) {
            throw ServiceException.invalid("format-unknown", "format must be docx or html", "格式须为 docx 或 html");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(NoticeExport.html(n, name, rules.zone()).getBytes(StandardCharsets.UTF_8));
    }

    private String time(java.time.Instant i) {
        return i == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(i.atZone(rules.zone()));
    }
}
