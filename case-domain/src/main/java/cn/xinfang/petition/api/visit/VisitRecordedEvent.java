package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** 走访登记 – a visit was recorded. */
@Revision("1")
public record VisitRecordedEvent(String visitId, String visitNo, String unit, VisitDetails details, Actor actor,
        Instant recordedAt) {
}
