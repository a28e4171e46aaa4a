package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.api.*;
import cn.xinfang.petition.api.command.*;
import cn.xinfang.petition.app.cases.CaseService;
import cn.xinfang.petition.app.cases.Units;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.CurrentUser;
import cn.xinfang.petition.projection.caseview.CaseView;
import cn.xinfang.petition.projection.ledger.FindLedgerQuery;
import cn.xinfang.petition.projection.ledger.LedgerPage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * 信访事项 – register a case, take its steps, read it. Each step answers the case as that step left
 * it, with its version as {@code ETag}; a step sent with {@code If-Match} on an older version is
 * refused with 412 and changes nothing.
 */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

    /** The largest extension accepted in one step, in the stage's unit. */
    static final long MAX_EXTENSION = 1000;

    private final CaseService cases;
    private final CurrentUser currentUser;
    private final Units units;
    private final Clock clock;
    private final ObjectMapper json;
    private final QueryGateway queries;
    private final java.time.ZoneId zone;

    public CaseController(CaseService cases, CurrentUser currentUser, Units units, Clock clock, ObjectMapper json,
                          QueryGateway queries, cn.xinfang.petition.time.BusinessTime time) {
        this.queries = queries;
        this.zone = time.zone();
        this.cases = cases;
        this.currentUser = currentUser;
        this.units = units;
        this.clock = clock;
        this.json = json;
    }

    @PostMapping
    public ResponseEntity<CaseView> register(@RequestBody RegisterRequest body,
                                             @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        Account who = currentUser.get();
        Fields f = new Fields();
        Track track = f.required("track", body.track(), Track.class);
        Channel channel = f.required("channel", body.channel(), Channel.class);
        Category category = f.required("category", body.category(), Category.class);
        Petitioner petitioner = petitioner(f, body.petitioner());
        int headcount = body.headcount() == null ? 1 : body.headcount();
        if (headcount < 1) {
            f.add("headcount", "must be at least 1", "人数至少为 1");
        }
        String subject = f.text("subject", body.subject(), 200);
        String content = f.text("content", body.content());
        String unit = f.text("unit", body.unit(), 64);
        if (unit != null && !units.exists(unit)) {
            f.add("unit", "unit \"" + unit + "\" does not exist; see GET /api/admin/units", "单位 \"" + unit + "\" 不存在");
        }
        Instant occurredAt = f.occurredAt("occurredAt", body.occurredAt(), clock, zone);
        if (petitioner != null && petitioner.idNumber() != null
                && ResidentIdNumber.birthDate(petitioner.idNumber()).isAfter(java.time.LocalDate.now(clock.withZone(java.time.ZoneOffset.ofHours(8))))) {
            f.add("petitioner.idNumber", "the birth date in the ID number is in the future; check the number",
                    "身份证号码中的出生日期晚于今天，请核对");
        }
        f.throwIfInvalid();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null && key.length() > 200) {
            f.add("Idempotency-Key", "is longer than 200 characters; use e.g. a UUID", "超过 200 个字符，请使用例如 UUID");
        }
        f.throwIfInvalid();
        if (who.role() != Role.HANDLER && who.role() != Role.SUPERVISOR) {
            // refused before a case number is taken, so refusals leave no gap in the numbering
            throw new ApiException(HttpStatus.FORBIDDEN, "role-not-permitted",
                    "the role " + who.role() + " may not register a petition; this needs a HANDLER or SUPERVISOR",
                    "角色 " + who.role() + " 无权登记信访事项");
        }
        Instant now = clock.instant();
        CaseService.Registered r = cases.register(who, key, hash(body), occurredAt, (id, caseNo) ->
                new RegisterPetitionCommand(id, caseNo, track, channel, category, petitioner, headcount, subject, content, unit,
                        who.actor(), occurredAt, now));
        return ResponseEntity.created(URI.create("/api/cases/" + r.view().id()))
                .eTag(etag(r.view()))
                .header("Idempotent-Replayed", Boolean.toString(r.replayed()))
                .body(r.view());
    }

    /** 事项列表: a page of cases (newest first) with the total number of matching cases; from the ledger read model. */
    @GetMapping
    public LedgerPage list(@RequestParam(required = false) String unit, @RequestParam(required = false) String status,
                           @RequestParam(required = false) String track, @RequestParam(required = false) Boolean overdue,
                           @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size) {
        String scope = Scope.unit(currentUser.get(), unit);
        Fields f = new Fields();
        ReadModelController.pageAndSize(f, page, size);
        String statusCode = ReadModelController.caseStatus(f, status);
        Track t = f.optional("track", track, Track.class);
        f.throwIfInvalid();
        return queries.query(new FindLedgerQuery(scope, statusCode, t == null ? null : t.name(), null, null, null, q, overdue,
                clock.instant(), true, page, size), ResponseTypes.instanceOf(LedgerPage.class)).join();
    }

    @GetMapping("/{id}")
    public ResponseEntity<CaseView> get(@PathVariable String id, @RequestParam(defaultValue = "false") boolean reveal) {
        CaseView v = cases.view(id, currentUser.get(), reveal);
        return ResponseEntity.ok().eTag(etag(v)).body(v);
    }

    @PostMapping("/{id}/sign")
    public ResponseEntity<CaseView> sign(@PathVariable String id, @RequestBody(required = false) StepRequest body,
                                         @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body, ifMatch, (f, b, who, at, now) -> cid -> new SignPetitionCommand(cid, who, at, now));
    }

    @PostMapping("/{id}/accept")
    public ResponseEntity<CaseView> accept(@PathVariable String id, @RequestBody(required = false) StepRequest body,
                                           @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body, ifMatch, (f, b, who, at, now) -> cid -> new AcceptPetitionCommand(cid, who, at, now));
    }

    @PostMapping("/{id}/decline")
    public ResponseEntity<CaseView> decline(@PathVariable String id, @RequestBody(required = false) StepRequest body,
                                            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body, ifMatch, (f, b, who, at, now) -> {
            String reason = f.text("reason", b.reason());
            String guidance = f.optionalText("guidance", b.guidance(), Fields.LONG_TEXT);
            return cid -> new DeclinePetitionCommand(cid, reason, guidance, who, at, now);
        });
    }

    @PostMapping("/{id}/respond")
    public ResponseEntity<CaseView> respond(@PathVariable String id, @RequestBody(required = false) StepRequest body,
                                            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body, ifMatch, (f, b, who, at, now) -> {
            ResponseMode mode = f.required("mode", b.mode(), ResponseMode.class);
            String summary = f.text("summary", b.summary());
            return cid -> new RespondToPetitionerCommand(cid, mode, summary, who, at, now);
        });
    }

    @PostMapping("/{id}/meetings")
    public ResponseEntity<CaseView> meeting(@PathVariable String id, @RequestBody(required = false) StepRequest body,
                                            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body, ifMatch, (f, b, who, at, now) -> {
            MeetingKind kind = f.required("kind", b.kind(), MeetingKind.class);
            String summary = f.text("summary", b.summary());
            String place = f.optionalText("place", b.place(), 200);
            return cid -> new RecordMeetingCommand(cid, kind, place, summary, who, at, now);
        });
    }

    @PostMapping("/{id}/meetings/waive")
    public ResponseEntity<CaseView> waive(@PathVariable String id, @RequestBody(required = false) StepRequest body,
                                          @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body, ifMatch, (f, b, who, at, now) -> {
            MeetingKind kind = f.required("kind", b.kind(), MeetingKind.class);
            String reason = f.text("reason", b.reason());
            return cid -> new WaiveMeetingCommand(cid, kind, reason, who, at, now);
        });
    }

    @PostMapping("/{id}/opinion")
    public ResponseEntity<CaseView> opinion(@PathVariable String id, @RequestBody(required = false) StepRequest body,
                                            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body, ifMatch, (f, b, who, at, now) -> {
            Decision decision = f.required("decision", b.decision(), Decision.class);
            String text = f.text("text", b.text());
            return cid -> new GiveOpinionCommand(cid, decision, text, who, at, now);
        });
    }

    @PostMapping("/{id}/resolve")
    public ResponseEntity<CaseView> resolve(@PathVariable String id, @RequestBody(required = false) StepRequest body,
                                            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body, ifMatch, (f, b, who, at, now) -> {
            String summary = f.text("summary", b.summary());
            Satisfaction satisfaction = f.optional("satisfaction", b.satisfaction(), Satisfaction.class);
            return cid -> new ResolvePetitionCommand(cid, summary, satisfaction, who, at, now);
        });
    }

    @PostMapping("/{id}/escalate")
    public ResponseEntity<CaseView> escalate(@PathVariable String id, @RequestBody(required = false) StepRequest body,
                                             @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body, ifMatch, (f, b, who, at, now) -> {
            EscalationReason reason = f.required("reason", b.reason(), EscalationReason.class);
            String leader = f.text("leader", b.leader(), 100);
            String plan = f.optionalText("plan", b.plan(), 2000);
            Stage stage = f.optional("stage", b.stage(), Stage.class);
            return cid -> new EscalatePetitionCommand(cid, reason, leader, plan, stage, who, at, now);
        });
    }

    @PostMapping("/{id}/transfer")
    public ResponseEntity<CaseView> transfer(@PathVariable String id, @RequestBody(required = false) StepRequest body,
                                             @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body, ifMatch, (f, b, who, at, now) -> {
            String toUnit = f.text("toUnit", b.toUnit(), 64);
            if (toUnit != null && !units.exists(toUnit)) {
                f.add("toUnit", "unit \"" + toUnit + "\" does not exist", "单位 \"" + toUnit + "\" 不存在");
            }
            String reason = f.text("reason", b.reason());
            return cid -> new TransferPetitionCommand(cid, toUnit, reason, who, at, now);
        });
    }

    @PostMapping("/{id}/return")
    public ResponseEntity<CaseView> giveBack(@PathVariable String id, @RequestBody(required = false) StepRequest body,
                                             @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body, ifMatch, (f, b, who, at, now) -> {
            String reason = f.text("reason", b.reason());
            return cid -> new ReturnPetitionCommand(cid, reason, who, at, now);
        });
    }

    @PostMapping("/{id}/reclassify")
    public ResponseEntity<CaseView> reclassify(@PathVariable String id, @RequestBody(required = false) StepRequest body,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body, ifMatch, (f, b, who, at, now) -> {
            Track track = f.required("track", b.track(), Track.class);
            return cid -> new ReclassifyPetitionCommand(cid, track, who, at, now);
        });
    }

    @PostMapping("/{id}/extend")
    public ResponseEntity<CaseView> extend(@PathVariable String id, @RequestBody(required = false) StepRequest body,
                                           @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body, ifMatch, (f, b, who, at, now) -> {
            Stage stage = f.required("stage", b.stage(), Stage.class);
            Long amount = b.amount();
            if (amount == null || amount <= 0 || amount > MAX_EXTENSION) {
                f.add("amount", "is required: a whole number from 1 to " + MAX_EXTENSION
                                + " in the stage's own unit (working hours, working days or calendar days)",
                        "必填：1 至 " + MAX_EXTENSION + " 的整数，按该环节时限单位计（工作小时、工作日或自然日）");
            }
            String reason = f.text("reason", b.reason());
            return cid -> new ExtendTimeLimitCommand(cid, stage, amount == null ? 0 : amount, reason, who, at, now);
        });
    }

    /** Builds a step's command from the validated body; the command itself is made once the fields are valid. */
    @FunctionalInterface
    interface StepFactory {
        Function<CaseId, Object> build(Fields f, StepRequest body, Actor who, Instant occurredAt, Instant now);
    }

    private ResponseEntity<CaseView> step(String id, StepRequest body, String ifMatch, StepFactory factory) {
        Account who = currentUser.get();
        StepRequest b = body == null ? StepRequest.EMPTY : body;
        Fields f = new Fields();
        Instant occurredAt = f.occurredAt("occurredAt", b.occurredAt(), clock, zone);
        Function<CaseId, Object> command = factory.build(f, b, who.actor(), occurredAt, clock.instant());
        f.throwIfInvalid();
        CaseView v = cases.step(id, who, ifMatch, command);
        return ResponseEntity.ok().eTag(etag(v)).body(v);
    }

    private static Petitioner petitioner(Fields f, RegisterRequest.PetitionerRequest p) {
        if (p == null) {
            f.add("petitioner", "is required: {name, idNumber?, phone?, address?}", "必填：信访人信息 {name, idNumber?, phone?, address?}");
            return null;
        }
        String name = f.text("petitioner.name", p.name(), 100);
        String id = f.check("petitioner.idNumber", p.idNumber(), ResidentIdNumber::normalize,
                "身份证号码无效：须为18位，出生日期真实，校验码正确（GB 11643-1999）");
        String phone = f.check("petitioner.phone", p.phone(), PhoneNumber::normalize,
                "电话号码无效：须为11位手机号或带区号的固定电话，如 0371-62345678");
        if (name == null || (p.idNumber() != null && !p.idNumber().isBlank() && id == null)
                || (p.phone() != null && !p.phone().isBlank() && phone == null)) {
            return null;
        }
        String address = f.optionalText("petitioner.address", p.address(), 200);
        if (p.address() != null && !p.address().isBlank() && address == null) {
            return null;
        }
        return new Petitioner(name, id, phone, address);
    }

    static String etag(CaseView v) {
        return "\"" + v.version() + "\"";
    }

    private String hash(Object body) {
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

}
