package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.Petitioner;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/** 接访记录 – a leader received (or went to, or made an appointment with) a petitioner on a day. */
public record RecordReceptionCommand(@TargetAggregateIdentifier String receptionId, String unit, LocalDate date, String leader,
        ReceptionKind kind, Petitioner person, int headcount, String demands, Actor actor, Instant recordedAt) {
}
