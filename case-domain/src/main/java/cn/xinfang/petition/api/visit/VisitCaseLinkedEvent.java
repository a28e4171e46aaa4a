package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A case was raised from the visit. */
@Revision("1")
public record VisitCaseLinkedEvent(String visitId, String unit, String caseId, Actor actor, Instant recordedAt) {
}
