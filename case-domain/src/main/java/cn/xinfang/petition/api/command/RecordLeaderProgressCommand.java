package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/** 包案推进 – the case's leader (or a handler of its unit) records what was done on a backlog case. */
public record RecordLeaderProgressCommand(@TargetAggregateIdentifier CaseId caseId,
        ProgressKind kind,
        String text,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public RecordLeaderProgressCommand {
        requireNonNull(caseId, "caseId");
        requireNonNull(kind, "kind");
        requireNonNull(text, "text");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
