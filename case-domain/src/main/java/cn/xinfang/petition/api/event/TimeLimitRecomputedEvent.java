package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 时限重算 – an open stage was counted again (reclassification or calendar revision), with the old and new instants.
 */
@Revision("1")
public record TimeLimitRecomputedEvent(
        CaseId caseId,
        Stage stage,
        RecomputeReason reason,
        String calendarVersion,
        Instant previousDue,
        Instant previousWarning,
        TimeLimit timeLimit,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
