package cn.xinfang.petition.app.web;

import cn.xinfang.petition.domain.CaseAction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step forms of a case page: one per step the user may take now, as the case's own rules
 * answer it ({@code CaseService.allowedSteps}, the lifecycle folded from the case's events), each
 * named by its {@code data-step}. Both meetings share the form {@code meeting}.
 */
final class StepForms {

    /** data-step name → the actions it takes (the order is the order of the forms on the page). */
    static final Map<String, List<CaseAction>> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("sign", List.of(CaseAction.SIGN));
        STEPS.put("accept", List.of(CaseAction.ACCEPT));
        STEPS.put("decline", List.of(CaseAction.DECLINE));
        STEPS.put("respond", List.of(CaseAction.RESPOND));
        STEPS.put("meeting", List.of(CaseAction.MEET_HANDLING, CaseAction.MEET_CONCLUSION));
        STEPS.put("waive", List.of(CaseAction.WAIVE_MEETING));
        STEPS.put("opinion", List.of(CaseAction.GIVE_OPINION));
        STEPS.put("notify", List.of(CaseAction.NOTIFY));
        STEPS.put("review-decision", List.of(CaseAction.DECIDE_REVIEW));
        STEPS.put("deliver", List.of(CaseAction.DELIVER));
        STEPS.put("review", List.of(CaseAction.REQUEST_REVIEW));
        STEPS.put("resolve", List.of(CaseAction.RESOLVE));
        STEPS.put("transfer", List.of(CaseAction.TRANSFER));
        STEPS.put("return", List.of(CaseAction.RETURN));
        STEPS.put("escalate", List.of(CaseAction.ESCALATE));
        STEPS.put("extend", List.of(CaseAction.EXTEND));
        STEPS.put("reclassify", List.of(CaseAction.RECLASSIFY));
    }

    private StepForms() {
    }

    /** The data-step names of the forms for the actions allowed now, in page order. */
    static List<String> offered(List<CaseAction> allowed) {
        List<String> out = new ArrayList<>();
        STEPS.forEach((step, actions) -> {
            if (actions.stream().anyMatch(allowed::contains)) {
                out.add(step);
            }
        });
        return out;
    }
}
