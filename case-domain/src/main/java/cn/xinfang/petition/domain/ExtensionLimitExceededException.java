package cn.xinfang.petition.domain;

/** Refuses an extension beyond what the rules allow (CONCLUDE at most 30 calendar days in total). */
public class ExtensionLimitExceededException extends CaseRuleViolation {

    public ExtensionLimitExceededException(String code, String english, String chinese) {
        super(Kind.CONFLICT, code, english, chinese);
    }
}
