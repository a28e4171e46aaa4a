package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static cn.xinfang.petition.time.Fixtures.TIME;
import static cn.xinfang.petition.time.Fixtures.WARNING;
import static cn.xinfang.petition.time.Fixtures.at;
import static cn.xinfang.petition.time.Fixtures.closing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 日 (calendar day) limits: the start day is not counted; the N-th calendar day after the start date,
 * moved to the next working day when it is not one (民法典 第二百零三条); due at 17:30.
 */
class CalendarDaysLimitTest {

    @ParameterizedTest(name = "{0} + {1} days: day {1} is {3}, due {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # 03-01 + 60 = Tue 04-30, a working day: no move
            2024-03-01T10:00 | 60 | 2024-04-30 | 2024-04-30 | 0
            2024-03-01T00:00 | 60 | 2024-04-30 | 2024-04-30 | 0
            2024-03-01T23:59 | 60 | 2024-04-30 | 2024-04-30 | 0
            # 08-02 + 60 = Tue 10-01 国庆节; 10-01..07 off → Tue 10-08
            2024-08-02T10:00 | 60 | 2024-10-08 | 2024-10-01 | 7
            # 2023-12-14 + 60 = Mon 2024-02-12 春节; 02-12..17 off → Sun 02-18, a make-up working day
            2023-12-14T10:00 | 60 | 2024-02-18 | 2024-02-12 | 6
            # 01-09 + 60 = Sat 03-09, an ordinary weekend (not a holiday) → Mon 03-11
            2024-01-09T10:00 | 60 | 2024-03-11 | 2024-03-09 | 0
            # 02-28 + 60 = Sun 04-28, a make-up working day: no move
            2024-02-28T10:00 | 60 | 2024-04-28 | 2024-04-28 | 0
            # 2025-08-02 + 60 = Wed 10-01; 10-01..08 off → Thu 10-09
            2025-08-02T10:00 | 60 | 2025-10-09 | 2025-10-01 | 8
            # 2025-12-17 + 60 = Sun 2026-02-15 春节; 02-15..23 off → Tue 02-24
            2025-12-17T10:00 | 60 | 2026-02-24 | 2026-02-15 | 9
            # 2022-11-01 + 60 = Sat 2022-12-31, 元旦 under the 2023 notice; 12-31..01-02 off → Tue 2023-01-03
            2022-11-01T10:00 | 60 | 2023-01-03 | 2022-12-31 | 3
            # 2022-03-04 + 60 = Tue 05-03 劳动节; 05-03, 04 off → Thu 05-05
            2022-03-04T10:00 | 60 | 2022-05-05 | 2022-05-03 | 2
            # 2024-03-04 + 60 = Fri 05-03 劳动节; 05-03..05 off → Mon 05-06
            2024-03-04T10:00 | 60 | 2024-05-06 | 2024-05-03 | 3
            # a Saturday start: 03-09 + 30 = Mon 04-08
            2024-03-09T10:00 | 30 | 2024-04-08 | 2024-04-08 | 0
            # Fri 03-08 + 1 = Sat, + 2 = Sun → Mon; + 3 = Mon
            2024-03-08T10:00 | 1  | 2024-03-11 | 2024-03-09 | 0
            2024-03-08T10:00 | 2  | 2024-03-11 | 2024-03-10 | 0
            2024-03-08T10:00 | 3  | 2024-03-11 | 2024-03-11 | 0
            """)
    @DisplayName("日历日时限：第 N 日为节假日或休息日时顺延至下一个工作日")
    void calendarDays(String start, long days, LocalDate due, LocalDate nominal, int holidaysSkipped) {
        Deadline d = TIME.compute(at(start), LimitAmount.calendarDays(days), WARNING, "r", "r");
        assertThat(d.due()).as("%s + %d calendar days", start, days).isEqualTo(closing(due.toString()));
        assertThat(d.explanation().nominalLastDay()).isEqualTo(nominal);
        assertThat(d.explanation().holidaysSkipped()).hasSize(holidaysSkipped);
        assertThat(d.explanation().countedDays()).isEmpty();
    }
}
