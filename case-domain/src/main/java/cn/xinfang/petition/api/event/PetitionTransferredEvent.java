package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 转送 / 交办 – the case was handed to another unit; it may return it until {@code returnableUntil} (5 working days).
 * Revision 2 adds {@code kind}: {@code ASSIGNMENT} (交办) when a unit registered the case for another; null in
 * revision 1 payloads, which were all transfers.
 */
@Revision("2")
public record PetitionTransferredEvent(
        CaseId caseId,
        String fromUnit,
        String toUnit,
        String reason,
        TransferKind kind,
        Instant returnableUntil,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
