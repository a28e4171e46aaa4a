package cn.xinfang.petition.time;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static cn.xinfang.petition.time.Fixtures.TIME;
import static cn.xinfang.petition.time.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 剩余工作时间 – the working time left until a due instant, as the pages show it ("剩余 1小时20分
 * （工作时间）"), and how late a stage is in working time once past due (negative). Every expected
 * value is counted by hand on 08:30–12:00, 14:00–17:30 and the shipped calendar.
 */
class WorkingTimeLeftTest {

    @ParameterizedTest(name = "now {0}, due {1} → {2} min")
    @DisplayName("剩余工作时间按工作时间计算，超期为负")
    @CsvSource(delimiter = '|', textBlock = """
            # same morning: 09:00 → 10:20 is 1 h 20 min
            2024-03-05T09:00 | 2024-03-05T10:20 | 80
            # across lunch: 11:30–12:00 (30) + 14:00–15:00 (60)
            2024-03-05T11:30 | 2024-03-05T15:00 | 90
            # now at lunch: nothing counts before 14:00, 14:00–14:45
            2024-03-05T12:30 | 2024-03-05T14:45 | 45
            # over a weekend: Fri 16:50–17:30 (40) + Mon 08:30–09:50 (80)
            2024-03-01T16:50 | 2024-03-04T09:50 | 120
            # now on a Saturday: only Monday counts, 08:30–10:30
            2024-03-09T10:00 | 2024-03-11T10:30 | 120
            # over the 2024 Spring Festival: Thu 02-08 17:00–17:30 (30) + Fri 02-09 whole day (420)
            # + holidays 02-10..17 + make-up Sun 02-18 08:30–09:00 (30)
            2024-02-08T17:00 | 2024-02-18T09:00 | 480
            # due now: nothing left
            2024-03-05T10:00 | 2024-03-05T10:00 | 0
            # past due by 10:20–11:00 (40) in the same morning
            2024-03-05T11:00 | 2024-03-05T10:20 | -40
            # past due Fri 16:50: Fri 16:50–17:30 (40) + Mon 08:30–10:00 (90)
            2024-03-04T10:00 | 2024-03-01T16:50 | -130
            # past due in the evening: nothing counts after 17:30; 17:00–17:30
            2024-03-05T20:00 | 2024-03-05T17:00 | -30
            """)
    void workingTimeLeftCountsOnlyWorkingHours(String now, String due, long minutes) {
        assertThat(TIME.workingTimeLeft(at(now), at(due))).isEqualTo(Duration.ofMinutes(minutes));
    }
}
