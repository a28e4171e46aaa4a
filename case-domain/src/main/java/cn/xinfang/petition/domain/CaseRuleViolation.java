package cn.xinfang.petition.domain;

import java.util.List;

/**
 * A command that breaks a rule of the case: the {@link Rejection} (rule code and arguments). No
 * event is recorded when one is thrown. The message is the code and the arguments, for logs; people
 * read the words the service renders from the code.
 */
public class CaseRuleViolation extends RuntimeException {

    private final transient Rejection rejection;

    public CaseRuleViolation(Rejection rejection) {
        super(rejection.code().code() + " " + rejection.args(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }

    public RuleCode code() {
        return rejection.code();
    }

    public List<Object> args() {
        return rejection.args();
    }

    public RuleCode.Kind kind() {
        return rejection.code().kind();
    }
}
