package cn.xinfang.petition.app.web;

import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.domain.CaseAction;
import cn.xinfang.petition.domain.CaseStatus;
import cn.xinfang.petition.projection.caseview.CaseView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which step forms a case page offers: a step whose action the case's status table
 * ({@link CaseStatus#allows}) allows now, to a user whose role may take it (handlers of the case's
 * unit the handling steps; supervisors transfer, escalate, extend, waive meetings and reclassify).
 * The case itself decides when a form is sent: a finer prerequisite that is missing (受理回应 before
 * the opinion, 见面 before the conclusion) is refused by the case and its message shown beside the
 * form, so no rule is decided here.
 */
final class StepForms {

    /** data-step name → the action it takes (the order is the order of the forms on the page). */
    static final Map<String, CaseAction> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("sign", CaseAction.SIGN);
        STEPS.put("accept", CaseAction.ACCEPT);
        STEPS.put("decline", CaseAction.DECLINE);
        STEPS.put("respond", CaseAction.RESPOND);
        STEPS.put("meeting", null); // MEET_HANDLING or MEET_CONCLUSION, by status
        STEPS.put("waive", CaseAction.WAIVE_MEETING);
        STEPS.put("opinion", CaseAction.GIVE_OPINION);
        STEPS.put("resolve", CaseAction.RESOLVE);
        STEPS.put("transfer", CaseAction.TRANSFER);
        STEPS.put("return", CaseAction.RETURN);
        STEPS.put("escalate", CaseAction.ESCALATE);
        STEPS.put("extend", CaseAction.EXTEND);
        STEPS.put("reclassify", CaseAction.RECLASSIFY);
    }

    private StepForms() {
    }

    /** The data-step names of the forms to show to {@code who} on {@code view}, in page order. */
    static List<String> offered(CaseView view, Account who) {
        CaseStatus status = CaseStatus.valueOf(view.status());
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, CaseAction> s : STEPS.entrySet()) {
            CaseAction action = s.getValue() != null ? s.getValue() : meetingAction(status);
            if (action != null && status.allows(action) && mayTake(who, view, action) && (action != CaseAction.RETURN || returnable(view))) {
                out.add(s.getKey());
            }
        }
        return out;
    }

    /** The meeting the status asks for: the handling meeting once accepted, the conclusion meeting after the opinion. */
    static CaseAction meetingAction(CaseStatus status) {
        return status.allows(CaseAction.MEET_HANDLING) ? CaseAction.MEET_HANDLING
                : status.allows(CaseAction.MEET_CONCLUSION) ? CaseAction.MEET_CONCLUSION : null;
    }

    private static boolean mayTake(Account who, CaseView view, CaseAction action) {
        boolean handlerOfUnit = who.role() == Role.HANDLER && view.unit().equals(who.unit());
        return switch (action) {
            case WAIVE_MEETING, ESCALATE, EXTEND, RECLASSIFY -> who.role() == Role.SUPERVISOR;
            case TRANSFER -> who.role() == Role.SUPERVISOR || handlerOfUnit;
            default -> handlerOfUnit;
        };
    }

    /** Only a case that came by transfer can be returned: its last transfer was not itself a return. */
    private static boolean returnable(CaseView view) {
        return !view.transfers().isEmpty() && !view.transfers().get(view.transfers().size() - 1).returned();
    }
}
