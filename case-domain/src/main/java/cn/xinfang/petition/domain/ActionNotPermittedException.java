package cn.xinfang.petition.domain;

/** Refuses the actor's role or unit may not take this step (首接首办: only handlers of the assigned unit advance a case). */
public class ActionNotPermittedException extends CaseRuleViolation {

    public ActionNotPermittedException(String code, String english, String chinese) {
        super(Kind.FORBIDDEN, code, english, chinese);
    }
}
