package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import static cn.xinfang.petition.time.Fixtures.SHANGHAI;
import static cn.xinfang.petition.time.Fixtures.SHIPPED;
import static cn.xinfang.petition.time.Fixtures.WARNING;
import static cn.xinfang.petition.time.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 工作时间 (cases.time.working-hours): parsing, errors, and a count with other hours. */
class WorkingHoursTest {

    @Test
    @DisplayName("默认工作时间 08:30-12:00,14:00-17:30，每日 7 小时")
    void defaults() {
        WorkingHours h = WorkingHours.DEFAULT;
        assertThat(h.intervals()).containsExactly(
                new WorkingHours.Interval(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                new WorkingHours.Interval(LocalTime.of(14, 0), LocalTime.of(17, 30)));
        assertThat(h.opening()).isEqualTo(LocalTime.of(8, 30));
        assertThat(h.closing()).isEqualTo(LocalTime.of(17, 30));
        assertThat(h.perDay()).isEqualTo(Duration.ofHours(7));
        assertThat(h.toString()).isEqualTo("08:30-12:00,14:00-17:30");
        assertThat(h.intervals().get(0).length()).isEqualTo(Duration.ofMinutes(210));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            08:30-12:00,14:00-17:30          | 08:30-12:00,14:00-17:30 | 08:30 | 17:30 | 420
            ' 08:30 - 12:00 , 14:00-17:30 '  | 08:30-12:00,14:00-17:30 | 08:30 | 17:30 | 420
            09:00-17:00                      | 09:00-17:00             | 09:00 | 17:00 | 480
            08:00-12:00,12:00-16:00          | 08:00-12:00,12:00-16:00 | 08:00 | 16:00 | 480
            08:00-11:30,13:30-17:00,19:00-21:00 | 08:00-11:30,13:30-17:00,19:00-21:00 | 08:00 | 21:00 | 540
            """)
    void parses(String text, String normalised, LocalTime opening, LocalTime closing, long minutesPerDay) {
        WorkingHours h = WorkingHours.parse(text);
        assertThat(h.toString()).isEqualTo(normalised);
        assertThat(h.opening()).isEqualTo(opening);
        assertThat(h.closing()).isEqualTo(closing);
        assertThat(h.perDay()).isEqualTo(Duration.ofMinutes(minutesPerDay));
        assertThat(WorkingHours.parse(h.toString())).isEqualTo(h);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            08:30                            | is not of the form HH:mm-HH:mm
            08:30-12:00-14:00                | is not of the form HH:mm-HH:mm
            8:30-12:00                       | is not of the form HH:mm-HH:mm
            08:30-25:00                      | is not of the form HH:mm-HH:mm
            morning                          | is not of the form HH:mm-HH:mm
            ',08:30-12:00'                   | is not of the form HH:mm-HH:mm
            12:00-08:30                      | must start before it ends
            08:30-08:30                      | must start before it ends
            08:30-12:00,11:00-17:30          | must be in order and not overlap
            14:00-17:30,08:30-12:00          | must be in order and not overlap
            """)
    @DisplayName("格式错误的工作时间：IllegalArgumentException，说明期望格式")
    void rejects(String text, String message) {
        assertThatThrownBy(() -> WorkingHours.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void rejectsNothing(String text) {
        assertThatThrownBy(() -> WorkingHours.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("08:30-12:00,14:00-17:30");
    }

    @Test
    void needsAnInterval() {
        assertThatThrownBy(() -> new WorkingHours(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingHours(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("其他工作时间 09:00-17:00：2 小时与 1 个工作日按该时间计算")
    void countsWithOtherHours() {
        BusinessTime nineToFive = new BusinessTime(SHIPPED, WorkingHours.parse("09:00-17:00"), SHANGHAI);
        // Tue 2024-03-05 16:00: 1 h to 17:00, 1 h from Wed 09:00
        Deadline h = nineToFive.compute(at("2024-03-05T16:00"), LimitAmount.workingHours(2), WARNING, "r", "r");
        assertThat(h.due()).isEqualTo(at("2024-03-06T10:00"));
        // 12:00 is working time with these hours: 11:00 + 2 h = 13:00
        assertThat(nineToFive.compute(at("2024-03-05T11:00"), LimitAmount.workingHours(2), WARNING, "r", "r").due())
                .isEqualTo(at("2024-03-05T13:00"));
        // 1 working day: close of business is 17:00; warning at 75 % of 8 h = 6 h from 09:00 = 15:00
        Deadline d = nineToFive.compute(at("2024-03-05T10:00"), LimitAmount.workingDays(1), WARNING, "r", "r");
        assertThat(d.due()).isEqualTo(at("2024-03-06T17:00"));
        assertThat(d.warning()).isEqualTo(at("2024-03-06T15:00"));
        assertThat(d.explanation().workingHours()).isEqualTo("09:00-17:00");
    }
}
