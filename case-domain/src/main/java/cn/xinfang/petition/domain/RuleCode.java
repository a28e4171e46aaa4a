package cn.xinfang.petition.domain;

/**
 * The rules a case enforces, each with the stable code the API answers (problem+json {@code code})
 * and the kind of refusal. The words of each refusal live in the service's message bundles under
 * {@code rule.<code>}; a refusal carries only the code and its arguments.
 */
public enum RuleCode {
    // who may act
    ROLE_NOT_PERMITTED("role-not-permitted", Kind.FORBIDDEN),
    NOT_HANDLER_OF_UNIT("not-handler-of-unit", Kind.FORBIDDEN),
    // what the case allows now
    CASE_CLOSED("case-closed", Kind.CONFLICT),
    STEP_NOT_ALLOWED("step-not-allowed", Kind.CONFLICT),
    RESPONSE_REQUIRED("response-required", Kind.CONFLICT),
    HANDLING_MEETING_REQUIRED("handling-meeting-required", Kind.CONFLICT),
    CONCLUSION_MEETING_REQUIRED("conclusion-meeting-required", Kind.CONFLICT),
    MEETING_NOT_DUE("meeting-not-due", Kind.CONFLICT),
    TRANSFER_TO_SAME_UNIT("transfer-to-same-unit", Kind.CONFLICT),
    NOT_TRANSFERRED("not-transferred", Kind.CONFLICT),
    RETURN_PERIOD_EXPIRED("return-period-expired", Kind.CONFLICT),
    SAME_TRACK("same-track", Kind.CONFLICT),
    RECLASSIFY_AFTER_ACCEPTANCE("reclassify-after-acceptance", Kind.CONFLICT),
    STAGE_NOT_OPEN("stage-not-open", Kind.CONFLICT),
    EXTENSION_LIMIT_EXCEEDED("extension-limit-exceeded", Kind.CONFLICT),
    EXTENSION_NOT_ALLOWED("extension-not-allowed", Kind.CONFLICT),
    NOTICE_KIND_MISMATCH("notice-kind-mismatch", Kind.CONFLICT),
    ACCUSED_UNIT("accused-unit", Kind.CONFLICT),
    REPLY_NOT_DELIVERED("reply-not-delivered", Kind.CONFLICT),
    REVIEW_WINDOW_CLOSED("review-window-closed", Kind.CONFLICT),
    REVIEW_EXHAUSTED("review-exhausted", Kind.CONFLICT),
    REVIEW_ALREADY_REQUESTED("review-already-requested", Kind.CONFLICT),
    // the data of the step
    LEADER_REQUIRED("leader-required", Kind.INVALID),
    ACCUSED_UNIT_REQUIRED("accused-unit-required", Kind.INVALID),
    DECISION_NOT_FOR_CATEGORY("decision-not-for-category", Kind.INVALID),
    APPROVER_NOT_PERMITTED("approver-not-permitted", Kind.INVALID),
    ID_NUMBER_BIRTH_DATE_IN_FUTURE("id-number-birth-date-in-future", Kind.INVALID),
    OCCURRED_AT_IN_FUTURE("occurred-at-in-future", Kind.INVALID),
    OCCURRED_AT_BEFORE_PREVIOUS_STEP("occurred-at-before-previous-step", Kind.INVALID),
    // the version the step was decided on
    VERSION_MISMATCH("version-mismatch", Kind.STALE),
    // issue 14: visits (大走访), the reception rota and reception records (大接访)
    RECORD_ROLE_NOT_PERMITTED("record-role-not-permitted", Kind.FORBIDDEN),
    NOT_OWN_UNIT("not-own-unit", Kind.FORBIDDEN),
    ROTA_DAY_NOT_SCHEDULED("rota-day-not-scheduled", Kind.CONFLICT),
    ROTA_NO_WORKING_DAY("rota-no-working-day", Kind.INVALID),
    CASE_ALREADY_RAISED("case-already-raised", Kind.CONFLICT),
    // issue 15: backlog cases (积案, 包案), repeat petitions (重复访)
    NOT_ESCALATED("not-escalated", Kind.CONFLICT),
    NO_LEADER("no-leader", Kind.CONFLICT),
    BACKLOG_SETTLED("backlog-settled", Kind.CONFLICT),
    NOT_CASE_LEADER("not-case-leader", Kind.FORBIDDEN),
    LEADER_NOT_PERMITTED("leader-not-permitted", Kind.INVALID),
    PLAN_INCOMPLETE("plan-incomplete", Kind.INVALID),
    LEADER_CHANGE_REASON_REQUIRED("leader-change-reason-required", Kind.INVALID),
    REPEAT_OF_ITSELF("repeat-of-itself", Kind.INVALID),
    REPEAT_ALREADY_LINKED("repeat-already-linked", Kind.CONFLICT),
    REPEAT_NOT_LINKED("repeat-not-linked", Kind.CONFLICT),
    // issue 16: 督办 of a case, rectifications (整改)
    SUPERVISOR_REQUIRED("supervisor-required", Kind.FORBIDDEN),
    NOT_OF_UNIT("not-of-unit", Kind.FORBIDDEN),
    SUPERVISION_ALREADY_OPEN("supervision-already-open", Kind.CONFLICT),
    SUPERVISION_NOT_OPEN("supervision-not-open", Kind.CONFLICT),
    RECTIFICATION_NOT_OPEN("rectification-not-open", Kind.CONFLICT),
    RECTIFICATION_NOT_REPORTED("rectification-not-reported", Kind.CONFLICT);

    /** What sort of refusal a rule gives. */
    public enum Kind {
        /** The case's state does not allow the step now. */
        CONFLICT,
        /** The actor may not take this step on this case. */
        FORBIDDEN,
        /** The command's data is wrong for the rule (e.g. a time in the future). */
        INVALID,
        /** The command was decided on an older version of the case than the current one. */
        STALE
    }

    private final String code;
    private final Kind kind;

    RuleCode(String code, Kind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** The stable code, e.g. {@code step-not-allowed}. */
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
