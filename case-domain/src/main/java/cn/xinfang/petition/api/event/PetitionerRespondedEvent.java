package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 受理回应 – the petitioner was told the matter is accepted.
 */
@Revision("1")
public record PetitionerRespondedEvent(
        CaseId caseId,
        ResponseMode mode,
        String summary,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
