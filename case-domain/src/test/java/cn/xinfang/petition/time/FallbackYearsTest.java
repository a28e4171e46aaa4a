package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static cn.xinfang.petition.time.Fixtures.SHANGHAI;
import static cn.xinfang.petition.time.Fixtures.TIME;
import static cn.xinfang.petition.time.Fixtures.WARNING;
import static cn.xinfang.petition.time.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Years without a notice (2027 and later, 2021 and earlier) fall back to Monday–Friday, and every result
 * whose span touches such a year says so: fallback=true and the years in fallbackYears.
 */
class FallbackYearsTest {

    @ParameterizedTest(name = "{0} + {1} {2} → {3}, fallback {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # 2027 has no data: the real Spring Festival (about 02-06..) is unknown, Mon-Fri is assumed.
            # Fri 02-05: 02-08 Mon(1) 09(2) 10(3) 11(4) 12 Fri(5)
            2027-02-05T10:00 | 5  | WORKING_DAYS  | 2027-02-12T17:30 | 2027
            # Fri 16:30–17:30 + Mon 08:30–09:30
            2027-02-05T16:30 | 2  | WORKING_HOURS | 2027-02-08T09:30 | 2027
            # 03-01 + 60 = Fri 04-30
            2027-03-01T10:00 | 60 | CALENDAR_DAYS | 2027-04-30T17:30 | 2027
            # --- spans from 2026 (known) into 2027 (unknown) ---
            # Wed 2026-12-30: 12-31 Thu(1), 2027-01-01 Fri counted as an ordinary Friday(2), 01-04 Mon(3) 05(4) 06 Wed(5)
            2026-12-30T10:00 | 5  | WORKING_DAYS  | 2027-01-06T17:30 | 2027
            # Thu 2026-12-31 17:00–17:30 + Fri 2027-01-01 08:30–10:00
            2026-12-31T17:00 | 2  | WORKING_HOURS | 2027-01-01T10:00 | 2027
            # 2026-11-15 + 60 = Thu 2027-01-14
            2026-11-15T10:00 | 60 | CALENDAR_DAYS | 2027-01-14T17:30 | 2027
            # 2027-12-01 + 60 = Sun 2028-01-30 → Mon 01-31: two unknown years
            2027-12-01T10:00 | 60 | CALENDAR_DAYS | 2028-01-31T17:30 | 2027 2028
            # --- spans that stay inside 2026: no flag ---
            2026-12-30T10:00 | 1  | WORKING_DAYS  | 2026-12-31T17:30 |
            2026-12-31T10:00 | 2  | WORKING_HOURS | 2026-12-31T12:00 |
            # --- a span from 2021 (unknown) into 2022 ---
            # Fri 2021-12-31: 2022-01-01..03 元旦; 01-04 Tue(1)
            2021-12-31T10:00 | 1  | WORKING_DAYS  | 2022-01-04T17:30 | 2021
            """)
    @DisplayName("无数据年份按周一至周五计算，并标明 fallback 与年份")
    void fallback(String start, long amount, String unit, String due, String years) {
        LimitAmount limit = new LimitAmount(amount, cn.xinfang.petition.api.LimitUnit.valueOf(unit));
        Deadline d = TIME.compute(at(start), limit, WARNING, "r", "r");
        List<Integer> expected = years == null ? List.of() : Arrays.stream(years.trim().split("\\s+")).map(Integer::valueOf).toList();
        assertThat(d.due()).as("%s + %s", start, limit).isEqualTo(at(due));
        assertThat(d.fallback()).isEqualTo(!expected.isEmpty());
        assertThat(d.explanation().fallback()).isEqualTo(!expected.isEmpty());
        assertThat(d.explanation().fallbackYears()).isEqualTo(expected);
    }

    @Test
    @DisplayName("说明中写明按周一至周五计算")
    void theExplanationSaysSo() {
        Deadline d = TIME.compute(at("2026-12-30T10:00"), LimitAmount.workingDays(5), WARNING, "r", "r");
        assertThat(d.explanation().toChinese()).contains("2027").contains("暂按周一至周五为工作日计算");
        assertThat(d.explanation().toEnglish()).contains("No holiday calendar for [2027]").contains("Monday to Friday assumed");
        Deadline known = TIME.compute(at("2026-12-29T10:00"), LimitAmount.workingDays(1), WARNING, "r", "r");
        assertThat(known.explanation().toChinese()).doesNotContain("暂按周一至周五");
        assertThat(known.explanation().toEnglish()).doesNotContain("No holiday calendar");
    }

    @Test
    @DisplayName("完全没有日历数据：所有年份均标明")
    void withoutAnyData() {
        BusinessTime bare = new BusinessTime(BusinessCalendar.mondayToFriday(), WorkingHours.DEFAULT, SHANGHAI);
        // Mon 2024-02-12 would be 春节, but there is no data: Fri 02-09 + 1 working day = Mon 02-12
        Deadline d = bare.compute(at("2024-02-09T10:00"), LimitAmount.workingDays(1), WARNING, "r", "r");
        assertThat(d.due()).isEqualTo(Fixtures.closing("2024-02-12"));
        assertThat(d.explanation().fallbackYears()).containsExactly(2024);
        assertThat(d.explanation().holidaysSkipped()).isEmpty();
        assertThat(bare.isWorkingDay(LocalDate.parse("2024-02-18"))).isFalse();
    }
}
