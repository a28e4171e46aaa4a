package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.api.*;
import cn.xinfang.petition.api.command.RegisterPetitionCommand;
import cn.xinfang.petition.app.cases.CaseAccessPolicy;
import cn.xinfang.petition.app.rest.steps.*;
import cn.xinfang.petition.time.TimeRules;
import cn.xinfang.petition.app.cases.CaseService;
import cn.xinfang.petition.app.cases.Units;
import cn.xinfang.petition.app.persons.PersonService;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.CurrentUser;
import cn.xinfang.petition.app.security.UserAccounts;
import cn.xinfang.petition.projection.caseview.CaseView;
import cn.xinfang.petition.projection.ledger.FindLedgerQuery;
import cn.xinfang.petition.projection.ledger.LedgerPage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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

    private final CaseService cases;
    private final CaseAccessPolicy access;
    private final CurrentUser currentUser;
    private final Units units;
    private final Clock clock;
    private final ObjectMapper json;
    private final QueryGateway queries;
    private final TimeRules rules;
    private final UserAccounts accounts;
    private final PersonService persons;

    public CaseController(CaseService cases, CaseAccessPolicy access, CurrentUser currentUser, Units units, Clock clock,
                          ObjectMapper json, QueryGateway queries, TimeRules rules, UserAccounts accounts, PersonService persons) {
        this.accounts = accounts;
        this.persons = persons;
        this.cases = cases;
        this.access = access;
        this.currentUser = currentUser;
        this.units = units;
        this.clock = clock;
        this.json = json;
        this.queries = queries;
        this.rules = rules;
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
        String accusedUnit = f.optionalText("accusedUnit", body.accusedUnit(), 64);
        if (category == Category.ACCUSATION && accusedUnit == null) {
            f.add("accusedUnit", "is required for an ACCUSATION (检举控告类): the unit accused (条例 第三十条)",
                    "检举控告类事项必须填写被检举控告的单位（条例第三十条）");
        } else if (accusedUnit != null && category != null && category != Category.ACCUSATION) {
            f.add("accusedUnit", "applies to category ACCUSATION only; leave it out", "仅适用于检举控告类事项，请不要填写");
        } else if (accusedUnit != null && !units.exists(accusedUnit)) {
            f.add("accusedUnit", "unit \"" + accusedUnit + "\" does not exist; see GET /api/admin/units", "单位 \"" + accusedUnit + "\" 不存在");
        }
        KeyField field = f.optional("field", body.field(), KeyField.class); // issue 15
        Instant now = clock.instant();
        Instant occurredAt = f.occurredAt("occurredAt", body.occurredAt(), now, rules);
        if (petitioner != null) {
            f.bornBy("petitioner.idNumber", petitioner.idNumber(), LocalDate.ofInstant(now, rules.zone()));
        }
        f.throwIfInvalid();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
        if (key != null && key.length() > 200) {
            f.add("Idempotency-Key", "is longer than 200 characters; use e.g. a UUID", "超过 200 个字符，请使用例如 UUID");
        }
        f.throwIfInvalid();
        access.requireRegister(who);
        // issue 15: 重复访 – earlier cases of the same person and category with a like subject
        java.util.List<CaseId> repeatOf = persons.earlierRepeats(petitioner, category, subject);
        Petitioner identified = persons.identify(petitioner);
        CaseService.Registered r = cases.register(who, key, hash(body), occurredAt, (id, caseNo) ->
                new RegisterPetitionCommand(id, caseNo, track, channel, category, identified, headcount, subject, content, unit,
                        accusedUnit, who.actor(), occurredAt, now, null, null, field, repeatOf));
        return ResponseEntity.created(URI.create("/api/cases/" + r.view().id()))
                .eTag(ETags.of(r.view()))
                .header("Idempotent-Replayed", Boolean.toString(r.replayed()))
                .body(r.view());
    }

    /** 事项列表: a page of cases (newest first) with the total number of matching cases; from the ledger read model. */
    @GetMapping
    public LedgerPage list(@RequestParam(required = false) String unit, @RequestParam(required = false) String status,
                           @RequestParam(required = false) String track, @RequestParam(required = false) Boolean overdue,
                           @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String field) {
        String scope = access.unitScope(currentUser.get(), unit);
        Fields f = new Fields();
        ReadModelController.pageAndSize(f, page, size);
        String statusCode = ReadModelController.caseStatus(f, status);
        Track t = f.optional("track", track, Track.class);
        KeyField kf = f.optional("field", field, KeyField.class); // issue 15: 重点领域
        f.throwIfInvalid();
        return queries.query(new FindLedgerQuery(scope, statusCode, t == null ? null : t.name(), null, null, null, q, overdue,
                clock.instant(), true, page, size, kf == null ? null : kf.name()), ResponseTypes.instanceOf(LedgerPage.class)).join();
    }

    @GetMapping("/{id}")
    public ResponseEntity<CaseView> get(@PathVariable String id, @RequestParam(defaultValue = "false") boolean reveal) {
        CaseView v = cases.view(id, currentUser.get(), reveal);
        return ResponseEntity.ok().eTag(ETags.of(v)).body(v);
    }

    @PostMapping("/{id}/sign")
    public ResponseEntity<CaseView> sign(@PathVariable String id, @RequestBody(required = false) SignRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new SignRequest(null), ifMatch);
    }

    @PostMapping("/{id}/accept")
    public ResponseEntity<CaseView> accept(@PathVariable String id, @RequestBody(required = false) AcceptRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new AcceptRequest(null), ifMatch);
    }

    @PostMapping("/{id}/decline")
    public ResponseEntity<CaseView> decline(@PathVariable String id, @RequestBody(required = false) DeclineRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new DeclineRequest(null, null, null), ifMatch);
    }

    @PostMapping("/{id}/respond")
    public ResponseEntity<CaseView> respond(@PathVariable String id, @RequestBody(required = false) RespondRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new RespondRequest(null, null, null), ifMatch);
    }

    @PostMapping("/{id}/meetings")
    public ResponseEntity<CaseView> meeting(@PathVariable String id, @RequestBody(required = false) MeetingRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new MeetingRequest(null, null, null, null), ifMatch);
    }

    @PostMapping("/{id}/meetings/waive")
    public ResponseEntity<CaseView> waive(@PathVariable String id, @RequestBody(required = false) WaiveRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new WaiveRequest(null, null, null), ifMatch);
    }

    @PostMapping("/{id}/opinion")
    public ResponseEntity<CaseView> opinion(@PathVariable String id, @RequestBody(required = false) OpinionRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new OpinionRequest(null, null, null), ifMatch);
    }

    @PostMapping("/{id}/resolve")
    public ResponseEntity<CaseView> resolve(@PathVariable String id, @RequestBody(required = false) ResolveRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new ResolveRequest(null, null, null, null), ifMatch);
    }

    @PostMapping("/{id}/escalate")
    public ResponseEntity<CaseView> escalate(@PathVariable String id, @RequestBody(required = false) EscalateRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new EscalateRequest(null, null, null, null, null), ifMatch);
    }

    @PostMapping("/{id}/notify")
    public ResponseEntity<CaseView> notifyPetitioner(@PathVariable String id, @RequestBody(required = false) NotifyRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new NotifyRequest(null, null, null, null), ifMatch);
    }

    @PostMapping("/{id}/deliver")
    public ResponseEntity<CaseView> deliver(@PathVariable String id, @RequestBody(required = false) DeliverRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new DeliverRequest(null, null, null), ifMatch);
    }

    @PostMapping("/{id}/review-decision")
    public ResponseEntity<CaseView> reviewDecision(@PathVariable String id, @RequestBody(required = false) ReviewDecisionRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new ReviewDecisionRequest(null, null, null), ifMatch);
    }

    /** 复查 / 复核: opens a review case of this case's reply; answers 201 with the review case. */
    @PostMapping("/{id}/reviews")
    public ResponseEntity<CaseView> requestReview(@PathVariable String id, @RequestBody(required = false) ReviewRequest body) {
        Account who = currentUser.get();
        ReviewRequest b = body != null ? body : new ReviewRequest(null, null, null);
        Fields f = new Fields();
        Instant now = clock.instant();
        Instant occurredAt = f.occurredAt("occurredAt", b.occurredAt(), now, rules);
        String unit = f.text("unit", b.unit(), 64);
        if (unit != null && !units.exists(unit)) {
            f.add("unit", "unit \"" + unit + "\" does not exist; see GET /api/admin/units", "单位 \"" + unit + "\" 不存在");
        }
        String reason = f.text("reason", b.reason());
        f.throwIfInvalid();
        CaseView review = cases.requestReview(id, who, unit, reason, occurredAt, now);
        return ResponseEntity.created(URI.create("/api/cases/" + review.id())).eTag(ETags.of(review)).body(review);
    }

    @PostMapping("/{id}/transfer")
    public ResponseEntity<CaseView> transfer(@PathVariable String id, @RequestBody(required = false) TransferRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new TransferRequest(null, null, null), ifMatch);
    }

    @PostMapping("/{id}/return")
    public ResponseEntity<CaseView> giveBack(@PathVariable String id, @RequestBody(required = false) ReturnRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new ReturnRequest(null, null), ifMatch);
    }

    @PostMapping("/{id}/reclassify")
    public ResponseEntity<CaseView> reclassify(@PathVariable String id, @RequestBody(required = false) ReclassifyRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new ReclassifyRequest(null, null), ifMatch);
    }

    @PostMapping("/{id}/extend")
    public ResponseEntity<CaseView> extend(@PathVariable String id, @RequestBody(required = false) ExtendRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new ExtendRequest(null, null, null, null, null, null), ifMatch);
    }

    /** Checks the body's fields (all problems at once), then sends its command with the version the client decided on. */
    // issue 16: 督办
    @PostMapping("/{id}/supervise")
    public ResponseEntity<CaseView> supervise(@PathVariable String id, @RequestBody(required = false) SuperviseRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new SuperviseRequest(null, null, null), ifMatch);
    }

    @PostMapping("/{id}/supervision-reply")
    public ResponseEntity<CaseView> supervisionReply(@PathVariable String id,
            @RequestBody(required = false) SupervisionReplyRequest body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return step(id, body != null ? body : new SupervisionReplyRequest(null, null), ifMatch);
    }

    private ResponseEntity<CaseView> step(String id, StepRequest body, String ifMatch) {
        Account who = currentUser.get();
        Fields f = new Fields();
        Instant now = clock.instant();
        Instant occurredAt = f.occurredAt("occurredAt", body.occurredAt(), now, rules);
        Function<CaseId, Object> command = body.command(f, new StepContext(who.actor(), occurredAt, now, units::exists,
                username -> accounts.find(username).map(Account::actor), rules));
        f.throwIfInvalid();
        CaseView v = cases.step(id, who, ETags.expectedVersions(ifMatch), command);
        return ResponseEntity.ok().eTag(ETags.of(v)).body(v);
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

    private String hash(Object body) {
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }

}
