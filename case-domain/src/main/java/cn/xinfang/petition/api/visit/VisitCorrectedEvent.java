package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** 更正 – the visit's details as corrected, by whom and when. */
@Revision("1")
public record VisitCorrectedEvent(String visitId, String unit, VisitDetails details, Actor actor, Instant recordedAt) {
}
