package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.Petitioner;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** 接访记录 – a reception was recorded. */
@Revision("1")
public record ReceptionRecordedEvent(String receptionId, String unit, LocalDate date, String leader, ReceptionKind kind,
        Petitioner person, int headcount, String demands, Actor actor, Instant recordedAt) {
}
