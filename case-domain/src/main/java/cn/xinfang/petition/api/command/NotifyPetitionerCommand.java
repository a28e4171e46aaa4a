package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 书面告知 – the unit tells the petitioner in writing that the matter is accepted, not accepted or sent on.
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 */
public record NotifyPetitionerCommand(@TargetAggregateIdentifier CaseId caseId,
        NoticeKind kind,
        NoticeMode mode,
        String text,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public NotifyPetitionerCommand {
        requireNonNull(kind, "kind");
        requireNonNull(mode, "mode");
        requireText(text, "text");
        requireNonNull(caseId, "caseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
