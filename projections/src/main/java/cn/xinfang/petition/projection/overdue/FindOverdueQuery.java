package cn.xinfang.petition.projection.overdue;

import java.time.Instant;

/**
 * 超期清单 – stages running past their due instant at {@code asOf} (by occurrence times), as it was
 * known at {@code knownAt} (by recording times); {@code unit} null for all units.
 */
public record FindOverdueQuery(String unit, Instant asOf, Instant knownAt) implements TimeLimitListQuery {
}
