package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A case was raised at the reception. */
@Revision("1")
public record ReceptionCaseLinkedEvent(String receptionId, String unit, String caseId, Actor actor, Instant recordedAt) {
}
