package cn.xinfang.petition.domain;

/** Refuses any step on a resolved or declined case. */
public class CaseClosedException extends CaseRuleViolation {

    public CaseClosedException(String code, String english, String chinese) {
        super(Kind.CONFLICT, code, english, chinese);
    }
}
