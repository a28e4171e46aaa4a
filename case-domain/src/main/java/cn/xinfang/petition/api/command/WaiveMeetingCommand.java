package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 见面免除 – a supervisor records that a meeting cannot take place (refused or impossible), with the reason.
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 */
public record WaiveMeetingCommand(@TargetAggregateIdentifier CaseId caseId,
        MeetingKind kind,
        String reason,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public WaiveMeetingCommand {
        requireNonNull(kind, "kind");
        requireText(reason, "reason");
        requireNonNull(caseId, "caseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
