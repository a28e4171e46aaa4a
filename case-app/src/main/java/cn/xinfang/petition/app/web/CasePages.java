package cn.xinfang.petition.app.web;

import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Channel;
import cn.xinfang.petition.api.Decision;
import cn.xinfang.petition.api.EscalationReason;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.api.ResponseMode;
import cn.xinfang.petition.api.Satisfaction;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.app.cases.CaseAccessPolicy;
import cn.xinfang.petition.app.cases.CaseHistoryService;
import cn.xinfang.petition.app.cases.CaseService;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.rest.CaseController;
import cn.xinfang.petition.app.rest.RegisterRequest;
import cn.xinfang.petition.app.rest.steps.AcceptRequest;
import cn.xinfang.petition.app.rest.steps.DeclineRequest;
import cn.xinfang.petition.app.rest.steps.DeliverRequest;
import cn.xinfang.petition.app.rest.steps.ReviewRequest;
import cn.xinfang.petition.app.rest.steps.NotifyRequest;
import cn.xinfang.petition.app.rest.steps.ReviewDecisionRequest;
import cn.xinfang.petition.app.rest.steps.EscalateRequest;
import cn.xinfang.petition.app.rest.steps.ExtendRequest;
import cn.xinfang.petition.app.rest.steps.MeetingRequest;
import cn.xinfang.petition.app.rest.steps.OpinionRequest;
import cn.xinfang.petition.app.rest.steps.ReclassifyRequest;
import cn.xinfang.petition.app.rest.steps.ResolveRequest;
import cn.xinfang.petition.app.rest.steps.RespondRequest;
import cn.xinfang.petition.app.rest.steps.ReturnRequest;
import cn.xinfang.petition.app.rest.steps.SignRequest;
import cn.xinfang.petition.app.rest.steps.TransferRequest;
import cn.xinfang.petition.app.rest.steps.WaiveRequest;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.domain.CaseAction;
import cn.xinfang.petition.projection.caseview.CaseView;
import cn.xinfang.petition.projection.caseview.TimeLimitView;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * 登记 and 事项详情: the registration form, a case's page (facts, badges, timeline, step forms),
 * the steps and revealing personal data. Forms are named like the API's JSON and go through the
 * API's own request checks ({@link CaseController}) and {@link CaseService}, so a page and the API
 * accept and refuse exactly the same things.
 */
@Controller
class CasePages {

    private static final Logger log = LoggerFactory.getLogger(CasePages.class);

    static final List<String> REGISTER_FIELDS = List.of("track", "channel", "category", "petitioner.name", "petitioner.idNumber",
            "petitioner.phone", "petitioner.address", "headcount", "subject", "content", "unit", "occurredAt", "accusedUnit", "field");
    static final List<String> STEP_FIELDS = List.of("occurredAt", "reason", "guidance", "mode", "summary", "kind", "place",
            "decision", "text", "satisfaction", "satisfactionSource", "leader", "plan", "toUnit", "track", "stage", "amount", "approvedBy",
            "petitionerToldAt", "receivedBy", "unit");

    private final CaseController api;
    private final CaseService cases;
    private final CaseAccessPolicy access;
    private final PageProblems problems;
    private final Ui ui;
    private final CaseHistoryService history;

    CasePages(CaseController api, CaseService cases, CaseAccessPolicy access, PageProblems problems, Ui ui, CaseHistoryService history) {
        this.history = history;
        this.api = api;
        this.access = access;
        this.cases = cases;
        this.problems = problems;
        this.ui = ui;
    }

    // ------------------------------------------------------------------ 登记 register

    @GetMapping("/cases/new")
    String registerForm(Model model) {
        Account me = PageAdvice.me(model);
        Map<String, String> values = new HashMap<>();
        values.put("track", Track.SIMPLE.name());
        values.put("headcount", "1");
        if (me.unit() != null) {
            values.put("unit", me.unit());
        }
        return registerPage(model, values, Map.of(), null, UUID.randomUUID().toString());
    }

    /** The ID number checked as it is typed (htmx): the same check as on registration (GB 11643-1999). */
    @GetMapping("/cases/new/id-check")
    String idCheck(@RequestParam(name = "petitioner.idNumber", required = false) String idNumber, Model model) {
        String error = null;
        if (idNumber != null && !idNumber.isBlank()) {
            try {
                ResidentIdNumber.normalize(idNumber);
            } catch (IllegalArgumentException e) {
                error = "ui.register.idNumberInvalid";
            }
        }
        model.addAttribute("idError", error);
        model.addAttribute("idOk", error == null && idNumber != null && !idNumber.isBlank());
        return "register :: idCheck";
    }

    @PostMapping("/cases/new")
    String register(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response, Locale locale) {
        Map<String, String> values = values(form, REGISTER_FIELDS);
        String key = form.getFirst("idempotencyKey");
        RegisterRequest body = new RegisterRequest(values.get("track"), values.get("channel"), values.get("category"),
                new RegisterRequest.PetitionerRequest(values.get("petitioner.name"), values.get("petitioner.idNumber"),
                        values.get("petitioner.phone"), values.get("petitioner.address")),
                headcount(values.get("headcount")), values.get("subject"), values.get("content"), values.get("unit"),
                occurredAt(values.get("occurredAt"), ui.zone()), values.get("accusedUnit"), values.get("field"));
        try {
            ResponseEntity<CaseView> r = api.register(body, key);
            return "redirect:/cases/" + r.getBody().id() + "?registered";
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            response.setStatus(p.status());
            return registerPage(model, values, p.fieldMessages(locale), p, key);
        }
    }

    private String registerPage(Model model, Map<String, String> values, Map<String, String> errors, PageProblem problem, String key) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("tracks", Track.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("keyFields", cn.xinfang.petition.api.KeyField.values());
        return "register";
    }

    // ------------------------------------------------------------------ 事项详情 the case

    @GetMapping("/cases/{id}")
    String show(@PathVariable String id, Model model) {
        CaseView v = cases.view(id, PageAdvice.me(model), false);
        return casePage(model, v, null, null, Map.of(), false);
    }

    /** 显示 – the case with personal data unmasked, for supervisors and auditors; recorded in the access log. */
    @PostMapping("/cases/{id}/reveal")
    String reveal(@PathVariable String id, Model model) {
        CaseView v = cases.view(id, PageAdvice.me(model), true);
        return casePage(model, v, null, null, Map.of(), true);
    }

    @PostMapping("/cases/{id}/steps/{step}")
    String step(@PathVariable String id, @PathVariable String step, @RequestParam MultiValueMap<String, String> form, Model model,
                HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        Map<String, String> values = values(form, STEP_FIELDS);
        String version = form.getFirst("version");
        try {
            CaseView answer = sendDecidedOn(id, step, values, version);
            redirect.addFlashAttribute("done", step);
            // 复查 / 复核 opens a case of its own: the page goes on with the review case
            return "redirect:/cases/" + ("review".equals(step) && answer != null ? answer.id() : id);
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            log.info("page step {} refused caseId={} code={}", step, id, p.code());
            CaseView v = cases.view(id, PageAdvice.me(model), false);
            response.setStatus(p.status());
            return casePage(model, v, step, p, values, false);
        }
    }

    /**
     * Sends the step with the version the page showed. When only the service itself recorded
     * something since (a warning, a breach, the escalation a breach brings), the person decided on the
     * same facts: the step goes through on the current version. Anything a person recorded since
     * still refuses it (version-mismatch, "reload and decide again").
     */
    private CaseView sendDecidedOn(String id, String step, Map<String, String> values, String version) {
        String ifMatch = version == null || version.isBlank() ? null : "\"" + version.trim() + "\"";
        long decidedOn = ifMatch != null && version.trim().matches("\\d{1,18}") ? Long.parseLong(version.trim()) : -1;
        // the saga may record several warnings or breaches one after another: a few tries, each on the version just checked
        for (int attempt = 1; ; attempt++) {
            try {
                return sender(id, step, values, ifMatch).get().getBody();
            } catch (RuntimeException e) {
                boolean stale = problems.of(e).map(p -> "version-mismatch".equals(p.code())).orElse(false);
                if (!stale || decidedOn < 0 || attempt >= 5) {
                    throw e;
                }
                java.util.OptionalLong current = history.onlySystemEventsSince(id, decidedOn);
                if (current.isEmpty()) {
                    throw e;
                }
                log.info("page step {} caseId={}: only warnings or breaches recorded since the page's version; sent on version {}", step,
                        id, current.getAsLong());
                // still with If-Match: a person's step recorded in the meantime refuses it as before
                ifMatch = "\"" + current.getAsLong() + "\"";
            }
        }
    }

    /**
     * The step's own request record, filled from the form (fields named like the API's JSON), sent
     * through the API's method for it: the same checks, the same command, the same service.
     */
    private Supplier<ResponseEntity<CaseView>> sender(String id, String step, Map<String, String> v, String ifMatch) {
        String at = occurredAt(v.get("occurredAt"), ui.zone());
        return switch (step) {
            case "sign" -> () -> api.sign(id, new SignRequest(at), ifMatch);
            case "accept" -> () -> api.accept(id, new AcceptRequest(at), ifMatch);
            case "decline" -> () -> api.decline(id, new DeclineRequest(v.get("reason"), v.get("guidance"), at), ifMatch);
            case "respond" -> () -> api.respond(id, new RespondRequest(v.get("mode"), v.get("summary"), at), ifMatch);
            case "meeting" -> () -> api.meeting(id, new MeetingRequest(v.get("kind"), v.get("place"), v.get("summary"), at), ifMatch);
            case "waive" -> () -> api.waive(id, new WaiveRequest(v.get("kind"), v.get("reason"), at), ifMatch);
            case "opinion" -> () -> api.opinion(id, new OpinionRequest(v.get("decision"), v.get("text"), at), ifMatch);
            case "resolve" -> () -> api.resolve(id, new ResolveRequest(v.get("summary"), v.get("satisfaction"), v.get("satisfactionSource"),
                    at), ifMatch);
            case "notify" -> () -> api.notifyPetitioner(id, new NotifyRequest(v.get("kind"), v.get("mode"), v.get("text"), at), ifMatch);
            case "deliver" -> () -> api.deliver(id, new DeliverRequest(v.get("mode"), at, v.get("receivedBy")), ifMatch);
            case "review" -> () -> api.requestReview(id, new ReviewRequest(v.get("unit"), v.get("reason"), at));
            case "review-decision" -> () -> api.reviewDecision(id, new ReviewDecisionRequest(v.get("decision"), v.get("text"), at), ifMatch);
            case "escalate" -> () -> api.escalate(id, new EscalateRequest(v.get("reason"), v.get("leader"), v.get("plan"), v.get("stage"),
                    at), ifMatch);
            case "transfer" -> () -> api.transfer(id, new TransferRequest(v.get("toUnit"), v.get("reason"), at), ifMatch);
            case "return" -> () -> api.giveBack(id, new ReturnRequest(v.get("reason"), at), ifMatch);
            case "reclassify" -> () -> api.reclassify(id, new ReclassifyRequest(v.get("track"), at), ifMatch);
            case "extend" -> () -> api.extend(id, new ExtendRequest(v.get("stage"), amount(v.get("amount")), v.get("reason"), v.get("approvedBy"),
                    occurredAt(v.get("petitionerToldAt"), ui.zone()), at), ifMatch);
            default -> throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        };
    }

    /** An amount as typed; text that is no whole number becomes -1, which the API's check refuses with its message. */
    private static Long amount(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private String casePage(Model model, CaseView v, String failedStep, PageProblem problem, Map<String, String> typed, boolean revealed) {
        Account me = PageAdvice.me(model);
        List<TimeLimitView> running = v.timeLimits().stream().filter(Timeline::running).toList();
        model.addAttribute("c", v);
        model.addAttribute("revealed", revealed);
        model.addAttribute("mayReveal", mayReveal(me));
        model.addAttribute("running", running);
        model.addAttribute("timeline", Timeline.of(v).entries());
        List<CaseAction> allowed = cases.allowedSteps(v.id(), me);
        List<String> steps = new java.util.ArrayList<>(StepForms.offered(allowed));
        if (failedStep != null && !steps.contains(failedStep) && StepForms.STEPS.containsKey(failedStep)) {
            steps.add(0, failedStep); // refused because the case moved on: the form stays, with what was typed and why
        }
        model.addAttribute("steps", steps);
        model.addAttribute("meetingKind", allowed.contains(CaseAction.MEET_CONCLUSION) ? MeetingKind.CONCLUSION : MeetingKind.HANDLING);
        model.addAttribute("failedStep", failedStep);
        model.addAttribute("problem", problem);
        model.addAttribute("stepErrors", problem == null ? Map.of() : problem.fieldMessages(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("typed", typed);
        model.addAttribute("responseModes", ResponseMode.values());
        model.addAttribute("meetingKinds", MeetingKind.values());
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("escalationReasons", EscalationReason.values());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("tracks", Track.values());
        model.addAttribute("satisfactionSources", cn.xinfang.petition.api.SatisfactionSource.values());
        model.addAttribute("noticeKinds", cn.xinfang.petition.api.NoticeKind.values());
        model.addAttribute("noticeModes", cn.xinfang.petition.api.NoticeMode.values());
        model.addAttribute("deliveryModes", cn.xinfang.petition.api.DeliveryMode.values());
        model.addAttribute("reviewDecisions", cn.xinfang.petition.api.ReviewDecision.values());
        return "case";
    }

    /** Whether the policy lets {@code me} see personal data unmasked (the 显示 button is shown only then). */
    private boolean mayReveal(Account me) {
        try {
            access.requireReveal(me);
            return true;
        } catch (ServiceException refused) {
            return false;
        }
    }

    // ------------------------------------------------------------------ form values

    static Map<String, String> values(MultiValueMap<String, String> form, List<String> fields) {
        Map<String, String> values = new HashMap<>();
        for (String f : fields) {
            String v = form.getFirst(f);
            if (v != null && !v.isEmpty()) {
                values.put(f, v);
            }
        }
        return values;
    }

    /** A number of persons as typed; text that is no number becomes 0, which the API's check refuses with its message. */
    private static Integer headcount(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * A {@code datetime-local} input ("2026-11-20T09:00") is a time in the case zone: it is given its
     * offset there, as the API's contract wants; any other text is passed on for the API to refuse.
     */
    static String occurredAt(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?")) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toOffsetDateTime().toString();
            } catch (DateTimeParseException e) {
                return v;
            }
        }
        return v;
    }
}
