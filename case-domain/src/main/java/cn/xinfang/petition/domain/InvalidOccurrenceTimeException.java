package cn.xinfang.petition.domain;

/** Refuses an occurredAt in the future (beyond one minute of clock skew) or before the case's previous step. */
public class InvalidOccurrenceTimeException extends CaseRuleViolation {

    public InvalidOccurrenceTimeException(String code, String english, String chinese) {
        super(Kind.INVALID, code, english, chinese);
    }
}
