package cn.xinfang.petition.time;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * 工作日历 – the statutory working-day calendar: Monday to Friday, except statutory holidays, plus
 * the weekend days declared make-up working days. A year without a notice falls back to Monday–Friday
 * and {@link #isKnownYear(int)} says so, so every computation can carry the fallback flag.
 * Immutable; lookups are hash-set hits.
 */
public final class BusinessCalendar {

    private final Map<Integer, CalendarYear> years;
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workdays = new HashSet<>();
    private final Map<LocalDate, String> names = new HashMap<>();
    private final String version;

    private BusinessCalendar(Map<Integer, CalendarYear> years) {
        this.years = Map.copyOf(years);
        for (CalendarYear y : new TreeMap<>(years).values()) {
            holidays.addAll(y.holidays());
            workdays.addAll(y.workdays());
            names.putAll(y.names());
        }
        this.version = digest(new TreeMap<>(years));
    }

    public static BusinessCalendar of(Iterable<CalendarYear> years) {
        Map<Integer, CalendarYear> byYear = new HashMap<>();
        for (CalendarYear y : years) {
            byYear.put(y.year(), y);
        }
        return new BusinessCalendar(byYear);
    }

    /** A calendar with no holiday data at all: every year falls back to Monday–Friday. */
    public static BusinessCalendar mondayToFriday() {
        return new BusinessCalendar(Map.of());
    }

    /**
     * This calendar with the years of {@code overlay} laid over it: a year present in the overlay
     * replaces that year entirely (a corrected notice), other years are kept.
     */
    public BusinessCalendar mergedWith(BusinessCalendar overlay) {
        Map<Integer, CalendarYear> merged = new HashMap<>(years);
        merged.putAll(overlay.years);
        return new BusinessCalendar(merged);
    }

    public boolean isWorkingDay(LocalDate date) {
        if (workdays.contains(date)) {
            return true;
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    public boolean isMakeUpWorkingDay(LocalDate date) {
        return workdays.contains(date);
    }

    /** The holiday a listed date belongs to (for a make-up day, the holiday it makes up for). */
    public Optional<String> nameOf(LocalDate date) {
        return Optional.ofNullable(names.get(date));
    }

    /**
     * The earliest date that is a working day on one calendar and not on the other, if any: a time
     * limit whose count never reaches that date is the same on both.
     */
    public Optional<LocalDate> firstDifference(BusinessCalendar other) {
        Set<LocalDate> candidates = new HashSet<>(holidays);
        candidates.addAll(other.holidays);
        candidates.addAll(workdays);
        candidates.addAll(other.workdays);
        return candidates.stream().filter(d -> isWorkingDay(d) != other.isWorkingDay(d)).min(LocalDate::compareTo);
    }

    /** Whether a State Council notice for this year is loaded; if not, the year is counted Monday–Friday. */
    public boolean isKnownYear(int year) {
        return years.containsKey(year);
    }

    public Set<Integer> knownYears() {
        return years.keySet();
    }

    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /**
     * A version that names the content: {@code cal-} and the first 12 hex digits of a SHA-256 over
     * every year's dates in order. Two calendars with the same facts have the same version, so a
     * reload that changes nothing is not a revision.
     */
    public String version() {
        return version;
    }

    private static String digest(TreeMap<Integer, CalendarYear> years) {
        StringBuilder canonical = new StringBuilder();
        years.forEach((year, y) -> {
            canonical.append(year).append("|H");
            y.holidays().stream().sorted().forEach(d -> canonical.append(',').append(d));
            canonical.append("|W");
            y.workdays().stream().sorted().forEach(d -> canonical.append(',').append(d));
            canonical.append(';');
        });
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "cal-" + HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
