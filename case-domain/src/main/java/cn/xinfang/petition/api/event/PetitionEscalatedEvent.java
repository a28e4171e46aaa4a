package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 提级 / 包案 – the case was raised to a responsible leader; {@code stage} is the breached stage for reason BREACH.
 */
@Revision("1")
public record PetitionEscalatedEvent(
        CaseId caseId,
        EscalationReason reason,
        String leader,
        String plan,
        Stage stage,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
