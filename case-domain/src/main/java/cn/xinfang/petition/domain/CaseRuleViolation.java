package cn.xinfang.petition.domain;

/**
 * A command that breaks a rule of the case. Carries a stable {@link #code()} (the UI and the API
 * turn it into a message key and a problem type), the English message and the Chinese one, and
 * the kind of refusal. No event is recorded when one is thrown.
 */
public class CaseRuleViolation extends RuntimeException {

    /** What sort of refusal this is. */
    public enum Kind {
        /** The case's state does not allow the step now. */
        CONFLICT,
        /** The actor may not take this step on this case. */
        FORBIDDEN,
        /** The command's data is wrong (e.g. a time in the future). */
        INVALID,
        /** The command was decided on an older version of the case than the current one. */
        STALE
    }

    private final String code;
    private final String chinese;
    private final Kind kind;

    public CaseRuleViolation(Kind kind, String code, String english, String chinese) {
        super(english);
        this.kind = kind;
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public Kind kind() {
        return kind;
    }
}
