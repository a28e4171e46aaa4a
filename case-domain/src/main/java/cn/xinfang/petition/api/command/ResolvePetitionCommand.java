package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 办结 – the case is concluded, with a summary and the petitioner's rating if given, and where the
 * rating came from ({@code NOT_GIVEN} when there is none).
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 */
public record ResolvePetitionCommand(@TargetAggregateIdentifier CaseId caseId,
        String summary,
        Satisfaction satisfaction,
        SatisfactionSource satisfactionSource,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public ResolvePetitionCommand {
        requireText(summary, "summary");
        satisfactionSource = satisfactionSource == null ? SatisfactionSource.NOT_GIVEN : satisfactionSource;
        requireNonNull(caseId, "caseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
