package cn.xinfang.petition.domain;

/** Refuses a step that the case's state does not allow now (out of order, repeated, or on a closed case). */
public class StepNotAllowedException extends CaseRuleViolation {

    public StepNotAllowedException(String code, String english, String chinese) {
        super(Kind.CONFLICT, code, english, chinese);
    }
}
