package cn.xinfang.petition.app.problem;

import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.time.TimeRules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Collects every problem of a request body before anything is sent, so the answer lists them all.
 * Each check returns the parsed value or null, and records a problem if the input is wrong.
 */
public final class Fields {

    private final List<Problems.FieldProblem> errors = new ArrayList<>();

    /** Longest free text accepted (the read models store it whole). */
    public static final int LONG_TEXT = 10_000;

    public String text(String field, String value) {
        return text(field, value, LONG_TEXT);
    }

    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required and must not be blank", "必填，不能为空");
            return null;
        }
        return length(field, value.trim(), max);
    }

    public String optionalText(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : length(field, value.trim(), max);
    }

    private String length(String field, String value, int max) {
        if (value.indexOf('\u0000') >= 0) {
            add(field, "contains a NUL character (U+0000), which cannot be stored; remove it", "包含无法保存的空字符（U+0000），请删除");
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            add(field, "is longer than " + max + " characters", "超过 " + max + " 个字符");
            return null;
        }
        return value;
    }

    public <E extends Enum<E>> E required(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            add(field, "is required; one of " + names(type), "必填，可选值：" + names(type));
            return null;
        }
        return optional(field, value, type);
    }

    public <E extends Enum<E>> E optional(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            add(field, "\"" + value + "\" is not one of " + names(type), "\"" + value + "\" 不是有效值，可选值：" + names(type));
            return null;
        }
    }

    /**
     * An ISO-8601 time with offset (as the API's contract says), not before the earliest time a
     * record may give and not after {@code now} beyond the clock skew allowed: both from
     * {@link TimeRules}, the values the case itself checks against.
     */
    public Instant occurredAt(String field, String value, Instant now, TimeRules rules) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value.trim()).toInstant(); // the contract: ISO-8601 with offset
        } catch (DateTimeParseException e) {
            add(field, "\"" + value + "\" is not an ISO-8601 time with offset such as 2024-03-01T16:50:00+08:00",
                    "\"" + value + "\" 不是带时区的 ISO-8601 时间，例如 2024-03-01T16:50:00+08:00");
            return null;
        }
        if (at.isBefore(rules.earliest())) {
            String earliest = LocalDate.ofInstant(rules.earliest(), rules.zone()).toString();
            add(field, "is before " + earliest + "; give the time the step actually happened", "早于 " + earliest + "；请填写实际发生时间");
            return null;
        }
        if (at.isAfter(now.plus(rules.clockSkew()))) {
            add(field, "is in the future; give the time the step actually happened, or leave it out",
                    "晚于当前时间；请填写实际发生时间，或不填");
            return null;
        }
        return at;
    }

    /** Applies a check that throws {@link IllegalArgumentException} with a message, recording it as a problem. */
    public <T> T check(String field, String value, Function<String, T> parser, String messageZh) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            add(field, e.getMessage(), messageZh);
            return null;
        }
    }

    /**
     * Refuses a (normalised) ID number whose birth date is after {@code today}, the service's date; answers whether it
     * passed (a null number does).
     */
    public boolean bornBy(String field, String idNumber, LocalDate today) {
        if (idNumber != null && ResidentIdNumber.birthDateInFuture(idNumber, today)) {
            add(field, "the birth date in the ID number is in the future; check the number", "身份证号码中的出生日期晚于今天，请核对");
            return false;
        }
        return true;
    }

    public void add(String field, String message, String messageZh) {
        errors.add(new Problems.FieldProblem(field, message, messageZh));
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws {@link InvalidRequestException} with every problem found, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.toString(type.getEnumConstants());
    }
}
