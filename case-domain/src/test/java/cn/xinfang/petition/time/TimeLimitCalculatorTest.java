package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.LimitUnit;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.Track;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.xinfang.petition.time.Fixtures.SHIPPED;
import static cn.xinfang.petition.time.Fixtures.TIME;
import static cn.xinfang.petition.time.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stage table of TimeLimitPolicy.townDefault() ("225" simple, "510" general), every stage of both
 * tracks counted from Mon 2024-03-04 10:00, and extension and recomputation.
 */
class TimeLimitCalculatorTest {

    static final TimeLimitPolicy POLICY = TimeLimitPolicy.townDefault();
    static final TimeLimitCalculator CALC = new TimeLimitCalculator(POLICY, TIME);
    static final Instant MON = at("2024-03-04T10:00");

    @ParameterizedTest(name = "{0} {1}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # 10:00 + 2 h = 12:00; warning 90 min → 11:30
            SIMPLE  | SIGN            | 2  | WORKING_HOURS | 225.sign: 2 working hours from registration or transfer                  | 2024-03-04T12:00 | 2024-03-04T11:30
            SIMPLE  | ACCEPT          | 2  | WORKING_HOURS | 225.accept: 2 working hours from signing                                 | 2024-03-04T12:00 | 2024-03-04T11:30
            # Tue 03-05(1); 5 h 15 of 7 h → 15:45
            SIMPLE  | RESPOND         | 1  | WORKING_DAYS  | 225.respond: 1 working day from acceptance                              | 2024-03-05T17:30 | 2024-03-05T15:45
            # 03-05(1) 06(2) 07(3) 08(4) 11 Mon(5); 26 h 15 of 35 h: 05, 06, 07 + 08 15:45
            SIMPLE  | MEET_HANDLING   | 5  | WORKING_DAYS  | 225.meet_handling: with the opinion, 5 working days from acceptance      | 2024-03-11T17:30 | 2024-03-08T15:45
            SIMPLE  | OPINION         | 5  | WORKING_DAYS  | 225.opinion: 5 working days from acceptance                              | 2024-03-11T17:30 | 2024-03-08T15:45
            # 03-05(1) 06(2) 07(3); 15 h 45 of 21 h: 05, 06 + 07 10:15
            SIMPLE  | MEET_CONCLUSION | 3  | WORKING_DAYS  | 225.meet_conclusion: 3 working days from the opinion                     | 2024-03-07T17:30 | 2024-03-07T10:15
            # 03-04 + 60 = Fri 05-03 劳动节; 05-03..05 off → Mon 05-06. From Tue 03-05 08:30: March 19 working days,
            # April 22, May 1 = 42 days = 294 h; 220 h 30 = 31 days + 3 h 30; day 32 is 04-18 → 12:00
            SIMPLE  | CONCLUDE        | 60 | CALENDAR_DAYS | 225.conclude: 60 calendar days from acceptance                           | 2024-05-06T17:30 | 2024-04-18T12:00
            GENERAL | ACCEPT          | 5  | WORKING_DAYS  | 510.accept: 5 working days from registration or transfer                 | 2024-03-11T17:30 | 2024-03-08T15:45
            GENERAL | RESPOND         | 1  | WORKING_DAYS  | 510.respond: 1 working day from acceptance                              | 2024-03-05T17:30 | 2024-03-05T15:45
            # 03-05(1) 06(2) 07(3) 08(4) 11(5) 12(6) 13(7) 14(8) 15(9) 18 Mon(10); 52 h 30 of 70 h: 7 days + morning of 03-14
            GENERAL | MEET_HANDLING   | 10 | WORKING_DAYS  | 510.meet_handling: with the opinion, 10 working days from acceptance     | 2024-03-18T17:30 | 2024-03-14T12:00
            GENERAL | OPINION         | 10 | WORKING_DAYS  | 510.opinion: 10 working days from acceptance                             | 2024-03-18T17:30 | 2024-03-14T12:00
            GENERAL | MEET_CONCLUSION | 3  | WORKING_DAYS  | 510.meet_conclusion: 3 working days from the opinion                     | 2024-03-07T17:30 | 2024-03-07T10:15
            GENERAL | CONCLUDE        | 60 | CALENDAR_DAYS | 510.conclude: 60 calendar days from acceptance                           | 2024-05-06T17:30 | 2024-04-18T12:00
            """)
    @DisplayName("225/510 每个环节的时限、规则与到期时间")
    void everyStage(Track track, Stage stage, long amount, LimitUnit unit, String rule, String due, String warning) {
        TimeLimit t = CALC.start(track, stage, MON).orElseThrow();
        assertThat(t.stage()).isEqualTo(stage);
        assertThat(t.start()).isEqualTo(MON);
        assertThat(t.limit()).isEqualTo(new LimitAmount(amount, unit));
        assertThat(t.rule()).isEqualTo(rule);
        assertThat(t.explanation().rule()).isEqualTo(rule);
        assertThat(t.due()).as("%s %s due", track, stage).isEqualTo(at(due));
        assertThat(t.warning()).as("%s %s warning", track, stage).isEqualTo(at(warning));
        assertThat(t.extensions()).isEmpty();
        assertThat(t.policyId()).isEqualTo("town-225-510");
        assertThat(t.policyVersion()).isEqualTo(1);
        assertThat(CALC.limitOf(track, stage)).contains(new LimitAmount(amount, unit));
        assertThat(POLICY.hasLimit(track, stage)).isTrue();
    }

    @Test
    @DisplayName("一般程序没有签收时限")
    void generalHasNoSignLimit() {
        assertThat(CALC.start(Track.GENERAL, Stage.SIGN, MON)).isEmpty();
        assertThat(CALC.limitOf(Track.GENERAL, Stage.SIGN)).isEmpty();
        assertThat(POLICY.hasLimit(Track.GENERAL, Stage.SIGN)).isFalse();
        assertThat(POLICY.hasLimit(Track.SIMPLE, Stage.SIGN)).isTrue();
    }

    @Test
    @DisplayName("办理见面与处理意见同时到期")
    void meetHandlingSharesTheOpinionDue() {
        for (Track track : Track.values()) {
            TimeLimit meet = CALC.start(track, Stage.MEET_HANDLING, MON).orElseThrow();
            TimeLimit opinion = CALC.start(track, Stage.OPINION, MON).orElseThrow();
            assertThat(meet.due()).isEqualTo(opinion.due());
            assertThat(meet.warning()).isEqualTo(opinion.warning());
            assertThat(POLICY.rule(track, Stage.MEET_HANDLING).orElseThrow().sameDueAs()).isEqualTo(Stage.OPINION);
        }
    }

    @Test
    @DisplayName("中文规则")
    void chineseRules() {
        assertThat(CALC.start(Track.SIMPLE, Stage.ACCEPT, MON).orElseThrow().explanation().ruleChinese())
                .isEqualTo("225.受理：自签收起2个工作小时");
        assertThat(CALC.start(Track.SIMPLE, Stage.MEET_HANDLING, MON).orElseThrow().explanation().ruleChinese())
                .isEqualTo("225.办理见面：与处理意见同时，自受理起5个工作日");
        assertThat(CALC.start(Track.GENERAL, Stage.CONCLUDE, MON).orElseThrow().explanation().ruleChinese())
                .isEqualTo("510.办结：自受理起60日");
    }

    @Test
    @DisplayName("超期即上报的环节与办结最长延期")
    void escalationAndMaximumExtension() {
        assertThat(POLICY.warningFraction()).isEqualTo(0.75);
        assertThat(POLICY.maxConcludeExtensionDays()).isEqualTo(30);
        assertThat(POLICY.returnWindow()).isEqualTo(LimitAmount.workingDays(5));
        assertThat(POLICY.escalatesOnBreach(Stage.SIGN)).isFalse();
        assertThat(POLICY.escalatesOnBreach(Stage.NOTIFY)).isFalse();
        for (Stage s : List.of(Stage.ACCEPT, Stage.RESPOND, Stage.MEET_HANDLING, Stage.OPINION, Stage.MEET_CONCLUSION, Stage.CONCLUDE,
                Stage.REVIEW_DECISION)) {
            assertThat(POLICY.escalatesOnBreach(s)).as(s.name()).isTrue();
        }
        assertThat(POLICY.stages().get(Track.SIMPLE)).extracting(StageRule::stage).containsExactly(
                Stage.SIGN, Stage.ACCEPT, Stage.RESPOND, Stage.MEET_HANDLING, Stage.OPINION, Stage.MEET_CONCLUSION, Stage.CONCLUDE,
                Stage.NOTIFY, Stage.LEADER_PROGRESS);
        assertThat(POLICY.stages().get(Track.GENERAL)).extracting(StageRule::stage).containsExactly(
                Stage.ACCEPT, Stage.RESPOND, Stage.MEET_HANDLING, Stage.OPINION, Stage.MEET_CONCLUSION, Stage.CONCLUDE, Stage.NOTIFY,
                Stage.LEADER_PROGRESS);
        assertThat(POLICY.reviewStages()).extracting(StageRule::stage).containsExactly(Stage.REVIEW_DECISION);
        assertThat(POLICY.stages().get(Track.SIMPLE)).extracting(StageRule::startsAt).containsExactly(
                StageStart.REGISTRATION_OR_TRANSFER, StageStart.SIGNING, StageStart.ACCEPTANCE, StageStart.ACCEPTANCE,
                StageStart.ACCEPTANCE, StageStart.OPINION, StageStart.ACCEPTANCE, StageStart.REGISTRATION_OR_TRANSFER,
                StageStart.LEADER_ASSIGNMENT_OR_PROGRESS);
        assertThat(POLICY.stages().get(Track.GENERAL)).extracting(StageRule::startsAt).containsExactly(
                StageStart.REGISTRATION_OR_TRANSFER, StageStart.ACCEPTANCE, StageStart.ACCEPTANCE,
                StageStart.ACCEPTANCE, StageStart.OPINION, StageStart.ACCEPTANCE, StageStart.REGISTRATION_OR_TRANSFER,
                StageStart.LEADER_ASSIGNMENT_OR_PROGRESS);
    }

    @Test
    @DisplayName("退回期限：转送后 5 个工作日（条例 第二十三条）")
    void theReturnWindowIsFiveWorkingDaysFromTheTransfer() {
        // transferred Thu 2024-02-08 10:00: 02-09 (1), Sun 02-18 make-up (2), 02-19 (3), 02-20 (4), 02-21 (5)
        assertThat(new TimeLimitCalculator(POLICY, TIME).returnableUntil(at("2024-02-08T10:00")))
                .isEqualTo(at("2024-02-21T17:30"));
    }

    @Test
    @DisplayName("配置的时限与版本号")
    void configuredLimits() {
        TimeLimitPolicy p = TimeLimitPolicy.withLimits(3, 0.5,
                LimitAmount.workingHours(1), LimitAmount.workingHours(3), LimitAmount.workingDays(4),
                LimitAmount.workingDays(6), LimitAmount.workingDays(12),
                LimitAmount.workingDays(2), LimitAmount.workingDays(5), LimitAmount.calendarDays(90));
        TimeLimitCalculator calc = new TimeLimitCalculator(p, TIME);
        TimeLimit accept = calc.start(Track.SIMPLE, Stage.ACCEPT, MON).orElseThrow();
        // 10:00–12:00 (2 h) + 14:00–15:00; half of 3 h = 1 h 30 → 11:30
        assertThat(accept.due()).isEqualTo(at("2024-03-04T15:00"));
        assertThat(accept.warning()).isEqualTo(at("2024-03-04T11:30"));
        assertThat(accept.rule()).isEqualTo("225.accept: 3 working hours from signing");
        assertThat(accept.policyVersion()).isEqualTo(3);
        // 03-05(1) .. 03-08(4), 11(5), 12(6)
        assertThat(calc.start(Track.GENERAL, Stage.ACCEPT, MON).orElseThrow().due()).isEqualTo(at("2024-03-12T17:30"));
        assertThat(calc.start(Track.SIMPLE, Stage.MEET_HANDLING, MON).orElseThrow().limit()).isEqualTo(LimitAmount.workingDays(4));
    }

    @Test
    void policyRejectsNonsense() {
        assertThatThrownBy(() -> TimeLimitPolicy.withLimits(1, 0, LimitAmount.workingHours(2), LimitAmount.workingHours(2),
                LimitAmount.workingDays(5), LimitAmount.workingDays(5), LimitAmount.workingDays(10),
                LimitAmount.workingDays(1), LimitAmount.workingDays(3), LimitAmount.calendarDays(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warning fraction");
        assertThatThrownBy(() -> new TimeLimitPolicy("p", 1, 0.75, Map.of(Track.SIMPLE, List.of()), List.of(), Set.of(), Map.of(),
                LimitAmount.workingDays(5), LimitAmount.calendarDays(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GENERAL");
        assertThatThrownBy(() -> new TimeLimitPolicy("p", 1, 0.75, Map.of(
                Track.SIMPLE, List.of(StageRule.sameDueAs(Stage.MEET_HANDLING, Stage.OPINION, StageStart.ACCEPTANCE)),
                Track.GENERAL, List.of()), List.of(), Set.of(), Map.of(), LimitAmount.workingDays(5), LimitAmount.calendarDays(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OPINION");
        assertThatThrownBy(() -> new StageRule(Stage.ACCEPT, null, null, StageStart.SIGNING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LimitAmount.workingDays(0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- 延期 extension

    @Test
    @DisplayName("办结延期 30 日：自原到期日起算，预警按全程重新计算")
    void extendConclude() {
        TimeLimit conclude = CALC.start(Track.SIMPLE, Stage.CONCLUDE, MON).orElseThrow();
        assertThat(conclude.due()).isEqualTo(at("2024-05-06T17:30"));
        TimeLimit extended = CALC.extend(conclude, Track.SIMPLE, LimitAmount.calendarDays(30));
        // from the 60th day itself, 05-03 (a holiday, which had moved the due to 05-06): day 90 = 05-03 + 30 = Sun 06-02,
        // not a working day → Mon 06-03
        assertThat(extended.due()).isEqualTo(at("2024-06-03T17:30"));
        // whole span from Tue 03-05 08:30 to 06-03 17:30: the 42 days to 05-06, then May 07..10, 11 (make-up),
        // 13..17, 20..24, 27..31 (20) and June 03 (1) = 63 days = 441 h; 75 % = 330 h 45 = 47 days + 1 h 45.
        // Days 33..48: 04-19 22 23 24 25 26 28* 29 30, 05-06 07 08 09 10 11* 13 → 05-13 08:30 + 1 h 45 = 10:15
        assertThat(extended.warning()).isEqualTo(at("2024-05-13T10:15"));
        assertThat(extended.explanation().allowedWorkingTime()).hasHours(441);
        assertThat(extended.extensions()).containsExactly(LimitAmount.calendarDays(30));
        assertThat(extended.extendedBy()).isEqualTo(30);
        assertThat(extended.limit()).isEqualTo(LimitAmount.calendarDays(60));
        assertThat(extended.start()).isEqualTo(MON);
        assertThat(extended.rule()).isEqualTo("225.conclude: 60 calendar days from acceptance; extended by 30 calendar days");
        assertThat(extended.explanation().ruleChinese()).isEqualTo("225.办结：自受理起60日；延期30日");
        assertThat(extended.instantsDifferFrom(conclude)).isTrue();
    }

    @Test
    @DisplayName("工作小时延期：自原到期时刻起算")
    void extendHours() {
        TimeLimit accept = CALC.start(Track.SIMPLE, Stage.ACCEPT, MON).orElseThrow();
        TimeLimit extended = CALC.extend(accept, Track.SIMPLE, LimitAmount.workingHours(1));
        // due 12:00 + 1 h: 14:00–15:00; whole span 10:00..15:00 = 3 h, 75 % = 2 h 15 → 10:00–12:00 + 14:00–14:15
        assertThat(extended.due()).isEqualTo(at("2024-03-04T15:00"));
        assertThat(extended.warning()).isEqualTo(at("2024-03-04T14:15"));
        assertThat(extended.rule()).isEqualTo("225.accept: 2 working hours from signing; extended by 1 working hour");
    }

    @Test
    @DisplayName("两次延期与一次延期合计相同：到期与预警均相同（预警自最初起算点计算）")
    void twoExtensionsEqualOneOfTheSum() {
        TimeLimit opinion = CALC.start(Track.SIMPLE, Stage.OPINION, MON).orElseThrow();
        TimeLimit twice = CALC.extend(CALC.extend(opinion, Track.SIMPLE, LimitAmount.workingDays(2)), Track.SIMPLE, LimitAmount.workingDays(2));
        TimeLimit once = CALC.extend(opinion, Track.SIMPLE, LimitAmount.workingDays(4));
        // due 03-11; + 2 → 03-12, 13; + 2 → 03-14, 15. Once: + 4 → 03-12 .. 03-15
        assertThat(twice.due()).isEqualTo(at("2024-03-15T17:30"));
        assertThat(once.due()).isEqualTo(at("2024-03-15T17:30"));
        // whole span from Tue 03-05 08:30: 9 working days (05 06 07 08 11 12 13 14 15) = 63 h; 75 % = 47 h 15
        // = 6 days + 5 h 15 → the 7th day, 03-13, 15:45
        assertThat(once.warning()).isEqualTo(at("2024-03-13T15:45"));
        assertThat(twice.warning()).isEqualTo(at("2024-03-13T15:45"));
        assertThat(twice.explanation().allowedWorkingTime()).hasHours(63);
        assertThat(twice.extensions()).containsExactly(LimitAmount.workingDays(2), LimitAmount.workingDays(2));
        assertThat(twice.rule()).isEqualTo("225.opinion: 5 working days from acceptance; extended by 4 working days");
        // recomputing replays both extensions the same way
        assertThat(CALC.recompute(twice, Track.SIMPLE)).contains(twice);
    }

    @Test
    @DisplayName("三次延期：到期 3 个工作日后，预警仍自最初起算点计算")
    void threeExtensionsOfCalendarDays() {
        TimeLimit conclude = CALC.start(Track.SIMPLE, Stage.CONCLUDE, MON).orElseThrow();
        TimeLimit thrice = conclude;
        for (int i = 0; i < 3; i++) {
            thrice = CALC.extend(thrice, Track.SIMPLE, LimitAmount.calendarDays(10));
        }
        // each extension runs on from the previous N-th day: 05-03 + 10 = Mon 05-13; + 10 = Thu 05-23;
        // + 10 = Sun 06-02 → Mon 06-03: the same as one extension by 30 (see extendConclude)
        assertThat(thrice.due()).isEqualTo(at("2024-06-03T17:30"));
        assertThat(thrice.warning()).isEqualTo(at("2024-05-13T10:15"));
        assertThat(thrice.explanation().allowedWorkingTime()).hasHours(441);
    }

    @Test
    @DisplayName("起算点：工作小时为下一个上班时间，日为起算日之后第一个工作日的 08:30")
    void countingStart() {
        assertThat(TIME.countingStart(at("2024-03-04T10:00"), LimitUnit.WORKING_HOURS)).isEqualTo(at("2024-03-04T10:00"));
        assertThat(TIME.countingStart(at("2024-03-08T18:00"), LimitUnit.WORKING_HOURS)).isEqualTo(at("2024-03-11T08:30"));
        assertThat(TIME.countingStart(at("2024-03-04T10:00"), LimitUnit.WORKING_DAYS)).isEqualTo(at("2024-03-05T08:30"));
        assertThat(TIME.countingStart(at("2024-02-09T10:00"), LimitUnit.CALENDAR_DAYS)).isEqualTo(at("2024-02-18T08:30"));
    }

    @Test
    void extendingAStageTheTrackDoesNotLimitFails() {
        TimeLimit sign = CALC.start(Track.SIMPLE, Stage.SIGN, MON).orElseThrow();
        assertThatThrownBy(() -> CALC.extend(sign, Track.GENERAL, LimitAmount.workingHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SIGN");
    }

    // ---------------------------------------------------------------- 重新计算 recomputation

    @Test
    @DisplayName("改为一般程序：处理意见按 10 个工作日重新计算，已准延期照旧适用")
    void recomputeOnReclassification() {
        TimeLimit simple = CALC.start(Track.SIMPLE, Stage.OPINION, MON).orElseThrow();
        TimeLimit general = CALC.recompute(simple, Track.GENERAL).orElseThrow();
        assertThat(general.due()).isEqualTo(at("2024-03-18T17:30"));
        assertThat(general.rule()).isEqualTo("510.opinion: 10 working days from acceptance");
        assertThat(general.limit()).isEqualTo(LimitAmount.workingDays(10));

        TimeLimit extended = CALC.extend(simple, Track.SIMPLE, LimitAmount.workingDays(2));
        TimeLimit reclassified = CALC.recompute(extended, Track.GENERAL).orElseThrow();
        // 10 days → 03-18; + 2 → 03-19, 20. Whole span 03-05..03-20 = 12 days = 84 h; 75 % = 63 h = 9 whole days:
        // 05 06 07 08 11 12 13 14 15 → 03-15 17:30
        assertThat(reclassified.due()).isEqualTo(at("2024-03-20T17:30"));
        assertThat(reclassified.warning()).isEqualTo(at("2024-03-15T17:30"));
        assertThat(reclassified.extensions()).containsExactly(LimitAmount.workingDays(2));
        assertThat(reclassified.rule()).isEqualTo("510.opinion: 10 working days from acceptance; extended by 2 working days");
    }

    @Test
    @DisplayName("重新计算：同一程序、同一日历，结果不变")
    void recomputeIsStable() {
        for (Track track : Track.values()) {
            for (Stage stage : Stage.values()) {
                CALC.start(track, stage, MON).ifPresent(t -> assertThat(CALC.recompute(t, track)).contains(t));
            }
        }
        TimeLimit conclude = CALC.start(Track.GENERAL, Stage.CONCLUDE, MON).orElseThrow();
        TimeLimit twice = CALC.extend(CALC.extend(conclude, Track.GENERAL, LimitAmount.calendarDays(10)), Track.GENERAL, LimitAmount.calendarDays(20));
        assertThat(CALC.recompute(twice, Track.GENERAL)).contains(twice);
    }

    @Test
    @DisplayName("改为一般程序：签收环节不再有时限")
    void recomputeToATrackWithoutTheStage() {
        TimeLimit sign = CALC.start(Track.SIMPLE, Stage.SIGN, MON).orElseThrow();
        assertThat(CALC.recompute(sign, Track.GENERAL)).isEmpty();
    }

    @Test
    @DisplayName("单位不同时重新计算不沿用延期")
    void recomputeDropsExtensionsOfAnotherUnit() {
        // SIMPLE accept is 2 working hours, GENERAL accept 5 working days
        TimeLimit accept = CALC.extend(CALC.start(Track.SIMPLE, Stage.ACCEPT, MON).orElseThrow(), Track.SIMPLE, LimitAmount.workingHours(1));
        TimeLimit general = CALC.recompute(accept, Track.GENERAL).orElseThrow();
        assertThat(general.extensions()).isEmpty();
        assertThat(general.due()).isEqualTo(at("2024-03-11T17:30"));
        assertThat(general.rule()).isEqualTo("510.accept: 5 working days from registration or transfer");
    }

    @Test
    @DisplayName("日历更正后重新计算：使用新日历与新版本号")
    void recomputeOnARevisedCalendar() {
        TimeLimit opinion = CALC.start(Track.SIMPLE, Stage.OPINION, MON).orElseThrow();
        // a corrected 2024 that also gives Wed 03-06 off
        CalendarYear y = SHIPPED.year(2024).orElseThrow();
        java.util.Set<LocalDate> holidays = new java.util.HashSet<>(y.holidays());
        holidays.add(LocalDate.parse("2024-03-06"));
        BusinessCalendar revised = SHIPPED.mergedWith(BusinessCalendar.of(List.of(new CalendarYear(2024, "fix", holidays, y.workdays(), y.names()))));
        TimeLimitCalculator calc = CALC.withTime(TIME.withCalendar(revised));
        TimeLimit again = calc.recompute(opinion, Track.SIMPLE).orElseThrow();
        // 03-05(1), 06 off, 07(2), 08(3), 11(4), 12(5)
        assertThat(again.due()).isEqualTo(at("2024-03-12T17:30"));
        assertThat(again.explanation().calendarVersion()).isEqualTo(revised.version()).isNotEqualTo(opinion.explanation().calendarVersion());
        assertThat(again.instantsDifferFrom(opinion)).isTrue();
        assertThat(calc.policy()).isSameAs(POLICY);
        assertThat(calc.time().calendar()).isSameAs(revised);
    }
}
