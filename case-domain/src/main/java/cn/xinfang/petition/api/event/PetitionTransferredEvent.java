package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 转送 / 交办 – the case was handed to another unit; it may return it until {@code returnableUntil} (5 working days).
 */
@Revision("1")
public record PetitionTransferredEvent(
        CaseId caseId,
        String fromUnit,
        String toUnit,
        String reason,
        Instant returnableUntil,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
