package cn.xinfang.petition.domain;

/** Refuses a step sent for a version of the case that is no longer the current one (HTTP If-Match). */
public class StaleCaseVersionException extends CaseRuleViolation {

    public StaleCaseVersionException(String code, String english, String chinese) {
        super(Kind.STALE, code, english, chinese);
    }
}
