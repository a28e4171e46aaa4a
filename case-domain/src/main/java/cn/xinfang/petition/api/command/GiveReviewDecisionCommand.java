package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 复查 / 复核意见 – the review case decides about the original opinion.
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 */
public record GiveReviewDecisionCommand(@TargetAggregateIdentifier CaseId caseId,
        ReviewDecision decision,
        String text,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public GiveReviewDecisionCommand {
        requireNonNull(decision, "decision");
        requireText(text, "text");
        requireNonNull(caseId, "caseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
