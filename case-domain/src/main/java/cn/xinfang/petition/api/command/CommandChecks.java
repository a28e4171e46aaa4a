package cn.xinfang.petition.api.command;

import java.time.Instant;

/**
 * Shape checks shared by the command records' compact constructors. Business rules live in the
 * aggregate. A failure names the field and the check ({@code caseId required}), not a sentence: the
 * service validates requests before it builds commands, so these only stop a programming error.
 */
final class CommandChecks {

    private CommandChecks() {
    }

    static void requireNonNull(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " required");
        }
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " blank");
        }
    }

    static void requireAtLeast(long value, long min, String field) {
        if (value < min) {
            throw new IllegalArgumentException(field + " " + value + " < " + min);
        }
    }

    static void requireTimes(Instant occurredAt, Instant recordedAt) {
        requireNonNull(recordedAt, "recordedAt");
    }
}
