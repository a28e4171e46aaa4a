package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/** 重复访 – a handler removes the link of the case to an earlier case, saying why. */
public record UnlinkRepeatCommand(@TargetAggregateIdentifier CaseId caseId,
        CaseId earlierCaseId,
        String reason,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public UnlinkRepeatCommand {
        requireNonNull(caseId, "caseId");
        requireNonNull(earlierCaseId, "earlierCaseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
