package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/** 化解 – the outcome of a backlog case: 实体化解, 程序性办结 or 稳控. */
public record SettleBacklogCommand(@TargetAggregateIdentifier CaseId caseId,
        BacklogOutcome outcome,
        String text,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public SettleBacklogCommand {
        requireNonNull(caseId, "caseId");
        requireNonNull(outcome, "outcome");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
