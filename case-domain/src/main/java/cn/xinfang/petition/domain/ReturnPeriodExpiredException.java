package cn.xinfang.petition.domain;

/** Refuses a return (退回) after the 5 working days the receiving unit has. */
public class ReturnPeriodExpiredException extends CaseRuleViolation {

    public ReturnPeriodExpiredException(String code, String english, String chinese) {
        super(Kind.CONFLICT, code, english, chinese);
    }
}
