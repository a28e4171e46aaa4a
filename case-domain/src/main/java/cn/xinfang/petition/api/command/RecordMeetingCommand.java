package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 办理见面 / 办结见面 – a meeting with the petitioner took place.
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 */
public record RecordMeetingCommand(@TargetAggregateIdentifier CaseId caseId,
        MeetingKind kind,
        String place,
        String summary,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public RecordMeetingCommand {
        requireNonNull(kind, "kind");
        requireText(summary, "summary");
        requireNonNull(caseId, "caseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
