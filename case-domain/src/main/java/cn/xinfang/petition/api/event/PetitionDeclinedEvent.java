package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 不予受理 – the unit declined the case, with the reason and where the petitioner should go.
 */
@Revision("1")
public record PetitionDeclinedEvent(
        CaseId caseId,
        String unit,
        String reason,
        String guidance,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
