package cn.xinfang.petition.domain;

/** Refuses a step whose prerequisite is missing (the response before the opinion, a meeting before the opinion or the resolution). */
public class PrerequisiteMissingException extends CaseRuleViolation {

    public PrerequisiteMissingException(String code, String english, String chinese) {
        super(Kind.CONFLICT, code, english, chinese);
    }
}
