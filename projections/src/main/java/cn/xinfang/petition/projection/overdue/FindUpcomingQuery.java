package cn.xinfang.petition.projection.overdue;

import java.time.Duration;
import java.time.Instant;

/** 预警清单 – stages running at {@code now} whose due instant falls within {@code within} after it. */
public record FindUpcomingQuery(String unit, Duration within, Instant now) {
}
