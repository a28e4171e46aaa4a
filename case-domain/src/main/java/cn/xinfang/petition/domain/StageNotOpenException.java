package cn.xinfang.petition.domain;

/** Refuses an extension of a stage that is not running. */
public class StageNotOpenException extends CaseRuleViolation {

    public StageNotOpenException(String code, String english, String chinese) {
        super(Kind.CONFLICT, code, english, chinese);
    }
}
