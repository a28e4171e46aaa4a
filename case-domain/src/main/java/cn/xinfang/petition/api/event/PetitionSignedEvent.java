package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 签收 – the assigned unit signed for the case.
 */
@Revision("1")
public record PetitionSignedEvent(
        CaseId caseId,
        String unit,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
