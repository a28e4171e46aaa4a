package cn.xinfang.petition.projection.stats;

import java.time.Instant;

/**
 * Figures per unit for cases registered (and stage runs started) in [from, to); with {@code field},
 * only the cases of that key field (重点领域, issue 15).
 */
public record FindUnitStatsQuery(Instant from, Instant to, String field) {

    /** Every case, whatever its key field. */
    public FindUnitStatsQuery(Instant from, Instant to) {
        this(from, to, null);
    }
}
