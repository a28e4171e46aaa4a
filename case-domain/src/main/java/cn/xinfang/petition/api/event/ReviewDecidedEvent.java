package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 复查 / 复核意见 – the review case decided about the original opinion.
 */
@Revision("1")
public record ReviewDecidedEvent(
        CaseId caseId,
        ReviewDecision decision,
        String text,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
