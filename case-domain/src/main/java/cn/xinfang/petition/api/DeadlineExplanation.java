package cn.xinfang.petition.api;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * 时限说明 – how a due instant was computed, in a form a person can check by hand: the rule, the
 * start, the working days or hour segments counted, the holidays skipped and the make-up working
 * days used, whether the calendar had to fall back to Monday–Friday, and the due and warning
 * instants. It travels inside {@code TimeLimitStarted}, so an auditor reads exactly what was
 * computed at the time, never a recomputation with today's calendar.
 *
 * @param rule            the rule in its stable English form, e.g. {@code 225.accept: 2 working hours from signing}
 * @param ruleChinese     the same rule in Chinese
 * @param zone            the zone the case's days and hours are counted in
 * @param start           the instant counting starts from (the step's occurrence time)
 * @param limit           the amount and unit of the limit
 * @param countedFrom     where counting actually began: the start, or the next opening when the start is outside working hours
 * @param countedDays     for working days: the N working days counted, in order
 * @param countedSegments for working hours: the stretches of working time counted
 * @param nominalLastDay  for calendar days: the N-th calendar day after the start date, before rolling forward
 * @param holidaysSkipped statutory holidays between the start and the due day that were not counted
 * @param makeUpDaysUsed  weekend make-up working days (调休上班日) between the start and the due day that were counted
 * @param fallback        true when a day in the span lies in a year without calendar data (Monday–Friday assumed)
 * @param fallbackYears   the years without calendar data
 * @param allowedWorkingTime the working time from the start of counting to the due instant, the base of the warning
 * @param warningFraction the fraction of the allowed working time after which the warning is raised
 * @param due             the due instant, truncated to the minute
 * @param warning         the warning instant, truncated to the minute
 * @param calendarVersion the version of the calendar data used
 * @param workingHours    the working hours used, e.g. {@code 08:30-12:00,14:00-17:30}
 */
public record DeadlineExplanation(
        String rule,
        String ruleChinese,
        String zone,
        Instant start,
        LimitAmount limit,
        Instant countedFrom,
        List<LocalDate> countedDays,
        List<CountedSegment> countedSegments,
        LocalDate nominalLastDay,
        List<CalendarDay> holidaysSkipped,
        List<CalendarDay> makeUpDaysUsed,
        boolean fallback,
        List<Integer> fallbackYears,
        Duration allowedWorkingTime,
        double warningFraction,
        Instant due,
        Instant warning,
        String calendarVersion,
        String workingHours) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    public DeadlineExplanation {
        countedDays = countedDays == null ? List.of() : List.copyOf(countedDays);
        countedSegments = countedSegments == null ? List.of() : List.copyOf(countedSegments);
        holidaysSkipped = holidaysSkipped == null ? List.of() : List.copyOf(holidaysSkipped);
        makeUpDaysUsed = makeUpDaysUsed == null ? List.of() : List.copyOf(makeUpDaysUsed);
        fallbackYears = fallbackYears == null ? List.of() : List.copyOf(fallbackYears);
    }

    /** The explanation as English text, one fact per line. */
    public String toEnglish() {
        ZoneId z = ZoneId.of(zone);
        StringBuilder s = new StringBuilder();
        s.append("Rule: ").append(rule).append('\n');
        s.append("Start: ").append(local(start, z)).append(' ').append(weekday(start, z, Locale.ENGLISH))
                .append(" (").append(zone).append("), working hours ").append(workingHours).append('\n');
        if (!countedFrom.equals(start) && limit.unit() == LimitUnit.WORKING_HOURS) {
            s.append("Outside working hours: counting starts at the next opening, ").append(local(countedFrom, z)).append('\n');
        }
        switch (limit.unit()) {
            case WORKING_HOURS -> s.append("Counted ").append(limit.english()).append(": ")
                    .append(countedSegments.stream().map(DeadlineExplanation::segment).collect(Collectors.joining(", ")))
                    .append('\n');
            case WORKING_DAYS -> s.append("The start day is not counted. Working days counted: ")
                    .append(numberedDays()).append('\n');
            case CALENDAR_DAYS -> s.append("The start day is not counted. Day ").append(limit.amount())
                    .append(" is ").append(nominalLastDay.format(DAY))
                    .append(nominalLastDay.equals(LocalDate.ofInstant(due, z))
                            ? ", a working day"
                            : ", not a working day: moved to the next working day " + LocalDate.ofInstant(due, z).format(DAY))
                    .append('\n');
        }
        if (!holidaysSkipped.isEmpty()) {
            s.append("Holidays skipped: ").append(days(holidaysSkipped)).append('\n');
        }
        if (!makeUpDaysUsed.isEmpty()) {
            s.append("Make-up working days used: ").append(days(makeUpDaysUsed)).append('\n');
        }
        if (fallback) {
            s.append("No holiday calendar for ").append(fallbackYears)
                    .append(": Monday to Friday assumed to be working days; this deadline may move when the calendar is published")
                    .append('\n');
        }
        s.append("Due: ").append(local(due, z)).append(' ').append(weekday(due, z, Locale.ENGLISH)).append('\n');
        s.append("Warning: ").append(local(warning, z)).append(" (").append(Math.round(warningFraction * 100))
                .append(" % of ").append(hours(allowedWorkingTime)).append(" of working time)").append('\n');
        s.append("Calendar version: ").append(calendarVersion);
        return s.toString();
    }

    /** The explanation as Chinese text, one fact per line. */
    public String toChinese() {
        ZoneId z = ZoneId.of(zone);
        StringBuilder s = new StringBuilder();
        s.append("规则：").append(ruleChinese).append('\n');
        s.append("起算时间：").append(local(start, z)).append(' ').append(weekday(start, z, Locale.CHINA))
                .append("（").append(zone).append("），工作时间 ").append(workingHours).append('\n');
        if (!countedFrom.equals(start) && limit.unit() == LimitUnit.WORKING_HOURS) {
            s.append("起算时间不在工作时间内，自下一个上班时间 ").append(local(countedFrom, z)).append(" 起计算").append('\n');
        }
        switch (limit.unit()) {
            case WORKING_HOURS -> s.append("计入").append(limit.chinese()).append("：")
                    .append(countedSegments.stream().map(DeadlineExplanation::segment).collect(Collectors.joining("，")))
                    .append('\n');
            case WORKING_DAYS -> s.append("起算当日不计入。计入的工作日：").append(numberedDays()).append('\n');
            case CALENDAR_DAYS -> s.append("起算当日不计入。第").append(limit.amount()).append("日为 ")
                    .append(nominalLastDay.format(DAY))
                    .append(nominalLastDay.equals(LocalDate.ofInstant(due, z))
                            ? "，为工作日"
                            : "，非工作日，顺延至下一个工作日 " + LocalDate.ofInstant(due, z).format(DAY))
                    .append('\n');
        }
        if (!holidaysSkipped.isEmpty()) {
            s.append("跳过的法定节假日：").append(days(holidaysSkipped)).append('\n');
        }
        if (!makeUpDaysUsed.isEmpty()) {
            s.append("计入的调休上班日：").append(days(makeUpDaysUsed)).append('\n');
        }
        if (fallback) {
            s.append(fallbackYears.stream().map(y -> y + "年").collect(Collectors.joining("、"))).append("尚无节假日安排数据，暂按周一至周五为工作日计算；公布后时限可能调整").append('\n');
        }
        s.append("到期时间：").append(local(due, z)).append(' ').append(weekday(due, z, Locale.CHINA)).append('\n');
        s.append("预警时间：").append(local(warning, z)).append("（允许工作时间 ").append(hoursChinese(allowedWorkingTime))
                .append(" 的 ").append(Math.round(warningFraction * 100)).append("%）").append('\n');
        s.append("日历版本：").append(calendarVersion);
        return s.toString();
    }

    private String numberedDays() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < countedDays.size(); i++) {
            if (i > 0) {
                s.append(", ");
            }
            LocalDate d = countedDays.get(i);
            s.append(d.format(DAY)).append(" (").append(i + 1).append(')');
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                s.append('*');
            }
        }
        return s.toString();
    }

    private static String segment(CountedSegment g) {
        return g.date().format(DAY) + " " + g.from().format(HM) + "–" + g.to().format(HM);
    }

    private static String days(List<CalendarDay> days) {
        return days.stream().map(d -> d.date().format(DAY) + " " + d.name()).collect(Collectors.joining(", "));
    }

    private static String local(Instant i, ZoneId z) {
        return ZonedDateTime.ofInstant(i, z).format(MINUTE);
    }

    private static String weekday(Instant i, ZoneId z, Locale locale) {
        return ZonedDateTime.ofInstant(i, z).getDayOfWeek().getDisplayName(TextStyle.SHORT, locale);
    }

    private static String hoursChinese(Duration d) {
        long minutes = d.toMinutes();
        return minutes / 60 + "小时" + (minutes % 60 == 0 ? "" : minutes % 60 + "分钟");
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes / 60 + " h " + minutes % 60 + " min";
    }
}
