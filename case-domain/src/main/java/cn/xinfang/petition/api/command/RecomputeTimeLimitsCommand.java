package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;
import static cn.xinfang.petition.api.command.CommandChecks.requireText;

/**
 * 日历修订重算 – after an operator loaded a revised calendar, the case recomputes every open stage
 * whose due or warning instant the revision changes. Idempotent: a stage already computed on
 * {@code calendarVersion} is left alone, so a resumed revision never recomputes a stage twice.
 */
public record RecomputeTimeLimitsCommand(@TargetAggregateIdentifier CaseId caseId, String calendarVersion,
                                         Actor actor, Instant recordedAt) implements CaseCommand {

    public RecomputeTimeLimitsCommand {
        requireNonNull(caseId, "caseId");
        requireText(calendarVersion, "calendarVersion");
        requireNonNull(actor, "actor");
        requireNonNull(recordedAt, "recordedAt");
    }

    @Override
    public Instant occurredAt() {
        return null;
    }
}
