package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A case raised at the reception (领导接访) is linked to it. */
public record LinkReceptionCaseCommand(@TargetAggregateIdentifier String receptionId, String caseId, Actor actor, Instant recordedAt) {
}
