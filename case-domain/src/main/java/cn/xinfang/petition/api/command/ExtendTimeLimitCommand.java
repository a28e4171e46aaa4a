package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.*;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;
import static cn.xinfang.petition.api.command.CommandChecks.requireTimes;

/**
 * 延期 – an open stage extended by an amount in the stage's own unit, with a reason, the approving
 * leader or supervisor ({@code approver}: their user id, unit and role, 条例 第三十四条) and when the
 * petitioner was told why.
 * {@code occurredAt} is when it happened (null: when recorded); it is set for paper records entered later (补录).
 */
public record ExtendTimeLimitCommand(@TargetAggregateIdentifier CaseId caseId,
        Stage stage,
        long amount,
        String reason,
        Actor approver,
        Instant petitionerToldAt,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseCommand {

    public ExtendTimeLimitCommand {
        requireNonNull(stage, "stage");
        CommandChecks.requireAtLeast(amount, 1, "amount");
        requireText(reason, "reason");
        requireNonNull(approver, "approver");
        requireNonNull(petitionerToldAt, "petitionerToldAt");
        requireNonNull(caseId, "caseId");
        requireNonNull(actor, "actor");
        requireTimes(occurredAt, recordedAt);
    }
}
