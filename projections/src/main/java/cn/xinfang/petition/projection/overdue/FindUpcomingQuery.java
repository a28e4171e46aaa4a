package cn.xinfang.petition.projection.overdue;

import java.time.Duration;
import java.time.Instant;

/**
 * 预警清单 – stages running at {@code asOf} whose due instant falls within {@code within} after it,
 * as known at {@code knownAt}; both default to now.
 */
public record FindUpcomingQuery(String unit, Duration within, Instant asOf, Instant knownAt) implements TimeLimitListQuery {
}
