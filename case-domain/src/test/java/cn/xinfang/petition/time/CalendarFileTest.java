package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static cn.xinfang.petition.time.Fixtures.SHANGHAI;
import static cn.xinfang.petition.time.Fixtures.SHIPPED;
import static cn.xinfang.petition.time.Fixtures.WARNING;
import static cn.xinfang.petition.time.Fixtures.at;
import static cn.xinfang.petition.time.Fixtures.closing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped calendar file and an operator's overlay file (cases.time.calendar-file). */
class CalendarFileTest {

    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    /** A made-up 2027 notice: 元旦 on Fri 2027-01-01, a make-up Saturday 2027-01-09. */
    static final String YEAR_2027 = """
            {"years": {"2027": {
              "notice": "operator test file",
              "holidays": ["2027-01-01"],
              "workdays": ["2027-01-09"],
              "names": {"2027-01-01": "元旦", "2027-01-09": "元旦"}
            }}}
            """;

    @Test
    @DisplayName("随包日历：2022–2026 五年")
    void shippedCalendarHasFiveYears() {
        assertThat(SHIPPED.knownYears()).containsExactlyInAnyOrder(2022, 2023, 2024, 2025, 2026);
        assertThat(CalendarFile.class.getResource(CalendarFile.SHIPPED_RESOURCE)).isNotNull();
    }

    @Test
    @DisplayName("运维叠加文件增加 2027 年：节假日生效，不再降级，版本号改变")
    void overlayAddsAYear() throws IOException {
        BusinessCalendar cal = CalendarFile.shippedWithOverlay(write("cal.json", YEAR_2027));
        assertThat(cal.knownYears()).containsExactlyInAnyOrder(2022, 2023, 2024, 2025, 2026, 2027);
        assertThat(cal.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.parse("2027-01-09"))).isTrue();
        assertThat(cal.nameOf(LocalDate.parse("2027-01-01"))).contains("元旦");
        assertThat(cal.version()).isNotEqualTo(SHIPPED.version());
        // the shipped years are kept
        assertThat(cal.isWorkingDay(LocalDate.parse("2024-02-12"))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.parse("2024-02-18"))).isTrue();

        // 5 working days from Wed 2026-12-30: 12-31 Thu(1), 2027-01-01 元旦 skipped, 01-04 Mon(2), 05(3), 06(4), 07 Thu(5)
        BusinessTime time = new BusinessTime(cal, WorkingHours.DEFAULT, SHANGHAI);
        Deadline d = time.compute(at("2026-12-30T10:00"), LimitAmount.workingDays(5), WARNING, "r", "r");
        assertThat(d.due()).isEqualTo(closing("2027-01-07"));
        assertThat(d.fallback()).isFalse();
        assertThat(d.explanation().fallbackYears()).isEmpty();
        assertThat(d.explanation().calendarVersion()).isEqualTo(cal.version());

        // the same count on the shipped calendar: 2027 is unknown, 01-01 is counted (Mon-Fri) and flagged
        // 12-31 Thu(1), 01-01 Fri(2), 01-04 Mon(3), 05(4), 06 Wed(5)
        Deadline shipped = Fixtures.TIME.compute(at("2026-12-30T10:00"), LimitAmount.workingDays(5), WARNING, "r", "r");
        assertThat(shipped.due()).isEqualTo(closing("2027-01-06"));
        assertThat(shipped.explanation().fallbackYears()).containsExactly(2027);
    }

    @Test
    @DisplayName("运维叠加文件中的年份整体替换随包年份（更正通知）")
    void overlayReplacesAYearEntirely() throws IOException {
        // a "correction" of 2024 that lists only 元旦: the Spring Festival days are ordinary days again
        BusinessCalendar cal = CalendarFile.shippedWithOverlay(write("fix.json", """
                {"years": {"2024": {"holidays": ["2024-01-01"], "workdays": []}}}
                """));
        assertThat(cal.isWorkingDay(LocalDate.parse("2024-01-01"))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.parse("2024-02-12"))).isTrue();  // Mon, no longer 春节
        assertThat(cal.isWorkingDay(LocalDate.parse("2024-02-18"))).isFalse(); // Sun, no longer a make-up day
        assertThat(cal.isWorkingDay(LocalDate.parse("2023-01-23"))).isFalse(); // 2023 untouched
        assertThat(cal.version()).isNotEqualTo(SHIPPED.version());
    }

    @Test
    @DisplayName("内容相同的叠加文件不改变版本号")
    void identicalOverlayKeepsTheVersion() throws IOException {
        BusinessCalendar cal = CalendarFile.shippedWithOverlay(write("same.json", """
                {"years": {"2023": {"notice": "copied", "holidays": ["2022-12-31","2023-01-01","2023-01-02","2023-01-21",
                "2023-01-22","2023-01-23","2023-01-24","2023-01-25","2023-01-26","2023-01-27","2023-04-05","2023-04-29",
                "2023-04-30","2023-05-01","2023-05-02","2023-05-03","2023-06-22","2023-06-23","2023-06-24","2023-09-29",
                "2023-09-30","2023-10-01","2023-10-02","2023-10-03","2023-10-04","2023-10-05","2023-10-06"],
                "workdays": ["2023-01-28","2023-01-29","2023-04-23","2023-05-06","2023-06-25","2023-10-07","2023-10-08"]}}}
                """));
        assertThat(cal.version()).isEqualTo(SHIPPED.version());
    }

    @Test
    void readsAFileOnItsOwn() throws IOException {
        BusinessCalendar cal = CalendarFile.read(write("cal.json", YEAR_2027));
        assertThat(cal.knownYears()).containsExactly(2027);
        assertThat(cal.isWorkingDay(LocalDate.parse("2024-02-12"))).isTrue(); // no 2024 in this file
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            not JSON                         | {"years": {                                                   | is not valid JSON
            no years object                  | {"2027": {"holidays": []}}                                    | has no "years" object
            years is an array                | {"years": ["2027-01-01"]}                                     | has no "years" object
            year key not a year              | {"years": {"27": {"holidays": []}, "twenty": {}}}             | year key "twenty" is not a year
            date not yyyy-MM-dd              | {"years": {"2027": {"holidays": ["2027/01/01"]}}}             | "2027/01/01" in "holidays" is not a date of the form yyyy-MM-dd
            impossible date                  | {"years": {"2027": {"holidays": ["2027-02-30"]}}}             | "2027-02-30" in "holidays" is not a date
            holidays not an array            | {"years": {"2027": {"holidays": "2027-01-01"}}}               | "holidays" must be an array of dates
            workdays not an array            | {"years": {"2027": {"holidays": [], "workdays": 5}}}          | "workdays" must be an array of dates
            bad date in names                | {"years": {"2027": {"holidays": [], "names": {"1.1": "元旦"}}}} | "1.1" in "names" is not a date
            make-up day on a Monday          | {"years": {"2027": {"holidays": [], "workdays": ["2027-01-04"]}}} | only Saturdays and Sundays can be make-up working days
            holiday and make-up day at once  | {"years": {"2027": {"holidays": ["2027-01-09"], "workdays": ["2027-01-09"]}}} | listed both as a holiday and as a make-up working day
            # both used to load silently as a known 2027 without holidays (no fallback flag)
            year is not an object            | {"years": {"2027": ["2027-01-01"]}}                           | year 2027 must be an object
            year without holidays (typo)     | {"years": {"2027": {"holiday": ["2027-01-01"]}}}              | year 2027 has no "holidays" array
            """)
    @DisplayName("格式错误的日历文件：InvalidCalendarException，说明文件、条目与期望格式")
    void malformedFiles(String what, String json, String message) throws IOException {
        Path f = write("bad.json", json);
        assertThatThrownBy(() -> CalendarFile.shippedWithOverlay(f))
                .as(what)
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining(message);
    }

    @Test
    @DisplayName("日历文件不存在：说明应设置 cases.time.calendar-file")
    void missingFile() {
        Path missing = dir.resolve("nowhere.json");
        assertThatThrownBy(() -> CalendarFile.shippedWithOverlay(missing))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("does not exist")
                .hasMessageContaining("cases.time.calendar-file");
        assertThatThrownBy(() -> CalendarFile.read(dir))
                .isInstanceOf(InvalidCalendarException.class)
                .hasMessageContaining("is not a file");
    }
}
