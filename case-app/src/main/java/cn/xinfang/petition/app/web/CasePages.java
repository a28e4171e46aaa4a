package cn.xinfang.petition.app.web;

import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Channel;
import cn.xinfang.petition.api.Decision;
import cn.xinfang.petition.api.EscalationReason;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.api.ResponseMode;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.Satisfaction;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.app.cases.CaseService;
import cn.xinfang.petition.app.rest.CaseController;
import cn.xinfang.petition.app.rest.RegisterRequest;
import cn.xinfang.petition.app.rest.StepRequest;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.domain.CaseStatus;
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
import java.util.function.Function;

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
            "petitioner.phone", "petitioner.address", "headcount", "subject", "content", "unit", "occurredAt");
    static final List<String> STEP_FIELDS = List.of("occurredAt", "reason", "guidance", "mode", "summary", "kind", "place",
            "decision", "text", "satisfaction", "leader", "plan", "toUnit", "track", "stage", "amount");

    private final CaseController api;
    private final CaseService cases;
    private final Ui ui;

    CasePages(CaseController api, CaseService cases, Ui ui) {
        this.api = api;
        this.cases = cases;
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
                occurredAt(values.get("occurredAt"), ui.zone()));
        try {
            ResponseEntity<CaseView> r = api.register(body, key);
            return "redirect:/cases/" + r.getBody().id() + "?registered";
        } catch (RuntimeException e) {
            PageProblem p = PageProblem.of(e).orElseThrow(() -> e);
            response.setStatus(p.status().value());
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
        Function<StepRequest, ResponseEntity<CaseView>> send = sender(id, step, form.getFirst("version"));
        if (send == null) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        Map<String, String> values = values(form, STEP_FIELDS);
        String amount = values.get("amount");
        Long parsedAmount = null;
        if (amount != null && !amount.isBlank()) {
            try {
                parsedAmount = Long.parseLong(amount.trim());
            } catch (NumberFormatException e) {
                parsedAmount = -1L; // refused by the API's own check, with its message
            }
        }
        StepRequest body = new StepRequest(occurredAt(values.get("occurredAt"), ui.zone()), values.get("reason"), values.get("guidance"),
                values.get("mode"), values.get("summary"), values.get("kind"), values.get("place"), values.get("decision"),
                values.get("text"), values.get("satisfaction"), values.get("leader"), values.get("plan"), values.get("toUnit"),
                values.get("track"), values.get("stage"), parsedAmount);
        try {
            send.apply(body);
            redirect.addFlashAttribute("done", step);
            return "redirect:/cases/" + id;
        } catch (RuntimeException e) {
            PageProblem p = PageProblem.of(e).orElseThrow(() -> e);
            log.info("page step {} refused caseId={} code={}", step, id, p.code());
            CaseView v = cases.view(id, PageAdvice.me(model), false);
            response.setStatus(p.status().value());
            return casePage(model, v, step, p, values, false);
        }
    }

    private Function<StepRequest, ResponseEntity<CaseView>> sender(String id, String step, String version) {
        String ifMatch = version == null || version.isBlank() ? null : "\"" + version.trim() + "\"";
        return switch (step) {
            case "sign" -> b -> api.sign(id, b, ifMatch);
            case "accept" -> b -> api.accept(id, b, ifMatch);
            case "decline" -> b -> api.decline(id, b, ifMatch);
            case "respond" -> b -> api.respond(id, b, ifMatch);
            case "meeting" -> b -> api.meeting(id, b, ifMatch);
            case "waive" -> b -> api.waive(id, b, ifMatch);
            case "opinion" -> b -> api.opinion(id, b, ifMatch);
            case "resolve" -> b -> api.resolve(id, b, ifMatch);
            case "escalate" -> b -> api.escalate(id, b, ifMatch);
            case "transfer" -> b -> api.transfer(id, b, ifMatch);
            case "return" -> b -> api.giveBack(id, b, ifMatch);
            case "reclassify" -> b -> api.reclassify(id, b, ifMatch);
            case "extend" -> b -> api.extend(id, b, ifMatch);
            default -> null;
        };
    }

    private String casePage(Model model, CaseView v, String failedStep, PageProblem problem, Map<String, String> typed, boolean revealed) {
        Account me = PageAdvice.me(model);
        List<TimeLimitView> running = v.timeLimits().stream().filter(Timeline::running).toList();
        model.addAttribute("c", v);
        model.addAttribute("revealed", revealed);
        model.addAttribute("mayReveal", me.role() == Role.SUPERVISOR || me.role() == Role.AUDITOR);
        model.addAttribute("running", running);
        model.addAttribute("timeline", Timeline.of(v).entries());
        model.addAttribute("steps", StepForms.offered(v, me));
        model.addAttribute("meetingKind", meetingKind(v));
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
        return "case";
    }

    private static MeetingKind meetingKind(CaseView v) {
        CaseStatus status = CaseStatus.valueOf(v.status());
        return StepForms.meetingAction(status) == cn.xinfang.petition.domain.CaseAction.MEET_CONCLUSION
                ? MeetingKind.CONCLUSION : MeetingKind.HANDLING;
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
