package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.Track;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of docs/time.md, computed by hand from the rules and the 2024 notice. */
class WorkedExamplesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final BusinessTime TIME = new BusinessTime(CalendarFile.shipped(), WorkingHours.DEFAULT, SHANGHAI);

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    @DisplayName("2 个工作小时：周五 16:50 起算，周一 09:50 到期")
    void twoWorkingHoursFromFridayAfternoonAreDueMondayMorning() {
        Deadline d = TIME.compute(at("2024-03-01T16:50"), LimitAmount.workingHours(2), 0.75, "r", "r");
        assertThat(d.due()).isEqualTo(at("2024-03-04T09:50"));
        // 75 % of 120 min = 90 min: 40 on Friday, 50 from Monday 08:30
        assertThat(d.warning()).isEqualTo(at("2024-03-04T09:20"));
    }

    @Test
    @DisplayName("恰在下班时刻计满：15:30 起算 2 小时，当日 17:30 到期")
    void countReachingTheLimitAtClosingIsDueAtClosing() {
        Deadline d = TIME.compute(at("2024-03-05T15:30"), LimitAmount.workingHours(2), 0.75, "r", "r");
        assertThat(d.due()).isEqualTo(at("2024-03-05T17:30"));
    }

    @Test
    @DisplayName("5 个工作日：2024-02-08 10:00 受理，跨春节与调休，2024-02-21 17:30 到期，2024-02-20 15:45 预警")
    void fiveWorkingDaysAcrossTheSpringFestival() {
        Deadline d = TIME.compute(at("2024-02-08T10:00"), LimitAmount.workingDays(5), 0.75, "r", "r");
        assertThat(d.due()).isEqualTo(at("2024-02-21T17:30"));
        assertThat(d.warning()).isEqualTo(at("2024-02-20T15:45"));
        assertThat(d.explanation().countedDays()).extracting(Object::toString)
                .containsExactly("2024-02-09", "2024-02-18", "2024-02-19", "2024-02-20", "2024-02-21");
        assertThat(d.explanation().makeUpDaysUsed()).extracting(c -> c.date().toString()).containsExactly("2024-02-18");
        assertThat(d.explanation().holidaysSkipped()).extracting(c -> c.date().toString())
                .containsExactly("2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14",
                        "2024-02-15", "2024-02-16", "2024-02-17");
        assertThat(d.explanation().allowedWorkingTime()).hasHours(35);
        assertThat(d.fallback()).isFalse();
    }

    @Test
    void policyNamesTheRule() {
        TimeLimitCalculator calc = new TimeLimitCalculator(TimeLimitPolicy.townDefault(), TIME);
        TimeLimit accept = calc.start(Track.SIMPLE, Stage.ACCEPT, at("2024-03-01T16:50")).orElseThrow();
        assertThat(accept.rule()).isEqualTo("225.accept: 2 working hours from signing");
        assertThat(accept.due()).isEqualTo(at("2024-03-04T09:50"));
        assertThat(calc.start(Track.GENERAL, Stage.SIGN, at("2024-03-01T16:50"))).isEmpty();
        System.out.println(accept.explanation().toChinese());
        System.out.println(accept.explanation().toEnglish());
    }
}
