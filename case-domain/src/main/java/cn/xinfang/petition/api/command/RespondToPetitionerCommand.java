package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 受理回应 – the petitioner is told that the matter is accepted.
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 */
public record RespondToPetitionerCommand(@TargetAggregateIdentifier CaseId caseId,
        ResponseMode mode,
        String summary,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public RespondToPetitionerCommand {
        requireNonNull(mode, "mode");
        requireText(summary, "summary");
        requireNonNull(caseId, "caseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
