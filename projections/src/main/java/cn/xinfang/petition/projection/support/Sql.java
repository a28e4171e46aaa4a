package cn.xinfang.petition.projection.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;

/** Conversions between instants and {@code TIMESTAMP WITH TIME ZONE} that behave the same on PostgreSQL and H2, and small SQL helpers. */
public final class Sql {

    private Sql() {
    }

    public static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** {@code n} placeholders for an IN list: {@code ?, ?, ?}. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** {@code %text%} for LIKE, with LIKE's own wildcards escaped (escape character {@code !}). */
    public static String contains(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
