package cn.xinfang.petition.domain.visit;

import cn.xinfang.petition.api.visit.RotaEntry;
import cn.xinfang.petition.time.BusinessCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 每周一书记、周五镇长接访，其他班子成员工作日排班接访: one entry per working day of the business
 * calendar from {@code from} to {@code to} (both included). A Monday goes to {@code monday}, a Friday to
 * {@code friday}, every other working day (make-up working days included, whatever their weekday) to
 * {@code others} in turn. A Monday or Friday that is a holiday has no entry.
 */
public final class RotaPlan {

    private RotaPlan() {
    }

    public static List<RotaEntry> generate(BusinessCalendar calendar, LocalDate from, LocalDate to, String monday, String friday,
                                           List<String> others) {
        List<RotaEntry> entries = new ArrayList<>();
        int turn = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            boolean makeUp = calendar.isMakeUpWorkingDay(d);
            if (!makeUp && d.getDayOfWeek() == DayOfWeek.MONDAY) {
                entries.add(new RotaEntry(d, monday, null));
            } else if (!makeUp && d.getDayOfWeek() == DayOfWeek.FRIDAY) {
                entries.add(new RotaEntry(d, friday, null));
            } else {
                entries.add(new RotaEntry(d, others.get(turn++ % others.size()), null));
            }
        }
        return entries;
    }
}
