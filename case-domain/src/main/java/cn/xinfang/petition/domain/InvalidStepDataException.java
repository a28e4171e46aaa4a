package cn.xinfang.petition.domain;

/** Refuses a step whose data is incomplete or wrong for the rule it falls under (e.g. an escalation without a leader). */
public class InvalidStepDataException extends CaseRuleViolation {

    public InvalidStepDataException(String code, String english, String chinese) {
        super(Kind.INVALID, code, english, chinese);
    }
}
