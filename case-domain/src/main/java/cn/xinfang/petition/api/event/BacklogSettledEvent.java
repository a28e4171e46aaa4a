package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** 化解 – the outcome of the backlog case; CONTAINED (稳控) keeps it on the backlog with its leader. */
@Revision("1")
public record BacklogSettledEvent(
        CaseId caseId,
        String leader,
        BacklogOutcome outcome,
        String text,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
