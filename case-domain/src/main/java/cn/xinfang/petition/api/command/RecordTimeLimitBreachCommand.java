package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Stage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

import static cn.xinfang.petition.api.command.CommandChecks.requireNonNull;

/**
 * 超期 – sent by the time-limit saga when the due instant of a stage has passed. Tolerant: when the stage is no longer open
 * under the same due instant, or it was already recorded, the case records nothing.
 *
 * @param due the due instant the deadline was scheduled for (identifies the stage start it belongs to)
 */
public record RecordTimeLimitBreachCommand(@TargetAggregateIdentifier CaseId caseId, Stage stage, Instant due,
                                          Instant recordedAt) implements CaseCommand {

    public RecordTimeLimitBreachCommand {
        requireNonNull(caseId, "caseId");
        requireNonNull(stage, "stage");
        requireNonNull(due, "due");
        requireNonNull(recordedAt, "recordedAt");
    }

    @Override
    public Actor actor() {
        return Actor.SYSTEM;
    }

    @Override
    public Instant occurredAt() {
        return null;
    }
}
