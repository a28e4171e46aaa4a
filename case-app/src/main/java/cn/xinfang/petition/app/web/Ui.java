package cn.xinfang.petition.app.web;

import cn.xinfang.petition.time.BusinessTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formatting for the templates ({@code @ui} in Thymeleaf): instants in the case zone, working-time
 * durations in words, and the colour of a running stage's badge. Every word comes from the message
 * bundles; every working-time figure from the business-time engine.
 */
@Component("ui")
public class Ui {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final BusinessTime time;
    private final Clock clock;
    private final MessageSource messages;

    public Ui(BusinessTime time, Clock clock, MessageSource messages) {
        this.time = time;
        this.clock = clock;
        this.messages = messages;
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    public ZoneId zone() {
        return time.zone();
    }

    public Instant now() {
        return clock.instant();
    }

    /** "2026-11-30 10:30" in the case zone; empty for none. */
    public String time(Instant at) {
        return at == null ? "" : MINUTE.format(at.atZone(time.zone()));
    }

    /** The value of a {@code datetime-local} input for an instant, in the case zone. */
    public String input(Instant at) {
        return at == null ? "" : INPUT.format(at.atZone(time.zone()));
    }

    /** "1小时20分" / "1 h 20 min" (a negative duration is written as its length). */
    public String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long minutes = Math.abs(d.toMinutes());
        long hours = minutes / 60;
        long rest = minutes % 60;
        Locale l = LocaleContextHolder.getLocale();
        if (hours == 0) {
            return messages.getMessage("ui.duration.minutes", new Object[]{rest}, l);
        }
        if (rest == 0) {
            return messages.getMessage("ui.duration.hours", new Object[]{hours}, l);
        }
        return messages.getMessage("ui.duration.hoursMinutes", new Object[]{hours, rest}, l);
    }

    /** The working time left until {@code due} (negative when past due), from the business-time engine. */
    public Duration left(Instant due) {
        return due == null ? null : time.workingTimeLeft(clock.instant(), due);
    }

    /**
     * "剩余 1小时20分（工作时间）" or "已超期 40分（工作时间）": the working time left until {@code due}, or
     * how late it is, counted on the working-day calendar and working hours.
     */
    public String remaining(Instant due) {
        Duration left = left(due);
        if (left == null) {
            return "";
        }
        String key = left.isNegative() || (left.isZero() && due.isBefore(clock.instant())) ? "ui.remaining.late" : "ui.remaining.left";
        return messages.getMessage(key, new Object[]{duration(left)}, LocaleContextHolder.getLocale());
    }

    /**
     * The colour of a running stage at the current instant: {@code red} when its due instant has
     * passed (超期), {@code yellow} from its warning instant (预警), {@code green} before.
     */
    public String badge(Instant due, Instant warning) {
        Instant now = clock.instant();
        if (due != null && due.isBefore(now)) {
            return "red";
        }
        if (warning != null && !warning.isAfter(now)) {
            return "yellow";
        }
        return "green";
    }

    /**
     * How much of a stage's allowed working time is used, 0 to 100: from its start to now (or to
     * when it stopped), over its start to its due instant, counted in working time.
     */
    public int used(Instant start, Instant due, Instant stopped) {
        if (start == null || due == null) {
            return 0;
        }
        Instant end = stopped != null ? stopped : clock.instant();
        long allowed = time.workingTimeBetween(start, due).toSeconds();
        if (allowed <= 0) {
            return end.isBefore(due) ? 0 : 100;
        }
        long spent = time.workingTimeBetween(start, end).toSeconds();
        return (int) Math.max(0, Math.min(100, spent * 100 / allowed));
    }

    /** A message by key in the current language (for labels built from codes: {@code stage.SIGN}). */
    public String label(String prefix, Object code) {
        if (code == null) {
            return "";
        }
        return messages.getMessage(prefix + "." + code, null, code.toString(), LocaleContextHolder.getLocale());
    }

    private static final java.util.Set<Integer> ERROR_PAGES = java.util.Set.of(400, 403, 404, 409, 412, 500);

    /** The message key of an error page's title for an HTTP status ({@code ui.error.404}, or {@code ui.error.other}). */
    public String errorKey(Object status) {
        int s = status instanceof Number n ? n.intValue() : 500;
        return "ui.error." + (ERROR_PAGES.contains(s) ? Integer.toString(s) : "other");
    }

    /** The kind of an audit finding ("ALTERED: ..." → ALTERED), for its words in the bundle. */
    public String problemKind(String problem) {
        return AuditPages.kind(problem);
    }

    /** Whether the page is shown in English. */
    public boolean english() {
        return english(LocaleContextHolder.getLocale());
    }
}
