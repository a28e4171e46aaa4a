package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 不予受理 – the unit declines the matter, saying why and where the petitioner should go (诉访分离).
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 */
public record DeclinePetitionCommand(@TargetAggregateIdentifier CaseId caseId,
        String reason,
        String guidance,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public DeclinePetitionCommand {
        requireText(reason, "reason");
        requireNonNull(caseId, "caseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
