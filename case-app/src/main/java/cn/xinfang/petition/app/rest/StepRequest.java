package cn.xinfang.petition.app.rest;

/**
 * Body of a step ({@code POST /api/cases/{id}/...}); each step reads the fields it needs:
 * decline {reason, guidance}; respond {mode, summary}; meetings {kind, place, summary};
 * meetings/waive {kind, reason}; opinion {decision, text}; resolve {summary, satisfaction};
 * escalate {reason, leader, plan}; transfer {toUnit, reason}; return {reason}; reclassify {track};
 * extend {stage, amount, reason}. Every step takes an optional {@code occurredAt}.
 */
public record StepRequest(String occurredAt, String reason, String guidance, String mode, String summary, String kind,
                          String place, String decision, String text, String satisfaction, String leader, String plan,
                          String toUnit, String track, String stage, Long amount) {

    static final StepRequest EMPTY = new StepRequest(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);
}
