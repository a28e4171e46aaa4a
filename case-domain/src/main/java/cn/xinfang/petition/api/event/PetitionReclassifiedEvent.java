package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 改变办理程序 – the case moved from one track to the other.
 */
@Revision("1")
public record PetitionReclassifiedEvent(
        CaseId caseId,
        Track fromTrack,
        Track toTrack,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
