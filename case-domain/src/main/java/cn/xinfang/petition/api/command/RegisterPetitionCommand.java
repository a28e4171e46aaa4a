package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 登记 – a unit receives a petition and records it; the registering unit is the first receiver (首接).
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 * {@code accusedUnit} names the unit an accusation (检举控告类) accuses; a registering handler's own unit is
 * the first receiver, and a case registered for another unit is assigned to it (交办).
 * {@code visitId} / {@code receptionId} (issue 14): the visit (走访) or reception (接访) the case was raised from, else null.
 * {@code field} is the key field (重点领域, optional); {@code repeatOf} the earlier cases of the same
 * person and matter the service found (重复访, empty or null: none).
 */
public record RegisterPetitionCommand(CaseId caseId,
        String caseNo,
        Track track,
        Channel channel,
        Category category,
        Petitioner petitioner,
        int headcount,
        String subject,
        String content,
        String unit,
        String accusedUnit,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt,
        String visitId,
        String receptionId,
        KeyField field,
        java.util.List<CaseId> repeatOf) implements CaseCommand {

    /** A registration not raised from a visit or a reception, without a key field and earlier cases. */
    public RegisterPetitionCommand(CaseId caseId, String caseNo, Track track, Channel channel, Category category,
                                   Petitioner petitioner, int headcount, String subject, String content, String unit,
                                   String accusedUnit, Actor actor, Instant occurredAt, Instant recordedAt) {
        this(caseId, caseNo, track, channel, category, petitioner, headcount, subject, content, unit, accusedUnit, actor,
                occurredAt, recordedAt, null, null, null, null);
    }

    public RegisterPetitionCommand {
        requireNonNull(caseId, "caseId");
        requireText(caseNo, "caseNo");
        requireNonNull(track, "track");
        requireNonNull(channel, "channel");
        requireNonNull(category, "category");
        requireNonNull(petitioner, "petitioner");
        CommandChecks.requireAtLeast(headcount, 1, "headcount");
        requireText(subject, "subject");
        requireText(content, "content");
        requireText(unit, "unit");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
