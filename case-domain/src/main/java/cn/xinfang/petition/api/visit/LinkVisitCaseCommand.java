package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A case raised from the visit (走访发现) is linked to it. */
public record LinkVisitCaseCommand(@TargetAggregateIdentifier String visitId, String caseId, Actor actor, Instant recordedAt) {
}
