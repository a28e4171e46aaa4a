package cn.xinfang.petition.time;

import cn.xinfang.petition.api.DeadlineExplanation;
import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.Track;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static cn.xinfang.petition.time.Fixtures.SHIPPED;
import static cn.xinfang.petition.time.Fixtures.TIME;
import static cn.xinfang.petition.time.Fixtures.WARNING;
import static cn.xinfang.petition.time.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/** 时限说明: what an explanation holds and how it reads in Chinese and English (the samples of docs/time.md). */
class DeadlineExplanationTest {

    static final TimeLimitCalculator CALC = new TimeLimitCalculator(TimeLimitPolicy.townDefault(), TIME);

    @Test
    @DisplayName("一般程序受理 5 个工作日跨春节：说明的各项内容")
    void fields() {
        TimeLimit t = CALC.start(Track.GENERAL, Stage.ACCEPT, at("2024-02-08T10:00")).orElseThrow();
        DeadlineExplanation e = t.explanation();
        assertThat(e.rule()).isEqualTo("510.accept: 5 working days from registration or transfer");
        assertThat(e.ruleChinese()).isEqualTo("510.受理：自登记或转送起5个工作日");
        assertThat(e.zone()).isEqualTo("Asia/Shanghai");
        assertThat(e.start()).isEqualTo(at("2024-02-08T10:00"));
        assertThat(e.limit()).isEqualTo(LimitAmount.workingDays(5));
        assertThat(e.countedFrom()).isEqualTo(at("2024-02-09T08:30"));
        assertThat(e.countedDays()).hasSize(5);
        assertThat(e.countedSegments()).isEmpty();
        assertThat(e.nominalLastDay()).isNull();
        assertThat(e.holidaysSkipped()).hasSize(8);
        assertThat(e.makeUpDaysUsed()).hasSize(1);
        assertThat(e.fallback()).isFalse();
        assertThat(e.fallbackYears()).isEmpty();
        assertThat(e.allowedWorkingTime()).isEqualTo(Duration.ofHours(35));
        assertThat(e.warningFraction()).isEqualTo(0.75);
        assertThat(e.due()).isEqualTo(at("2024-02-21T17:30"));
        assertThat(e.warning()).isEqualTo(at("2024-02-20T15:45"));
        assertThat(e.calendarVersion()).isEqualTo(SHIPPED.version());
        assertThat(e.workingHours()).isEqualTo("08:30-12:00,14:00-17:30");
    }

    @Test
    @DisplayName("中文说明")
    void chinese() {
        TimeLimit t = CALC.start(Track.GENERAL, Stage.ACCEPT, at("2024-02-08T10:00")).orElseThrow();
        assertThat(t.explanation().toChinese()).isEqualTo("""
                规则：510.受理：自登记或转送起5个工作日
                起算时间：2024-02-08 10:00 周四（Asia/Shanghai），工作时间 08:30-12:00,14:00-17:30
                起算当日不计入。计入的工作日：2024-02-09 (1), 2024-02-18 (2)*, 2024-02-19 (3), 2024-02-20 (4), 2024-02-21 (5)
                跳过的法定节假日：2024-02-10 春节, 2024-02-11 春节, 2024-02-12 春节, 2024-02-13 春节, 2024-02-14 春节, \
                2024-02-15 春节, 2024-02-16 春节, 2024-02-17 春节
                计入的调休上班日：2024-02-18 春节
                到期时间：2024-02-21 17:30 周三
                预警时间：2024-02-20 15:45（允许工作时间 35小时 的 75%）
                日历版本：""" + SHIPPED.version());
    }

    @Test
    @DisplayName("英文说明")
    void english() {
        TimeLimit t = CALC.start(Track.GENERAL, Stage.ACCEPT, at("2024-02-08T10:00")).orElseThrow();
        assertThat(t.explanation().toEnglish()).isEqualTo("""
                Rule: 510.accept: 5 working days from registration or transfer
                Start: 2024-02-08 10:00 Thu (Asia/Shanghai), working hours 08:30-12:00,14:00-17:30
                The start day is not counted. Working days counted: 2024-02-09 (1), 2024-02-18 (2)*, 2024-02-19 (3), \
                2024-02-20 (4), 2024-02-21 (5)
                Holidays skipped: 2024-02-10 春节, 2024-02-11 春节, 2024-02-12 春节, 2024-02-13 春节, 2024-02-14 春节, \
                2024-02-15 春节, 2024-02-16 春节, 2024-02-17 春节
                Make-up working days used: 2024-02-18 春节
                Due: 2024-02-21 17:30 Wed
                Warning: 2024-02-20 15:45 (75 % of 35 h 0 min of working time)
                Calendar version:\s""" + SHIPPED.version());
    }

    @Test
    @DisplayName("工作小时：起算时间不在工作时间内时写明自下一个上班时间起算")
    void hoursOutsideWorkingHours() {
        TimeLimit t = CALC.start(Track.SIMPLE, Stage.SIGN, at("2024-03-09T10:00")).orElseThrow(); // a Saturday
        String zh = t.explanation().toChinese();
        assertThat(zh).contains("起算时间：2024-03-09 10:00 周六")
                .contains("起算时间不在工作时间内，自下一个上班时间 2024-03-11 08:30 起计算")
                .contains("计入2个工作小时：2024-03-11 08:30–10:30")
                .contains("到期时间：2024-03-11 10:30 周一")
                .contains("预警时间：2024-03-11 10:00");
        String en = t.explanation().toEnglish();
        assertThat(en).contains("Outside working hours: counting starts at the next opening, 2024-03-11 08:30")
                .contains("Counted 2 working hours: 2024-03-11 08:30–10:30")
                .contains("Due: 2024-03-11 10:30 Mon");
        assertThat(zh).isEqualTo("""
                规则：225.签收：自登记或转送起2个工作小时
                起算时间：2024-03-09 10:00 周六（Asia/Shanghai），工作时间 08:30-12:00,14:00-17:30
                起算时间不在工作时间内，自下一个上班时间 2024-03-11 08:30 起计算
                计入2个工作小时：2024-03-11 08:30–10:30
                到期时间：2024-03-11 10:30 周一
                预警时间：2024-03-11 10:00（允许工作时间 2小时 的 75%）
                日历版本：""" + SHIPPED.version());
        // inside working hours: no such line
        TimeLimit inside = CALC.start(Track.SIMPLE, Stage.SIGN, at("2024-03-01T16:50")).orElseThrow();
        assertThat(inside.explanation().toChinese()).doesNotContain("不在工作时间内")
                .contains("计入2个工作小时：2024-03-01 16:50–17:30，2024-03-04 08:30–09:50");
        assertThat(inside.explanation().toEnglish()).doesNotContain("Outside working hours");
    }

    @Test
    @DisplayName("日历日：第 N 日为节假日时写明顺延")
    void calendarDaysRolled() {
        Deadline d = TIME.compute(at("2024-08-02T10:00"), LimitAmount.calendarDays(60), WARNING,
                "510.conclude: 60 calendar days from acceptance", "510.办结：自受理起60日");
        assertThat(d.explanation().toChinese())
                .contains("起算当日不计入。第60日为 2024-10-01，非工作日，顺延至下一个工作日 2024-10-08")
                .contains("跳过的法定节假日：2024-10-01 国庆节");
        assertThat(d.explanation().toEnglish())
                .contains("The start day is not counted. Day 60 is 2024-10-01, not a working day: moved to the next working day 2024-10-08");
        Deadline plain = TIME.compute(at("2024-03-01T10:00"), LimitAmount.calendarDays(60), WARNING, "r", "r");
        assertThat(plain.explanation().toChinese()).contains("第60日为 2024-04-30，为工作日");
        assertThat(plain.explanation().toEnglish()).contains("Day 60 is 2024-04-30, a working day");
    }

    @Test
    @DisplayName("无数据年份：说明写明按周一至周五计算")
    void fallbackLine() {
        Deadline d = TIME.compute(at("2027-02-05T10:00"), LimitAmount.workingDays(5), WARNING, "r", "r");
        assertThat(d.explanation().toChinese()).contains("2027年尚无节假日安排数据，暂按周一至周五为工作日计算；公布后时限可能调整");
        assertThat(d.explanation().toEnglish()).contains(
                "No holiday calendar for [2027]: Monday to Friday assumed to be working days; this deadline may move when the calendar is published");
    }
}
