package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** 督办回复 – the handling unit replies to the supervision; its time limit stops. */
public record ReplyToSupervisionCommand(@TargetAggregateIdentifier CaseId caseId, String text, Actor actor,
                                        Instant occurredAt, Instant recordedAt) implements CaseCommand {
}
