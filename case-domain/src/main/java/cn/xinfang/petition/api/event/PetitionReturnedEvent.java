package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 退回 – the receiving unit sent the case back to the sending unit.
 */
@Revision("1")
public record PetitionReturnedEvent(
        CaseId caseId,
        String fromUnit,
        String toUnit,
        String reason,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
