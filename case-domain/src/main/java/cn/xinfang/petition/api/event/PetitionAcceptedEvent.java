package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 受理 – the assigned unit accepted the case.
 */
@Revision("1")
public record PetitionAcceptedEvent(
        CaseId caseId,
        String unit,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
