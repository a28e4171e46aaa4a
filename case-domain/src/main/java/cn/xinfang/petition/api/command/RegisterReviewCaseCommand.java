package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 复查 / 复核登记 – a review case is opened for a review requested on {@code parentCaseId} (the parent
 * recorded the request first); it copies the parent's petitioner, category and subject.
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 */
public record RegisterReviewCaseCommand(CaseId caseId,
        String caseNo,
        CaseId parentCaseId,
        ReviewLevel level,
        Track track,
        Channel channel,
        Category category,
        Petitioner petitioner,
        int headcount,
        String subject,
        String content,
        String unit,
        String accusedUnit,
        String reason,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public RegisterReviewCaseCommand {
        requireText(caseNo, "caseNo");
        requireNonNull(parentCaseId, "parentCaseId");
        requireNonNull(level, "level");
        requireNonNull(track, "track");
        requireNonNull(channel, "channel");
        requireNonNull(category, "category");
        requireNonNull(petitioner, "petitioner");
        requireText(subject, "subject");
        requireText(content, "content");
        requireText(unit, "unit");
        requireText(reason, "reason");
        requireNonNull(caseId, "caseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
