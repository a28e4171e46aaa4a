package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.LimitAmount;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** 督办 – a supervisor required {@code unit} to act by {@code due}; the SUPERVISION stage starts with it. */
@Revision("1")
public record CaseSupervisedEvent(CaseId caseId, String unit, String requirement, LimitAmount limit, Instant due,
                                  Actor actor, Instant occurredAt, Instant recordedAt) implements CaseEvent {
}
