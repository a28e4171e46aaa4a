package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 改变办理程序 – a supervisor moves the case to the other track; open stages are recomputed.
 * {@code field} (issue 15) sets the key field (重点领域) as well; with a field, {@code track} may be null
 * (the field alone changes).
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 */
public record ReclassifyPetitionCommand(@TargetAggregateIdentifier CaseId caseId,
        Track track,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt,
        KeyField field) implements CaseCommand {

    /** A change of track only (as before issue 15). */
    public ReclassifyPetitionCommand(CaseId caseId, Track track, Actor actor, Instant occurredAt, Instant recordedAt) {
        this(caseId, track, actor, occurredAt, recordedAt, null);
    }

    public ReclassifyPetitionCommand {
        if (field == null) {
            requireNonNull(track, "track");
        }
        requireNonNull(caseId, "caseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
