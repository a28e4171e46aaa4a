package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** 调班 – the day's leader changed from {@code previousLeader} to {@code leader}, for {@code reason}. */
@Revision("1")
public record RotaDaySwappedEvent(String unit, LocalDate date, String previousLeader, String leader, String reason, Actor actor,
        Instant recordedAt) {
}
