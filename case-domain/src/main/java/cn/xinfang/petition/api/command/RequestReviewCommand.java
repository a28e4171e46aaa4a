package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 复查 / 复核申请 – the petitioner asks for a review of this case's reply; the review will be the case
 * {@code reviewCaseId} with {@code unit} (the reviewing body).
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 */
public record RequestReviewCommand(@TargetAggregateIdentifier CaseId caseId,
        CaseId reviewCaseId,
        String unit,
        String reason,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public RequestReviewCommand {
        requireNonNull(reviewCaseId, "reviewCaseId");
        requireText(unit, "unit");
        requireText(reason, "reason");
        requireNonNull(caseId, "caseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
