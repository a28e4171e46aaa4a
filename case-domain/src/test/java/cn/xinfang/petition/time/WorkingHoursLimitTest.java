package cn.xinfang.petition.time;

import cn.xinfang.petition.api.CountedSegment;
import cn.xinfang.petition.api.LimitAmount;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static cn.xinfang.petition.time.Fixtures.TIME;
import static cn.xinfang.petition.time.Fixtures.WARNING;
import static cn.xinfang.petition.time.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 工作小时 limits: only time inside 08:30–12:00 and 14:00–17:30 on working days counts, from the start
 * or the next opening; a count that reaches the limit exactly at a closing time is due then.
 * The reference week is 2024-03-04 (Mon) .. 03-10 (Sun), which has no holiday.
 */
class WorkingHoursLimitTest {

    @ParameterizedTest(name = "{0} + {1} h → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # --- where the start lies (Tue 2024-03-05) ---
            # exactly at opening
            2024-03-05T08:30 | 2  | 2024-03-05T10:30 | 2024-03-05T08:30
            # before opening: counting starts at 08:30
            2024-03-05T07:00 | 2  | 2024-03-05T10:30 | 2024-03-05T08:30
            2024-03-05T00:00 | 2  | 2024-03-05T10:30 | 2024-03-05T08:30
            # reaches 2 h exactly at 12:00: due 12:00, not 14:00
            2024-03-05T10:00 | 2  | 2024-03-05T12:00 | 2024-03-05T10:00
            # reaches 2 h exactly at 17:30: due 17:30 the same day
            2024-03-05T15:30 | 2  | 2024-03-05T17:30 | 2024-03-05T15:30
            # exactly at 12:00 (end of the morning) and at lunch: counting starts at 14:00
            2024-03-05T12:00 | 2  | 2024-03-05T16:00 | 2024-03-05T14:00
            2024-03-05T12:30 | 2  | 2024-03-05T16:00 | 2024-03-05T14:00
            2024-03-05T13:59 | 2  | 2024-03-05T16:00 | 2024-03-05T14:00
            2024-03-05T14:00 | 2  | 2024-03-05T16:00 | 2024-03-05T14:00
            # exactly at closing: nothing is left that day, counting starts Wed 08:30
            2024-03-05T17:30 | 2  | 2024-03-06T10:30 | 2024-03-06T08:30
            # after closing
            2024-03-05T18:00 | 2  | 2024-03-06T10:30 | 2024-03-06T08:30
            2024-03-05T23:59 | 2  | 2024-03-06T10:30 | 2024-03-06T08:30
            # on a Saturday and a Sunday: counting starts Mon 03-11 08:30
            2024-03-09T10:00 | 2  | 2024-03-11T10:30 | 2024-03-11T08:30
            2024-03-10T23:00 | 2  | 2024-03-11T10:30 | 2024-03-11T08:30
            # on a holiday: Thu 2024-04-04 清明节 (04-04..06 off), Sun 04-07 is a make-up working day
            2024-04-04T10:00 | 2  | 2024-04-07T10:30 | 2024-04-07T08:30
            # on Mon 2024-02-12 春节 (02-10..17 off), Sun 02-18 is a make-up working day
            2024-02-12T09:00 | 2  | 2024-02-18T10:30 | 2024-02-18T08:30
            # --- across lunch ---
            # 11:00–12:00 (1 h) + 14:00–15:00 (1 h)
            2024-03-05T11:00 | 2  | 2024-03-05T15:00 | 2024-03-05T11:00
            # 11:30–12:00 (30 min) + 14:00–15:30
            2024-03-05T11:30 | 2  | 2024-03-05T15:30 | 2024-03-05T11:30
            # 11:59–12:00 (1 min) + 14:00–15:59 (119 min)
            2024-03-05T11:59 | 2  | 2024-03-05T15:59 | 2024-03-05T11:59
            # 12:00 start, 3 h: 14:00–17:00
            2024-03-05T12:00 | 3  | 2024-03-05T17:00 | 2024-03-05T14:00
            # --- across nights ---
            # 16:50–17:30 (40 min) + Wed 08:30–09:50 (80 min)
            2024-03-05T16:50 | 2  | 2024-03-06T09:50 | 2024-03-05T16:50
            # 17:00–17:30 (30 min) + Wed 08:30–10:00
            2024-03-05T17:00 | 2  | 2024-03-06T10:00 | 2024-03-05T17:00
            # 17:29–17:30 (1 min) + Wed 08:30–10:29 (119 min)
            2024-03-05T17:29 | 2  | 2024-03-06T10:29 | 2024-03-05T17:29
            # 16:00–17:30 (90 min) + Wed 08:30–09:00
            2024-03-05T16:00 | 2  | 2024-03-06T09:00 | 2024-03-05T16:00
            # a whole day from the opening is due at that day's closing, not the next morning
            2024-03-05T08:30 | 7  | 2024-03-05T17:30 | 2024-03-05T08:30
            2024-03-05T08:30 | 14 | 2024-03-06T17:30 | 2024-03-05T08:30
            # 09:00–12:00 (3 h) + 14:00–17:30 (3 h 30) + Wed 08:30–09:00 (30 min)
            2024-03-05T09:00 | 7  | 2024-03-06T09:00 | 2024-03-05T09:00
            # --- across weekends ---
            # Fri 16:50–17:30 (40 min) + Mon 08:30–09:50 (the worked example)
            2024-03-01T16:50 | 2  | 2024-03-04T09:50 | 2024-03-01T16:50
            # Fri 17:00–17:30 + Mon 08:30–10:00
            2024-03-08T17:00 | 2  | 2024-03-11T10:00 | 2024-03-08T17:00
            # Fri 11:00–12:00 (1 h) + 14:00–17:30 (3 h 30) + Mon 08:30–12:00 (3 h 30) = 8 h exactly at 12:00
            2024-03-08T11:00 | 8  | 2024-03-11T12:00 | 2024-03-08T11:00
            # Fri 2024-05-10 16:30–17:30 + Sat 05-11 (劳动节 make-up day) 08:30–09:30
            2024-05-10T16:30 | 2  | 2024-05-11T09:30 | 2024-05-10T16:30
            # --- across the Spring Festival ---
            # Sun 2022-01-30 (make-up) 17:15–17:30 (15 min); 01-31..02-06 off; Mon 02-07 08:30–10:15
            2022-01-30T17:15 | 2  | 2022-02-07T10:15 | 2022-01-30T17:15
            # Fri 2023-01-20 15:45–17:30 (1 h 45); 01-21..27 off; Sat 01-28 (make-up) 08:30–08:45
            2023-01-20T15:45 | 2  | 2023-01-28T08:45 | 2023-01-20T15:45
            # Fri 2024-02-09 16:00–17:30 (1 h 30); 02-10..17 off; Sun 02-18 (make-up) 08:30–09:00
            2024-02-09T16:00 | 2  | 2024-02-18T09:00 | 2024-02-09T16:00
            # Thu 2024-02-08 16:30–17:30 (1 h), Fri 02-09 (7 h, 8 h), Sun 02-18 (7 h, 15 h), Mon 02-19 (7 h, 22 h), Tue 02-20 08:30–10:30
            2024-02-08T16:30 | 24 | 2024-02-20T10:30 | 2024-02-08T16:30
            # Mon 2025-01-27 17:00–17:30 (30 min); 01-28..02-04 off; Wed 02-05 08:30–10:00
            2025-01-27T17:00 | 2  | 2025-02-05T10:00 | 2025-01-27T17:00
            # Sat 2026-02-14 (make-up) 17:00–17:30; 02-15..23 off (9 days); Tue 02-24 08:30–10:00
            2026-02-14T17:00 | 2  | 2026-02-24T10:00 | 2026-02-14T17:00
            # Fri 2026-02-13 16:00–17:30 (1 h 30), Sat 02-14 make-up (7 h, 8 h 30), 02-15..23 off,
            # Tue 02-24 08:30–12:00 (3 h 30, 12 h) + 14:00–16:00 (2 h, 14 h)
            2026-02-13T16:00 | 14 | 2026-02-24T16:00 | 2026-02-13T16:00
            """)
    @DisplayName("工作小时时限：起算位置、跨午休、跨夜、跨周末、跨春节")
    void workingHours(String start, long hours, String due, String countedFrom) {
        Deadline d = TIME.compute(at(start), LimitAmount.workingHours(hours), WARNING, "r", "r");
        assertThat(d.due()).as("%s + %d working hours", start, hours).isEqualTo(at(due));
        assertThat(d.explanation().countedFrom()).isEqualTo(at(countedFrom));
        assertThat(d.explanation().countedSegments().stream().map(CountedSegment::length).reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(Duration.ofHours(hours));
        assertThat(d.explanation().allowedWorkingTime()).isEqualTo(Duration.ofHours(hours));
        assertThat(d.fallback()).isFalse();
    }

    @Test
    @DisplayName("计入的工作时间段：周五 16:50 起 2 小时")
    void segments() {
        Deadline d = TIME.compute(at("2024-03-01T16:50"), LimitAmount.workingHours(2), WARNING, "r", "r");
        assertThat(d.explanation().countedSegments()).containsExactly(
                new CountedSegment(LocalDate.parse("2024-03-01"), LocalTime.of(16, 50), LocalTime.of(17, 30)),
                new CountedSegment(LocalDate.parse("2024-03-04"), LocalTime.of(8, 30), LocalTime.of(9, 50)));
        assertThat(d.explanation().countedDays()).isEmpty();
        assertThat(d.explanation().nominalLastDay()).isNull();
    }

    @Test
    @DisplayName("跨春节 2 小时：说明列出跳过的节假日与计入的调休上班日")
    void springFestivalExplained() {
        Deadline d = TIME.compute(at("2024-02-09T16:00"), LimitAmount.workingHours(2), WARNING, "r", "r");
        assertThat(Fixtures.dates(d.explanation().holidaysSkipped())).isEqualTo(Fixtures.range("2024-02-10", "2024-02-17"));
        assertThat(Fixtures.dates(d.explanation().makeUpDaysUsed())).containsExactly(LocalDate.parse("2024-02-18"));
    }

    @Test
    @DisplayName("时刻以 UTC 表示，按北京时间计算")
    void instantsAreUtcCountedInShanghai() {
        // 02:00Z = 10:00 in Shanghai; due 12:00 Shanghai = 04:00Z
        assertThat(TIME.compute(Instant.parse("2024-03-05T02:00:00Z"), LimitAmount.workingHours(2), WARNING, "r", "r").due())
                .isEqualTo(Instant.parse("2024-03-05T04:00:00Z"));
        // Mon 16:30Z = Tue 00:30 in Shanghai, before opening: 08:30–10:30 Tue = 02:30Z Tue
        assertThat(TIME.compute(Instant.parse("2024-03-04T16:30:00Z"), LimitAmount.workingHours(2), WARNING, "r", "r").due())
                .isEqualTo(Instant.parse("2024-03-05T02:30:00Z"));
        // Tue 09:00Z = 17:00 in Shanghai: 30 min Tue + 1 h 30 Wed = Wed 10:00 Shanghai = 02:00Z
        assertThat(TIME.compute(Instant.parse("2024-03-05T09:00:00Z"), LimitAmount.workingHours(2), WARNING, "r", "r").due())
                .isEqualTo(Instant.parse("2024-03-06T02:00:00Z"));
    }

    @Test
    @DisplayName("addWorkingTime / workingTimeBetween / nextWorkingInstant")
    void primitives() {
        // not truncated: seconds survive
        assertThat(TIME.addWorkingTime(at("2024-03-05T11:59:30"), Duration.ofSeconds(45))).isEqualTo(at("2024-03-05T14:00:15"));
        assertThat(TIME.addWorkingTime(at("2024-03-05T10:00"), Duration.ofHours(2))).isEqualTo(at("2024-03-05T12:00"));
        // zero from outside working hours: the next opening
        assertThat(TIME.addWorkingTime(at("2024-03-08T18:00"), Duration.ZERO)).isEqualTo(at("2024-03-11T08:30"));
        // Fri 16:50 to Mon 09:50: 40 min + 80 min
        assertThat(TIME.workingTimeBetween(at("2024-03-01T16:50"), at("2024-03-04T09:50"))).isEqualTo(Duration.ofHours(2));
        // Thu 2024-02-08 00:00 to Wed 02-21 24:00: 02-08, 02-09, 02-18, 02-19, 02-20, 02-21 = 6 days × 7 h
        assertThat(TIME.workingTimeBetween(at("2024-02-08T00:00"), at("2024-02-22T00:00"))).isEqualTo(Duration.ofHours(42));
        // backwards or empty: zero
        assertThat(TIME.workingTimeBetween(at("2024-03-05T12:00"), at("2024-03-05T10:00"))).isZero();
        assertThat(TIME.workingTimeBetween(at("2024-03-05T12:00"), at("2024-03-05T14:00"))).isZero();
        assertThat(TIME.nextWorkingInstant(at("2024-03-05T10:00"))).isEqualTo(at("2024-03-05T10:00"));
        assertThat(TIME.nextWorkingInstant(at("2024-03-05T12:00"))).isEqualTo(at("2024-03-05T14:00"));
        assertThat(TIME.nextWorkingInstant(at("2024-02-09T17:30"))).isEqualTo(at("2024-02-18T08:30"));
        assertThat(TIME.closeOfBusiness(LocalDate.parse("2024-03-05"))).isEqualTo(at("2024-03-05T17:30"));
        assertThat(TIME.isWorkingDay(LocalDate.parse("2024-02-18"))).isTrue();
    }
}
