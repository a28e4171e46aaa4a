package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 提级 / 包案 – the case is raised to a responsible leader (包案领导) with a plan (一案一策). {@code stage} names the breached stage when the reason is BREACH.
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 */
public record EscalatePetitionCommand(@TargetAggregateIdentifier CaseId caseId,
        EscalationReason reason,
        String leader,
        String plan,
        Stage stage,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public EscalatePetitionCommand {
        requireNonNull(reason, "reason");
        requireNonNull(caseId, "caseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
