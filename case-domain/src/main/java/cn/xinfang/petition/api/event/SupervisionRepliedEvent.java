package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** 督办回复 – the handling unit replied; the SUPERVISION stage stops with it. */
@Revision("1")
public record SupervisionRepliedEvent(CaseId caseId, String unit, String text, Actor actor, Instant occurredAt,
                                      Instant recordedAt) implements CaseEvent {
}
