package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 办结 – the case was concluded.
 */
@Revision("1")
public record PetitionResolvedEvent(
        CaseId caseId,
        String summary,
        Satisfaction satisfaction,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
