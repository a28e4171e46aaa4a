package cn.xinfang.petition.api.command;

import java.time.Instant;

/** Shape checks shared by the command records' compact constructors. Business rules live in the aggregate. */
final class CommandChecks {

    private CommandChecks() {
    }

    static void requireNonNull(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
    }

    static void requireTimes(Instant occurredAt, Instant recordedAt) {
        requireNonNull(recordedAt, "recordedAt");
    }
}
