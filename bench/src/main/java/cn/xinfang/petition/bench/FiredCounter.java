package cn.xinfang.petition.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts the warnings and breaches appended after a mark while the deadlines fire, reading only what
 * is new since the last call. Counting from the mark each time read the whole window again every half
 * second: at 100,000 deadlines that was 15 % of PostgreSQL's busy samples during the deadline scenario,
 * taken from the service it measures.
 * <p>
 * Events are counted for good only once they lie {@link #SETTLED} positions behind the store's head:
 * a transaction that took a lower global index may still commit after a higher one has been read,
 * and the trailing positions are counted again at every call. Counting too few only delays the end
 * of the wait; the scenario's verdict comes from reading every event of the window afterwards.
 */
final class FiredCounter {

    /** Positions behind the head after which no transaction is still open (several seconds of events). */
    static final long SETTLED = 10_000;

    private final JdbcTemplate jdbc;
    private final String breach;
    private final String warning;
    private long settledUpTo;
    private long settledCount;

    FiredCounter(JdbcTemplate jdbc, long mark, String breach, String warning) {
        this.jdbc = jdbc;
        this.settledUpTo = mark;
        this.breach = breach;
        this.warning = warning;
    }

    /** Warnings and breaches appended after the mark, as far as committed now. */
    long count() {
        Long head = jdbc.queryForObject("select coalesce(max(globalindex), -1) from domainevententry", Long.class);
        long settle = head == null ? settledUpTo : Math.max(settledUpTo, head - SETTLED);
        if (settle > settledUpTo) {
            settledCount += between(settledUpTo, settle);
            settledUpTo = settle;
        }
        return settledCount + between(settledUpTo, Long.MAX_VALUE);
    }

    private long between(long after, long upTo) {
        Long n = jdbc.queryForObject("select count(*) from domainevententry where globalindex > ? and globalindex <= ? "
                + "and payloadtype in (?, ?)", Long.class, after, upTo, breach, warning);
        return n == null ? 0 : n;
    }
}
