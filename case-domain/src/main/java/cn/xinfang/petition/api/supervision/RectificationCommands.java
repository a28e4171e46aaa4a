package cn.xinfang.petition.api.supervision;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.LimitAmount;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The commands of a rectification (整改); {@code at} is when the step happened, {@code recordedAt} the service's clock. */
public final class RectificationCommands {

    private RectificationCommands() {
    }

    /** 整改意见 – issued for finding {@code finding} of an inspection, counted from {@code start} (the inspection's date). */
    public record Issue(String rectificationId, String inspectionId, int finding, String unit, String requirement,
                        LimitAmount limit, Instant start, Actor actor, Instant recordedAt) {
    }

    /** 整改报告 – the unit reports what it did. */
    public record Report(@TargetAggregateIdentifier String rectificationId, String text, Actor actor, Instant at,
                         Instant recordedAt) {
    }

    /** 验收 – the supervisor accepts (closed) or rejects (reopened, with a new limit counted from {@code at}). */
    public record Verify(@TargetAggregateIdentifier String rectificationId, boolean accepted, String text,
                         LimitAmount limit, Actor actor, Instant at, Instant recordedAt) {
    }

    /** The warning deadline fired. */
    public record RecordWarning(@TargetAggregateIdentifier String rectificationId, Instant due, Instant recordedAt) {
    }

    /** The due deadline fired. */
    public record RecordBreach(@TargetAggregateIdentifier String rectificationId, Instant due, Instant recordedAt) {
    }
}
