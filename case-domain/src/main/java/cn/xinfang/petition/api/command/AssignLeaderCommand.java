package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/** 包案 – a supervisor assigns the one active leader of an escalated case with a plan (一案一策); {@code leader} is the leader's user as an actor (id, unit, role). A new assignment replaces the previous one, {@code reason} says why. */
public record AssignLeaderCommand(@TargetAggregateIdentifier CaseId caseId,
        Actor leader,
        LeaderPlan plan,
        String reason,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public AssignLeaderCommand {
        requireNonNull(caseId, "caseId");
        requireNonNull(leader, "leader");
        requireNonNull(plan, "plan");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
