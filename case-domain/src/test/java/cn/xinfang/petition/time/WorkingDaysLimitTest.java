package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static cn.xinfang.petition.time.Fixtures.TIME;
import static cn.xinfang.petition.time.Fixtures.WARNING;
import static cn.xinfang.petition.time.Fixtures.at;
import static cn.xinfang.petition.time.Fixtures.closing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 工作日 limits: the start day is not counted (民法典 第二百零一条), whatever the start time and whether
 * it is a working day; due at 17:30 of the N-th working day after the start date.
 */
class WorkingDaysLimitTest {

    @ParameterizedTest(name = "{0} + {1} working days → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # --- the start time does not matter (Tue 2024-03-05) ---
            2024-03-05T10:00 | 1   | 2024-03-06
            # before opening: the untouched start day is still not counted
            2024-03-05T07:00 | 1   | 2024-03-06
            2024-03-05T00:00 | 1   | 2024-03-06
            2024-03-05T08:30 | 1   | 2024-03-06
            2024-03-05T12:30 | 1   | 2024-03-06
            2024-03-05T17:30 | 1   | 2024-03-06
            2024-03-05T23:59 | 1   | 2024-03-06
            # 03-06 Wed(1) 07 Thu(2) 08 Fri(3)
            2024-03-05T10:00 | 3   | 2024-03-08
            # 03-06(1) 07(2) 08(3) 11 Mon(4) 12 Tue(5)
            2024-03-05T10:00 | 5   | 2024-03-12
            # 03-06(1) 07(2) 08(3) 11(4) 12(5) 13(6) 14(7) 15(8) 18(9) 19(10)
            2024-03-05T10:00 | 10  | 2024-03-19
            # --- the start day's kind does not matter ---
            # Fri: next is Mon
            2024-03-08T10:00 | 1   | 2024-03-11
            # Sat and Sun: next is Mon
            2024-03-09T10:00 | 1   | 2024-03-11
            2024-03-10T10:00 | 1   | 2024-03-11
            # Sat: 03-11 Mon(1) 12(2) 13(3) 14(4) 15 Fri(5)
            2024-03-09T10:00 | 5   | 2024-03-15
            # a holiday, Thu 2024-04-04 清明节: 04-05, 06 off, 04-07 Sun make-up(1)
            2024-04-04T10:00 | 1   | 2024-04-07
            # 04-07 Sun make-up(1) 08 Mon(2) 09(3) 10(4) 11 Thu(5)
            2024-04-04T10:00 | 5   | 2024-04-11
            # Mon 2024-02-12 春节: 02-18 Sun make-up(1) 19(2) 20(3)
            2024-02-12T10:00 | 3   | 2024-02-20
            # the last holiday, Sat 02-17: next is the make-up Sun 02-18
            2024-02-17T10:00 | 1   | 2024-02-18
            # a make-up day, Sun 02-18 (not counted itself): 02-19 Mon(1)
            2024-02-18T10:00 | 1   | 2024-02-19
            # a make-up Sat 2024-10-12: 10-13 Sun off, 10-14 Mon(1)
            2024-10-12T10:00 | 1   | 2024-10-14
            # Fri 2025-02-07: next is the make-up Sat 02-08
            2025-02-07T16:00 | 1   | 2025-02-08
            # --- across 元旦 and year ends ---
            # Fri 2022-12-30: 12-31 (元旦, listed under the 2023 notice), 01-01, 01-02 off; 2023-01-03 Tue(1)
            2022-12-30T10:00 | 1   | 2023-01-03
            # Fri 2023-12-29: 12-30, 31 weekend, 01-01 元旦; 2024-01-02 Tue(1)
            2023-12-29T10:00 | 1   | 2024-01-02
            # Tue 2024-12-31: 01-01 元旦; 2025-01-02 Thu(1)
            2024-12-31T10:00 | 1   | 2025-01-02
            # Wed 2025-12-31: 01-01..03 元旦; 2026-01-04 Sun make-up(1), 01-05 Mon(2)
            2025-12-31T10:00 | 1   | 2026-01-04
            2025-12-31T10:00 | 2   | 2026-01-05
            # 2024 has 251 working days (BusinessCalendarTest); after Tue 01-02 (itself one of them) 250 remain,
            # the last being Tue 12-31; the 251st is 2025-01-02 (01-01 is 元旦)
            2024-01-02T10:00 | 250 | 2024-12-31
            2024-01-02T10:00 | 251 | 2025-01-02
            """)
    @DisplayName("工作日时限：起算当日不计入，第 N 个工作日 17:30 到期")
    void workingDays(String start, long days, LocalDate due) {
        Deadline d = TIME.compute(at(start), LimitAmount.workingDays(days), WARNING, "r", "r");
        assertThat(d.due()).as("%s + %d working days", start, days).isEqualTo(closing(due.toString()));
        assertThat(d.explanation().countedDays()).hasSize((int) days).last().isEqualTo(due);
        // counting begins at the opening of the first counted day
        assertThat(d.explanation().countedFrom()).isEqualTo(at(d.explanation().countedDays().get(0) + "T08:30"));
        assertThat(d.explanation().allowedWorkingTime()).isEqualTo(Duration.ofHours(7 * days));
    }

    @Test
    @DisplayName("计入的工作日、跳过的节假日、计入的调休上班日：2024-02-08 起 5 个工作日")
    void countedDaysAreListed() {
        Deadline d = TIME.compute(at("2024-02-08T10:00"), LimitAmount.workingDays(5), WARNING, "r", "r");
        // Fri 02-09 (1), Sun 02-18 make-up (2), Mon 02-19 (3), Tue 02-20 (4), Wed 02-21 (5)
        assertThat(d.explanation().countedDays()).extracting(LocalDate::toString)
                .containsExactly("2024-02-09", "2024-02-18", "2024-02-19", "2024-02-20", "2024-02-21");
        assertThat(d.due()).isEqualTo(Instant.parse("2024-02-21T09:30:00Z")); // 17:30 in Shanghai
        assertThat(d.explanation().countedFrom()).isEqualTo(at("2024-02-09T08:30"));
        assertThat(Fixtures.dates(d.explanation().holidaysSkipped())).isEqualTo(Fixtures.range("2024-02-10", "2024-02-17"));
        assertThat(d.explanation().holidaysSkipped()).allSatisfy(h -> assertThat(h.name()).isEqualTo("春节"));
        assertThat(Fixtures.dates(d.explanation().makeUpDaysUsed())).containsExactly(LocalDate.parse("2024-02-18"));
    }

    @Test
    @DisplayName("日期按北京时间划分：UTC 16:00 已是北京时间次日")
    void theStartDateIsTheShanghaiDate() {
        // Tue 15:59Z = Tue 23:59 Shanghai: 1 working day → Wed 17:30 Shanghai = Wed 09:30Z
        assertThat(TIME.compute(Instant.parse("2024-03-05T15:59:00Z"), LimitAmount.workingDays(1), WARNING, "r", "r").due())
                .isEqualTo(Instant.parse("2024-03-06T09:30:00Z"));
        // Tue 16:00Z = Wed 00:00 Shanghai: the start day is Wednesday → Thu 17:30 Shanghai = Thu 09:30Z
        assertThat(TIME.compute(Instant.parse("2024-03-05T16:00:00Z"), LimitAmount.workingDays(1), WARNING, "r", "r").due())
                .isEqualTo(Instant.parse("2024-03-07T09:30:00Z"));
    }
}
