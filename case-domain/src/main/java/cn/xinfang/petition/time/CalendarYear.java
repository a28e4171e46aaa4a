package cn.xinfang.petition.time;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One year's State Council holiday notice (国务院办公厅关于部分节假日安排的通知).
 *
 * @param year      the year the notice is for; a block may start in the previous year (2022-12-31 under 2023)
 * @param notice    where the notice was published
 * @param holidays  every official day off under the notice, weekends inside a block included
 * @param workdays  weekend days declared make-up working days (调休上班日)
 * @param names     the holiday each listed date belongs to
 */
public record CalendarYear(int year, String notice, Set<LocalDate> holidays, Set<LocalDate> workdays,
                           Map<LocalDate, String> names) {

    public CalendarYear {
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(workdays, "workdays");
        holidays = Set.copyOf(holidays);
        workdays = Set.copyOf(workdays);
        names = names == null ? Map.of() : Map.copyOf(names);
        for (LocalDate d : holidays) {
            if (workdays.contains(d)) {
                throw new IllegalArgumentException("calendar year " + year + ": " + d + " is listed both as a holiday and as a make-up working day");
            }
        }
        for (LocalDate d : workdays) {
            if (d.getDayOfWeek().getValue() < 6) {
                throw new IllegalArgumentException("calendar year " + year + ": make-up working day " + d
                        + " is a " + d.getDayOfWeek() + "; only Saturdays and Sundays can be make-up working days");
            }
        }
    }
}
