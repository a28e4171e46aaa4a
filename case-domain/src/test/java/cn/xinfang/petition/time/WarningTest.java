package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.LimitUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import static cn.xinfang.petition.time.Fixtures.TIME;
import static cn.xinfang.petition.time.Fixtures.WARNING;
import static cn.xinfang.petition.time.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 预警: 75 % of the allowed working time, counted in working hours from where counting began (the start,
 * or the next opening; for days limits the opening of the first counted day) to the due instant.
 * Due and warning are truncated to the whole minute.
 */
class WarningTest {

    @ParameterizedTest(name = "{0} + {1} {2}: due {3}, warning {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # --- working hours: 75 % of 2 h = 90 min from the start ---
            2024-03-05T10:00    | 2  | WORKING_HOURS | 2024-03-05T12:00 | 2024-03-05T11:30 | 120
            # 11:00–12:00 (60) + 14:00–14:30 (30)
            2024-03-05T11:00    | 2  | WORKING_HOURS | 2024-03-05T15:00 | 2024-03-05T14:30 | 120
            # 11:30–12:00 (30) + 14:00–15:00 (60)
            2024-03-05T11:30    | 2  | WORKING_HOURS | 2024-03-05T15:30 | 2024-03-05T15:00 | 120
            # at lunch: counted from 14:00; 14:00–15:30
            2024-03-05T12:30    | 2  | WORKING_HOURS | 2024-03-05T16:00 | 2024-03-05T15:30 | 120
            # before opening: counted from 08:30; 08:30–10:00
            2024-03-05T07:00    | 2  | WORKING_HOURS | 2024-03-05T10:30 | 2024-03-05T10:00 | 120
            # Fri 16:50–17:30 (40) + Mon 08:30–09:20 (50)
            2024-03-01T16:50    | 2  | WORKING_HOURS | 2024-03-04T09:50 | 2024-03-04T09:20 | 120
            # 16:00–17:30 is exactly 90 min: the warning is at Tuesday's close of business
            2024-03-05T16:00    | 2  | WORKING_HOURS | 2024-03-06T09:00 | 2024-03-05T17:30 | 120
            # 75 % of 60 min = 45 min
            2024-03-05T08:30    | 1  | WORKING_HOURS | 2024-03-05T09:30 | 2024-03-05T09:15 | 60
            # 08:30–11:30; 75 % of 3 h = 2 h 15: 08:30–10:45
            2024-03-05T08:30    | 3  | WORKING_HOURS | 2024-03-05T11:30 | 2024-03-05T10:45 | 180
            # --- truncation to the minute ---
            # due 11:10:42 → 11:10; allowed 09:10:42..11:10 = 7158 s; 75 % = 5368.5 s → 5368 s = 1 h 29 min 28 s
            # → 10:40:10 → 10:40
            2024-03-05T09:10:42 | 2  | WORKING_HOURS | 2024-03-05T11:10 | 2024-03-05T10:40 | 119
            # 1 h 59 min 30 s before 12:00, 30 s after 14:00: due 14:00:30 → 14:00; allowed 10:00:30..12:00 = 7170 s;
            # 75 % = 5377 s = 1 h 29 min 37 s → 11:30:07 → 11:30
            2024-03-05T10:00:30 | 2  | WORKING_HOURS | 2024-03-05T14:00 | 2024-03-05T11:30 | 119
            # --- working days: from 08:30 of the first counted day ---
            # 1 day = 7 h; 75 % = 5 h 15: 08:30–12:00 (3 h 30) + 14:00–15:45
            2024-03-05T10:00    | 1  | WORKING_DAYS  | 2024-03-06T17:30 | 2024-03-06T15:45 | 420
            # 2 days = 14 h; 10 h 30: Wed 03-06 (7 h) + Thu 08:30–12:00
            2024-03-05T10:00    | 2  | WORKING_DAYS  | 2024-03-07T17:30 | 2024-03-07T12:00 | 840
            # 3 days = 21 h; 15 h 45: 03-06, 03-07 (14 h) + Fri 08:30–10:15
            2024-03-05T10:00    | 3  | WORKING_DAYS  | 2024-03-08T17:30 | 2024-03-08T10:15 | 1260
            # 4 days = 28 h; 21 h: exactly three days, 03-06..08 → Fri 17:30
            2024-03-05T10:00    | 4  | WORKING_DAYS  | 2024-03-11T17:30 | 2024-03-08T17:30 | 1680
            # the worked example: 35 h from Fri 02-09 08:30; 26 h 15 = 02-09, 02-18 (make-up), 02-19 (21 h) + Tue 02-20 15:45
            2024-02-08T10:00    | 5  | WORKING_DAYS  | 2024-02-21T17:30 | 2024-02-20T15:45 | 2100
            # 70 h; 52 h 30 = 7 days (03-06 07 08 11 12 13 14) + the morning of 03-15
            2024-03-05T10:00    | 10 | WORKING_DAYS  | 2024-03-19T17:30 | 2024-03-15T12:00 | 4200
            # --- calendar days: from 08:30 of the first working day after the start date ---
            # Fri 03-01 → from Mon 03-04 08:30 to Tue 04-30 17:30: March 20 working days, April 22 (04-01..03,
            # 07 make-up, 08..12, 15..19, 22..26, 28 make-up, 29, 30) = 42 days = 294 h; 75 % = 220 h 30 =
            # 31 days + 3 h 30; the 32nd day is 04-17 → 12:00
            2024-03-01T10:00    | 60 | CALENDAR_DAYS | 2024-04-30T17:30 | 2024-04-17T12:00 | 17640
            # Fri 08-02 → from Mon 08-05 08:30 to Tue 10-08 17:30: August 20, September 21 (02..06, 09..13,
            # 14 make-up, 18..20, 23..27, 29 make-up, 30), October 1 (10-08) = 42 days; day 32 is 09-18 → 12:00
            2024-08-02T10:00    | 60 | CALENDAR_DAYS | 2024-10-08T17:30 | 2024-09-18T12:00 | 17640
            # Fri 03-08 + 1 = Sat → Mon 03-11; counted from Mon 08:30: 7 h, 5 h 15 → 15:45
            2024-03-08T10:00    | 1  | CALENDAR_DAYS | 2024-03-11T17:30 | 2024-03-11T15:45 | 420
            """)
    @DisplayName("预警时间为允许工作时间的 75%，截至整分钟")
    void warning(String start, long amount, LimitUnit unit, String due, String warning, long allowedMinutes) {
        Deadline d = TIME.compute(at(start), new LimitAmount(amount, unit), WARNING, "r", "r");
        assertThat(d.due()).as("due of %s + %d %s", start, amount, unit).isEqualTo(at(due));
        assertThat(d.warning()).as("warning of %s + %d %s", start, amount, unit).isEqualTo(at(warning));
        assertThat(d.explanation().allowedWorkingTime().toMinutes()).isEqualTo(allowedMinutes);
        assertThat(d.explanation().warningFraction()).isEqualTo(0.75);
        assertThat(d.due().truncatedTo(ChronoUnit.MINUTES)).isEqualTo(d.due());
        assertThat(d.warning().truncatedTo(ChronoUnit.MINUTES)).isEqualTo(d.warning());
        assertThat(d.explanation().due()).isEqualTo(d.due());
        assertThat(d.explanation().warning()).isEqualTo(d.warning());
    }

    @Test
    @DisplayName("其他预警比例：50% 与 100%")
    void otherFractions() {
        // half of 2 h from 10:00 = 11:00
        assertThat(TIME.compute(at("2024-03-05T10:00"), LimitAmount.workingHours(2), 0.5, "r", "r").warning())
                .isEqualTo(at("2024-03-05T11:00"));
        // 100 %: the warning is the due instant
        Deadline full = TIME.compute(at("2024-02-08T10:00"), LimitAmount.workingDays(5), 1.0, "r", "r");
        assertThat(full.warning()).isEqualTo(full.due());
        // half of 35 h = 17 h 30 from Fri 02-09 08:30: 02-09 (7 h), 02-18 (14 h), Mon 02-19 08:30–12:00
        assertThat(TIME.compute(at("2024-02-08T10:00"), LimitAmount.workingDays(5), 0.5, "r", "r").warning())
                .isEqualTo(at("2024-02-19T12:00"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.5, 1.01, Double.NaN})
    void fractionMustBeInZeroOne(double fraction) {
        assertThatThrownBy(() -> TIME.compute(at("2024-03-05T10:00"), LimitAmount.workingHours(2), fraction, "r", "r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 1]");
    }

    @Test
    void allowedWorkingTimeIsExplained() {
        Deadline d = TIME.compute(at("2024-02-08T10:00"), LimitAmount.workingDays(5), WARNING, "r", "r");
        assertThat(d.explanation().allowedWorkingTime()).isEqualTo(Duration.ofHours(35));
    }
}
