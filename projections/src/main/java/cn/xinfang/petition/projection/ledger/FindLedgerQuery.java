package cn.xinfang.petition.projection.ledger;

import java.time.Instant;

/**
 * 台账查询 – cases filtered by unit, status, track, channel, registration period [from, to),
 * key field (重点领域), text (case number, petitioner, subject, content) and overdue (a running stage past due at
 * {@code now}); one page of {@code size} rows from page {@code page} (0-based).
 */
public record FindLedgerQuery(String unit, String status, String track, String channel, Instant from, Instant to,
                              String text, Boolean overdue, Instant now, boolean newestFirst, int page, int size, String field) {

    /** Without a key field filter. */
    public FindLedgerQuery(String unit, String status, String track, String channel, Instant from, Instant to,
                           String text, Boolean overdue, Instant now, boolean newestFirst, int page, int size) {
        this(unit, status, track, channel, from, to, text, overdue, now, newestFirst, page, size, null);
    }

    public FindLedgerQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > 10_000) {
            throw new IllegalArgumentException("size must be from 1 to 10000");
        }
    }
}
