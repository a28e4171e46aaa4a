package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** 走访登记 – a unit records a visit; {@code visitNo} is its number within the unit and year. */
public record RecordVisitCommand(@TargetAggregateIdentifier String visitId, String visitNo, String unit, VisitDetails details,
        Actor actor, Instant recordedAt) {
}
