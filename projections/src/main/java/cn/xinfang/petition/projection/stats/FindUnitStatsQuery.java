package cn.xinfang.petition.projection.stats;

import java.time.Instant;

/** Figures per unit for cases registered (and stage runs started) in [from, to). */
public record FindUnitStatsQuery(Instant from, Instant to) {
}
