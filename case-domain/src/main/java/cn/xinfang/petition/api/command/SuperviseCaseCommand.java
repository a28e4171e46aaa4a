package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.LimitAmount;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** 督办 – a supervisor requires the handling unit to act on the case within {@code limit}. */
public record SuperviseCaseCommand(@TargetAggregateIdentifier CaseId caseId, String requirement, LimitAmount limit,
                                   Actor actor, Instant occurredAt, Instant recordedAt) implements CaseCommand {
}
