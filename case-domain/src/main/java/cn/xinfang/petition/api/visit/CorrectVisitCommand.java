package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** 更正 – the visit's details replaced; the earlier ones stay in its history. */
public record CorrectVisitCommand(@TargetAggregateIdentifier String visitId, VisitDetails details, Actor actor, Instant recordedAt) {
}
