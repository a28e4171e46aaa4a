package cn.xinfang.petition.time;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.xinfang.petition.time.Fixtures.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 工作日历: which dates are working days, by the shipped State Council notices 2022–2026. */
class BusinessCalendarTest {

    @ParameterizedTest(name = "{0} ({1}) working day: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-03-08 | Fri, ordinary                         | true
            2024-03-09 | Sat, ordinary weekend                 | false
            2024-03-10 | Sun, ordinary weekend                 | false
            2024-02-10 | Sat, 春节 (first day)                 | false
            2024-02-12 | Mon, 春节                             | false
            2024-02-17 | Sat, 春节 (last day)                  | false
            2024-02-18 | Sun, 春节 调休上班日                  | true
            2024-02-04 | Sun, 春节 调休上班日 (before)         | true
            2024-02-19 | Mon, after 春节                       | true
            2022-12-31 | Sat, 元旦 2023 (listed under 2023)    | false
            2023-01-02 | Mon, 元旦 2023                        | false
            2023-01-03 | Tue, after 元旦                       | true
            2023-04-05 | Wed, 清明节 (a single weekday)        | false
            2024-06-10 | Mon, 端午节                           | false
            2025-10-08 | Wed, 国庆节、中秋节 (last day)        | false
            2025-10-11 | Sat, 国庆节、中秋节 调休上班日        | true
            2025-05-31 | Sat, 端午节                           | false
            2026-01-04 | Sun, 元旦 调休上班日                  | true
            2026-02-23 | Mon, 春节 (9th day)                   | false
            2026-02-24 | Tue, after 春节                       | true
            2026-09-20 | Sun, 国庆节 调休上班日                | true
            2026-09-25 | Fri, 中秋节                           | false
            2026-12-31 | Thu, ordinary                         | true
            2027-01-01 | Fri, 2027 unknown: Monday-Friday      | true
            2027-02-06 | Sat, 2027 unknown: Monday-Friday      | false
            2021-10-01 | Fri, 2021 unknown: Monday-Friday      | true
            """)
    @DisplayName("isWorkingDay：周一至周五，除法定节假日；调休上班日为工作日；无数据年份按周一至周五")
    void workingDays(LocalDate date, String what, boolean working) {
        assertThat(SHIPPED.isWorkingDay(date)).as("%s (%s)", date, what).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0}: {1} working days")
    @CsvSource({
            // weekdays - weekday holidays + make-up days, counted by hand from the notices:
            "2022, 249", // 365 d from Sat: 260 weekdays; 18 weekday holidays; 7 make-up days
            "2023, 249", // 365 d from Sun: 260 weekdays; 18 weekday holidays (2022-12-31 is a Sat of 2022); 7 make-up
            "2024, 251", // 366 d from Mon: 262 weekdays; 19 weekday holidays; 8 make-up days
            "2025, 248", // 365 d from Wed: 261 weekdays; 18 weekday holidays; 5 make-up days
            "2026, 248", // 365 d from Thu: 261 weekdays; 19 weekday holidays; 6 make-up days
            "2027, 261", // no data: every weekday
    })
    @DisplayName("每年工作日天数与国务院通知一致")
    void workingDaysPerYear(int year, int expected) {
        long n = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1)).filter(SHIPPED::isWorkingDay).count();
        assertThat(n).isEqualTo(expected);
    }

    @Test
    @DisplayName("调休上班日与节假日的区分")
    void makeUpDaysAreNotHolidays() {
        LocalDate makeUp = LocalDate.parse("2024-02-18");
        assertThat(SHIPPED.isMakeUpWorkingDay(makeUp)).isTrue();
        assertThat(SHIPPED.isHoliday(makeUp)).isFalse();
        assertThat(SHIPPED.isMakeUpWorkingDay(LocalDate.parse("2024-02-19"))).isFalse();
        assertThat(SHIPPED.isHoliday(LocalDate.parse("2024-02-12"))).isTrue();
        // an ordinary weekend is neither
        assertThat(SHIPPED.isHoliday(LocalDate.parse("2024-03-09"))).isFalse();
        assertThat(SHIPPED.isMakeUpWorkingDay(LocalDate.parse("2024-03-09"))).isFalse();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-02-12 | 春节
            2024-02-18 | 春节
            2022-12-31 | 元旦
            2023-10-01 | 中秋节、国庆节
            2025-10-01 | 国庆节、中秋节
            2026-01-04 | 元旦
            2025-05-31 | 端午节
            2024-04-07 | 清明节
            2022-05-07 | 劳动节
            """)
    @DisplayName("节假日与调休上班日的名称")
    void names(LocalDate date, String name) {
        assertThat(SHIPPED.nameOf(date)).contains(name);
    }

    @Test
    void ordinaryDaysHaveNoName() {
        assertThat(SHIPPED.nameOf(LocalDate.parse("2024-03-08"))).isEmpty();
        assertThat(SHIPPED.nameOf(LocalDate.parse("2027-01-01"))).isEmpty();
    }

    @Test
    @DisplayName("已知年份 2022–2026；其余年份按周一至周五")
    void knownYears() {
        assertThat(SHIPPED.knownYears()).containsExactlyInAnyOrder(2022, 2023, 2024, 2025, 2026);
        assertThat(SHIPPED.isKnownYear(2021)).isFalse();
        assertThat(SHIPPED.isKnownYear(2027)).isFalse();
        assertThat(SHIPPED.year(2023)).hasValueSatisfying(y -> {
            assertThat(y.holidays()).contains(LocalDate.parse("2022-12-31"));
            assertThat(y.notice()).contains("gov.cn");
        });
        assertThat(SHIPPED.year(2027)).isEmpty();
    }

    @Test
    @DisplayName("无节假日数据的日历：一律周一至周五")
    void mondayToFriday() {
        BusinessCalendar none = BusinessCalendar.mondayToFriday();
        assertThat(none.knownYears()).isEmpty();
        assertThat(none.isWorkingDay(LocalDate.parse("2024-02-12"))).isTrue(); // 春节 Mon, but no data
        assertThat(none.isWorkingDay(LocalDate.parse("2024-02-18"))).isFalse(); // make-up Sun, but no data
        assertThat(none.version()).startsWith("cal-").isNotEqualTo(SHIPPED.version());
    }

    @Test
    @DisplayName("版本号由内容决定")
    void versionNamesTheContent() {
        assertThat(SHIPPED.version()).matches("cal-[0-9a-f]{12}");
        // SHA-256 of "2022|H,2022-01-01,...|W,2022-01-29,...;2023|H,2022-12-31,...", computed outside Java
        // (python hashlib) from the JSON; docs/time.md quotes this version in its sample explanations
        assertThat(SHIPPED.version()).isEqualTo("cal-a5f36398ab32");
        assertThat(CalendarFile.shipped().version()).isEqualTo(SHIPPED.version());
        // the same facts under another notice text: same version
        CalendarYear y2024 = SHIPPED.year(2024).orElseThrow();
        CalendarYear renoticed = new CalendarYear(2024, "another copy", y2024.holidays(), y2024.workdays(), Map.of());
        assertThat(SHIPPED.mergedWith(BusinessCalendar.of(List.of(renoticed))).version()).isEqualTo(SHIPPED.version());
        // one date fewer: another version
        CalendarYear corrected = new CalendarYear(2024, null, Set.of(LocalDate.parse("2024-01-01")), Set.of(), Map.of());
        assertThat(SHIPPED.mergedWith(BusinessCalendar.of(List.of(corrected))).version()).isNotEqualTo(SHIPPED.version());
    }

    @Test
    @DisplayName("叠加：叠加文件中的年份整体替换原年份，其他年份保留")
    void mergedWithReplacesWholeYears() {
        CalendarYear only = new CalendarYear(2024, null, Set.of(LocalDate.parse("2024-03-08")), Set.of(LocalDate.parse("2024-03-09")), Map.of());
        BusinessCalendar merged = SHIPPED.mergedWith(BusinessCalendar.of(List.of(only)));
        assertThat(merged.isWorkingDay(LocalDate.parse("2024-03-08"))).isFalse();
        assertThat(merged.isWorkingDay(LocalDate.parse("2024-03-09"))).isTrue();
        // the rest of the 2024 notice is gone
        assertThat(merged.isWorkingDay(LocalDate.parse("2024-02-12"))).isTrue();
        assertThat(merged.isWorkingDay(LocalDate.parse("2024-02-18"))).isFalse();
        assertThat(merged.nameOf(LocalDate.parse("2024-02-12"))).isEmpty();
        // other years are kept
        assertThat(merged.isWorkingDay(LocalDate.parse("2025-01-28"))).isFalse();
        assertThat(merged.knownYears()).containsExactlyInAnyOrder(2022, 2023, 2024, 2025, 2026);
        // the original is unchanged
        assertThat(SHIPPED.isWorkingDay(LocalDate.parse("2024-02-12"))).isFalse();
    }

    @Test
    @DisplayName("CalendarYear 拒绝矛盾数据")
    void calendarYearRejectsContradictions() {
        LocalDate sat = LocalDate.parse("2027-01-09");
        assertThatThrownBy(() -> new CalendarYear(2027, null, Set.of(sat), Set.of(sat), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2027-01-09").hasMessageContaining("both as a holiday and as a make-up working day");
        LocalDate mon = LocalDate.parse("2027-01-04");
        assertThatThrownBy(() -> new CalendarYear(2027, null, Set.of(), Set.of(mon), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2027-01-04").hasMessageContaining("only Saturdays and Sundays");
    }
}
