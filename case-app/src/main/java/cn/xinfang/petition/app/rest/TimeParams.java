package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.problem.Fields;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Query-parameter times: an ISO-8601 time with offset ({@code 2024-03-01T09:00:00+08:00}) or a date
 * ({@code 2024-03-01}) meaning the start of that day in the case zone; as the end of a period a
 * date means the end of that day (the next day's start), so {@code to=2024-03-31} includes the 31st.
 */
final class TimeParams {

    private TimeParams() {
    }

    static Instant start(Fields f, String field, String value, ZoneId zone) {
        return parse(f, field, value, zone, false);
    }

    static Instant end(Fields f, String field, String value, ZoneId zone) {
        return parse(f, field, value, zone, true);
    }

    private static Instant parse(Fields f, String field, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Instant at;
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                at = (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toInstant();
            } else {
                at = instant(v, zone);
            }
        } catch (DateTimeParseException e) {
            f.add(field, "\"" + value + "\" is not a date (2024-03-01) or an ISO-8601 time (2024-03-01T09:00:00+08:00)",
                    "\"" + value + "\" 不是日期（2024-03-01）或 ISO-8601 时间（2024-03-01T09:00:00+08:00）");
            return null;
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            f.add(field, "must lie between 1900 and 2200", "须在 1900 年至 2200 年之间");
            return null;
        }
        return at;
    }

    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    /**
     * An ISO-8601 time with offset; a '+' that arrived as a space (an unencoded query string) is
     * read as '+'; a time without offset is read in the case zone.
     */
    static Instant instant(String text, ZoneId zone) {
        String v = text.trim();
        int t = v.indexOf('T');
        if (t > 0 && v.indexOf(' ', t) > 0) {
            v = v.substring(0, v.indexOf(' ', t)) + "+" + v.substring(v.indexOf(' ', t) + 1);
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            return java.time.LocalDateTime.parse(v).atZone(zone).toInstant();
        }
    }

    static Duration duration(Fields f, String field, String value, Duration fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (d.isNegative() || d.isZero()) {
                f.add(field, "must be a positive duration such as PT8H", "须为正的时长，例如 PT8H");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            f.add(field, "\"" + value + "\" is not an ISO-8601 duration such as PT8H or P2D", "\"" + value + "\" 不是 ISO-8601 时长，例如 PT8H 或 P2D");
            return null;
        }
    }
}
