package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 见面免除 – a meeting could not take place; the approving supervisor is the actor.
 */
@Revision("1")
public record MeetingWaivedEvent(
        CaseId caseId,
        MeetingKind kind,
        String reason,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
