package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/** 越级访 – the petitioner of the case went to a higher level ({@code place}) at {@code occurredAt}. */
public record RecordSkipLevelCommand(@TargetAggregateIdentifier CaseId caseId,
        SkipLevel level,
        String place,
        String text,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public RecordSkipLevelCommand {
        requireNonNull(caseId, "caseId");
        requireNonNull(level, "level");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
