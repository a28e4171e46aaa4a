package cn.xinfang.petition.time;

import cn.xinfang.petition.api.CalendarDay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** Shared fixtures of the time tests: the shipped calendar, default hours, Shanghai time. */
final class Fixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final BusinessCalendar SHIPPED = CalendarFile.shipped();
    static final BusinessTime TIME = new BusinessTime(SHIPPED, WorkingHours.DEFAULT, SHANGHAI);
    static final double WARNING = 0.75;

    private Fixtures() {
    }

    /** A local date-time in Shanghai ("2024-03-01T16:50") as an instant. */
    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    /** Close of business (17:30 Shanghai) of a date. */
    static Instant closing(String date) {
        return LocalDate.parse(date).atTime(LocalTime.of(17, 30)).atZone(SHANGHAI).toInstant();
    }

    /** The Shanghai local date-time of an instant, for readable assertion messages. */
    static LocalDateTime local(Instant i) {
        return LocalDateTime.ofInstant(i, SHANGHAI);
    }

    static List<LocalDate> dates(List<CalendarDay> days) {
        return days.stream().map(CalendarDay::date).toList();
    }

    /** Every date from {@code first} to {@code last}, both included. */
    static List<LocalDate> range(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1)).toList();
    }
}
