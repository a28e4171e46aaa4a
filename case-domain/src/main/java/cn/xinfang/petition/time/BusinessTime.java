package cn.xinfang.petition.time;

import cn.xinfang.petition.api.CalendarDay;
import cn.xinfang.petition.api.CountedSegment;
import cn.xinfang.petition.api.DeadlineExplanation;
import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.LimitUnit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * 时限计算 – counts time limits on the statutory calendar, exactly as docs/time.md describes:
 * <ul>
 *   <li>working hours: only time inside working hours on working days counts, from the start (or the
 *       next opening); a count that ends exactly at a closing time is due at that closing time;</li>
 *   <li>working days: the start day is not counted (民法典 第二百零一条); due at close of business of
 *       the N-th working day after the start date;</li>
 *   <li>calendar days: the start day is not counted; the N-th day after the start date, moved to the
 *       next working day if it is not one (民法典 第二百零三条); due at close of business;</li>
 *   <li>the warning: the given fraction of the allowed working time, counted from where counting began
 *       (the start for hours, the opening of the first counted day for days) to the due instant.</li>
 * </ul>
 * Due and warning instants are truncated to the whole minute. Immutable and thread-safe.
 */
public final class BusinessTime {

    /** Upper bound on days walked, so a corrupt calendar can never loop forever. */
    private static final int MAX_DAYS_WALKED = 366 * 60;

    private final BusinessCalendar calendar;
    private final WorkingHours hours;
    private final ZoneId zone;

    public BusinessTime(BusinessCalendar calendar, WorkingHours hours, ZoneId zone) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    public WorkingHours hours() {
        return hours;
    }

    public ZoneId zone() {
        return zone;
    }

    /** A copy of this engine on another calendar (a revised one), same hours and zone. */
    public BusinessTime withCalendar(BusinessCalendar revised) {
        return new BusinessTime(revised, hours, zone);
    }

    /** Counts {@code limit} from {@code start} and gives the due and warning instants with their explanation. */
    public Deadline compute(Instant start, LimitAmount limit, double warningFraction, String rule, String ruleChinese) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(limit, "limit");
        checkFraction(warningFraction);
        Count count = count(start, limit);
        return finish(start, limit, count, count.countedFrom, warningFraction, rule, ruleChinese);
    }

    /**
     * 延期 – extends a limit: {@code extension} is counted in its own unit from the current due
     * instant; the warning is recomputed over the whole span, from {@code countedFrom} (where the
     * original count began) to the new due instant.
     */
    public Deadline extend(Instant countedFrom, Instant currentDue, LimitAmount extension, double warningFraction,
                           String rule, String ruleChinese) {
        checkFraction(warningFraction);
        Count count = count(currentDue, extension);
        return finish(currentDue, extension, count, countedFrom, warningFraction, rule, ruleChinese);
    }

    private Deadline finish(Instant start, LimitAmount limit, Count count, Instant warningBase, double fraction,
                            String rule, String ruleChinese) {
        Instant due = count.due.truncatedTo(ChronoUnit.MINUTES);
        Duration allowed = workingTimeBetween(warningBase, due);
        Duration toWarning = Duration.ofSeconds((long) Math.floor(allowed.toSeconds() * fraction));
        Instant warning = addWorkingTime(warningBase, toWarning).truncatedTo(ChronoUnit.MINUTES);
        if (warning.isAfter(due)) {
            warning = due;
        }
        LocalDate first = LocalDate.ofInstant(start, zone);
        LocalDate last = LocalDate.ofInstant(due, zone);
        TreeSet<Integer> unknown = new TreeSet<>();
        for (int y = Math.min(first.getYear(), LocalDate.ofInstant(warningBase, zone).getYear()); y <= last.getYear(); y++) {
            if (!calendar.isKnownYear(y)) {
                unknown.add(y);
            }
        }
        DeadlineExplanation explanation = new DeadlineExplanation(rule, ruleChinese, zone.getId(), start, limit,
                count.countedFrom, count.days, count.segments, count.nominalLastDay, count.holidaysSkipped,
                count.makeUpDaysUsed, !unknown.isEmpty(), List.copyOf(unknown), allowed, fraction, due, warning,
                calendar.version(), hours.toString());
        return new Deadline(due, warning, explanation);
    }

    private Count count(Instant start, LimitAmount limit) {
        return switch (limit.unit()) {
            case WORKING_HOURS -> countHours(start, Duration.ofHours(limit.amount()));
            case WORKING_DAYS -> countWorkingDays(start, limit.amount());
            case CALENDAR_DAYS -> countCalendarDays(start, limit.amount());
        };
    }

    /** The instant at which {@code amount} of working time has been counted from {@code start}. Not truncated. */
    public Instant addWorkingTime(Instant start, Duration amount) {
        return walkHours(start, amount, null).due;
    }

    /** Working time (inside working hours on working days) between two instants; zero if {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime a = LocalDateTime.ofInstant(from, zone);
        LocalDateTime b = LocalDateTime.ofInstant(to, zone);
        Duration total = Duration.ZERO;
        for (LocalDate d = a.toLocalDate(); !d.isAfter(b.toLocalDate()); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            for (WorkingHours.Interval iv : hours.intervals()) {
                LocalDateTime s = max(d.atTime(iv.from()), a);
                LocalDateTime e = min(d.atTime(iv.to()), b);
                if (s.isBefore(e)) {
                    total = total.plus(Duration.between(s, e));
                }
            }
        }
        return total;
    }

    /**
     * 剩余工作时间 – the working time left from {@code now} until {@code due}; when {@code now} is past
     * {@code due}, the working time since {@code due}, negated (how late, in working time). Not truncated.
     */
    public Duration workingTimeLeft(Instant now, Instant due) {
        return due.isBefore(now) ? workingTimeBetween(due, now).negated() : workingTimeBetween(now, due);
    }

    /** 下一个上班时间 – the start itself when inside working hours, otherwise the next opening. */
    public Instant nextWorkingInstant(Instant start) {
        return walkHours(start, Duration.ZERO, null).countedFrom;
    }

    /**
     * 起算点 – where counting of a limit in {@code unit} from {@code start} begins, the base of the
     * warning: for working hours the start itself or the next opening; for working days and calendar
     * days the opening of the first working day after the start date.
     */
    public Instant countingStart(Instant start, LimitUnit unit) {
        if (unit == LimitUnit.WORKING_HOURS) {
            return nextWorkingInstant(start);
        }
        LocalDate d = LocalDate.ofInstant(start, zone).plusDays(1);
        for (int walked = 0; !calendar.isWorkingDay(d); walked++, d = d.plusDays(1)) {
            guard(walked);
        }
        return ZonedDateTime.of(d, hours.opening(), zone).toInstant();
    }

    /** Whether a date is a working day on this engine's calendar. */
    public boolean isWorkingDay(LocalDate date) {
        return calendar.isWorkingDay(date);
    }

    /** Close of business of a working day, as an instant. */
    public Instant closeOfBusiness(LocalDate date) {
        return ZonedDateTime.of(date, hours.closing(), zone).toInstant();
    }

    private Count countHours(Instant start, Duration amount) {
        List<CountedSegment> segments = new ArrayList<>();
        Walk w = walkHours(start, amount, segments);
        Count c = new Count(w.due, w.countedFrom);
        c.segments = segments;
        LocalDate first = LocalDate.ofInstant(start, zone);
        LocalDate last = LocalDate.ofInstant(w.due, zone);
        c.holidaysSkipped = holidaysBetween(first, last);
        c.makeUpDaysUsed = segments.stream().map(CountedSegment::date).distinct()
                .filter(calendar::isMakeUpWorkingDay).map(this::named).toList();
        return c;
    }

    private Count countWorkingDays(Instant start, long n) {
        LocalDate startDate = LocalDate.ofInstant(start, zone);
        List<LocalDate> counted = new ArrayList<>();
        LocalDate d = startDate;
        int walked = 0;
        while (counted.size() < n) {
            d = d.plusDays(1);
            guard(++walked);
            if (calendar.isWorkingDay(d)) {
                counted.add(d);
            }
        }
        Count c = new Count(closeOfBusiness(d), ZonedDateTime.of(counted.get(0), hours.opening(), zone).toInstant());
        c.days = counted;
        c.holidaysSkipped = holidaysBetween(startDate.plusDays(1), d);
        c.makeUpDaysUsed = counted.stream().filter(calendar::isMakeUpWorkingDay).map(this::named).toList();
        return c;
    }

    private Count countCalendarDays(Instant start, long n) {
        LocalDate startDate = LocalDate.ofInstant(start, zone);
        LocalDate nominal = startDate.plusDays(n);
        LocalDate d = nominal;
        int walked = 0;
        while (!calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
            guard(++walked);
        }
        LocalDate firstWorking = startDate.plusDays(1);
        while (!calendar.isWorkingDay(firstWorking)) {
            firstWorking = firstWorking.plusDays(1);
        }
        Count c = new Count(closeOfBusiness(d), ZonedDateTime.of(firstWorking, hours.opening(), zone).toInstant());
        c.nominalLastDay = nominal;
        c.holidaysSkipped = holidaysBetween(nominal, d.minusDays(1));
        c.makeUpDaysUsed = calendar.isMakeUpWorkingDay(d) ? List.of(named(d)) : List.of();
        return c;
    }

    private Walk walkHours(Instant start, Duration amount, List<CountedSegment> segments) {
        LocalDateTime cursor = LocalDateTime.ofInstant(start, zone);
        Duration remaining = amount;
        LocalDateTime countedFrom = null;
        LocalDate d = cursor.toLocalDate();
        for (int walked = 0; ; walked++, d = d.plusDays(1)) {
            guard(walked);
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            for (WorkingHours.Interval iv : hours.intervals()) {
                LocalDateTime from = max(d.atTime(iv.from()), cursor);
                LocalDateTime to = d.atTime(iv.to());
                if (!from.isBefore(to)) {
                    continue;
                }
                if (countedFrom == null) {
                    countedFrom = from;
                }
                Duration available = Duration.between(from, to);
                if (remaining.compareTo(available) <= 0) {
                    LocalDateTime end = from.plus(remaining);
                    if (segments != null && !remaining.isZero()) {
                        segments.add(new CountedSegment(d, from.toLocalTime(), end.toLocalTime()));
                    }
                    return new Walk(end.atZone(zone).toInstant(), countedFrom.atZone(zone).toInstant());
                }
                if (segments != null) {
                    segments.add(new CountedSegment(d, from.toLocalTime(), iv.to()));
                }
                remaining = remaining.minus(available);
            }
        }
    }

    private List<CalendarDay> holidaysBetween(LocalDate fromInclusive, LocalDate toInclusive) {
        List<CalendarDay> out = new ArrayList<>();
        for (LocalDate d = fromInclusive; !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (calendar.isHoliday(d)) {
                out.add(named(d));
            }
        }
        return out;
    }

    private CalendarDay named(LocalDate d) {
        return new CalendarDay(d, calendar.nameOf(d).orElse(""));
    }

    private static void checkFraction(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the warning fraction must be in (0, 1], got " + fraction);
        }
    }

    private static void guard(int walked) {
        if (walked > MAX_DAYS_WALKED) {
            throw new IllegalStateException("no working day found within " + MAX_DAYS_WALKED + " days: the calendar data is wrong");
        }
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private record Walk(Instant due, Instant countedFrom) {
    }

    /** Working notes of one count, turned into a {@link DeadlineExplanation} by {@link #finish}. */
    private static final class Count {
        final Instant due;
        final Instant countedFrom;
        List<LocalDate> days = List.of();
        List<CountedSegment> segments = List.of();
        LocalDate nominalLastDay;
        List<CalendarDay> holidaysSkipped = List.of();
        List<CalendarDay> makeUpDaysUsed = List.of();

        Count(Instant due, Instant countedFrom) {
            this.due = due;
            this.countedFrom = countedFrom;
        }
    }

}
