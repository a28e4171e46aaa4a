package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 送达 – the written reply (信访处理意见书), or a review's decision, reached the petitioner.
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 */
public record DeliverReplyCommand(@TargetAggregateIdentifier CaseId caseId,
        DeliveryMode mode,
        String receivedBy,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public DeliverReplyCommand {
        requireNonNull(mode, "mode");
        requireNonNull(caseId, "caseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
