package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static cn.xinfang.petition.time.Fixtures.SHIPPED;
import static cn.xinfang.petition.time.Fixtures.TIME;
import static cn.xinfang.petition.time.Fixtures.WARNING;
import static cn.xinfang.petition.time.Fixtures.at;
import static cn.xinfang.petition.time.Fixtures.closing;
import static cn.xinfang.petition.time.Fixtures.dates;
import static cn.xinfang.petition.time.Fixtures.range;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every holiday block (every run of consecutive days off) of the 2022–2026 notices, every make-up
 * working day, and 5 and 10 working days across each Spring Festival, Labour Day and National Day.
 * Expected values were counted by hand on the printed calendar; the comment above a row shows the count.
 */
class HolidayBlocksTest {

    /**
     * block | first day off | last day off | start date (the last working day before the block; started at 16:30)
     * | 5 working days due (17:30 of) | 2 working hours due | holidays the 5-day count skips | years without data.
     * 2 hours from 16:30: 16:30–17:30 on the start day, 08:30–09:30 on the first working day after the block.
     */
    static final String BLOCKS = """
            # Fri 2021-12-31 (2021 has no data: flagged); skip 01-01..01-03; 01-04 Tue(1) 05(2) 06(3) 07 Fri(4) 10 Mon(5)
            元旦 2022     | 2022-01-01 | 2022-01-03 | 2021-12-31 | 2022-01-10 | 2022-01-04T09:30 | 3  | 2021
            # Sun 01-30 is a make-up day; skip 01-31..02-06; 02-07 Mon(1) 08(2) 09(3) 10(4) 11 Fri(5)
            春节 2022     | 2022-01-31 | 2022-02-06 | 2022-01-30 | 2022-02-11 | 2022-02-07T09:30 | 7  |
            # Sat 04-02 is a make-up day; skip 04-03..05; 04-06 Wed(1) 07(2) 08 Fri(3) 11 Mon(4) 12 Tue(5)
            清明节 2022   | 2022-04-03 | 2022-04-05 | 2022-04-02 | 2022-04-12 | 2022-04-06T09:30 | 3  |
            # skip 04-30..05-04; 05-05 Thu(1) 06 Fri(2) 07 Sat make-up(3) 09 Mon(4) 10 Tue(5)
            劳动节 2022   | 2022-04-30 | 2022-05-04 | 2022-04-29 | 2022-05-10 | 2022-05-05T09:30 | 5  |
            # skip 06-03..05; 06-06 Mon(1) 07(2) 08(3) 09(4) 10 Fri(5)
            端午节 2022   | 2022-06-03 | 2022-06-05 | 2022-06-02 | 2022-06-10 | 2022-06-06T09:30 | 3  |
            # skip 09-10..12; 09-13 Tue(1) 14(2) 15(3) 16 Fri(4) 19 Mon(5)
            中秋节 2022   | 2022-09-10 | 2022-09-12 | 2022-09-09 | 2022-09-19 | 2022-09-13T09:30 | 3  |
            # skip 10-01..07; 10-08 Sat make-up(1) 09 Sun make-up(2) 10 Mon(3) 11(4) 12 Wed(5)
            国庆节 2022   | 2022-10-01 | 2022-10-07 | 2022-09-30 | 2022-10-12 | 2022-10-08T09:30 | 7  |
            # 2022-12-31 is listed under the 2023 notice; skip 12-31..01-02; 01-03 Tue(1) 04(2) 05(3) 06 Fri(4) 09 Mon(5)
            元旦 2023     | 2022-12-31 | 2023-01-02 | 2022-12-30 | 2023-01-09 | 2023-01-03T09:30 | 3  |
            # skip 01-21..27; 01-28 Sat make-up(1) 29 Sun make-up(2) 30 Mon(3) 31(4) 02-01 Wed(5)
            春节 2023     | 2023-01-21 | 2023-01-27 | 2023-01-20 | 2023-02-01 | 2023-01-28T09:30 | 7  |
            # a single Wednesday; 04-06 Thu(1) 07 Fri(2) 10 Mon(3) 11(4) 12 Wed(5)
            清明节 2023   | 2023-04-05 | 2023-04-05 | 2023-04-04 | 2023-04-12 | 2023-04-06T09:30 | 1  |
            # skip 04-29..05-03; 05-04 Thu(1) 05 Fri(2) 06 Sat make-up(3) 08 Mon(4) 09 Tue(5)
            劳动节 2023   | 2023-04-29 | 2023-05-03 | 2023-04-28 | 2023-05-09 | 2023-05-04T09:30 | 5  |
            # skip 06-22..24; 06-25 Sun make-up(1) 26 Mon(2) 27(3) 28(4) 29 Thu(5)
            端午节 2023   | 2023-06-22 | 2023-06-24 | 2023-06-21 | 2023-06-29 | 2023-06-25T09:30 | 3  |
            # skip 09-29..10-06; 10-07 Sat make-up(1) 08 Sun make-up(2) 09 Mon(3) 10(4) 11 Wed(5)
            中秋国庆 2023 | 2023-09-29 | 2023-10-06 | 2023-09-28 | 2023-10-11 | 2023-10-07T09:30 | 8  |
            # Fri 2023-12-29; skip 01-01 Mon; 01-02 Tue(1) 03(2) 04(3) 05 Fri(4) 08 Mon(5)
            元旦 2024     | 2024-01-01 | 2024-01-01 | 2023-12-29 | 2024-01-08 | 2024-01-02T09:30 | 1  |
            # skip 02-10..17; 02-18 Sun make-up(1) 19 Mon(2) 20(3) 21(4) 22 Thu(5)
            春节 2024     | 2024-02-10 | 2024-02-17 | 2024-02-09 | 2024-02-22 | 2024-02-18T09:30 | 8  |
            # skip 04-04..06; 04-07 Sun make-up(1) 08 Mon(2) 09(3) 10(4) 11 Thu(5)
            清明节 2024   | 2024-04-04 | 2024-04-06 | 2024-04-03 | 2024-04-11 | 2024-04-07T09:30 | 3  |
            # skip 05-01..05; 05-06 Mon(1) 07(2) 08(3) 09(4) 10 Fri(5)
            劳动节 2024   | 2024-05-01 | 2024-05-05 | 2024-04-30 | 2024-05-10 | 2024-05-06T09:30 | 5  |
            # Fri 06-07, weekend, skip 06-10 Mon; 06-11 Tue(1) 12(2) 13(3) 14 Fri(4) 17 Mon(5)
            端午节 2024   | 2024-06-10 | 2024-06-10 | 2024-06-07 | 2024-06-17 | 2024-06-11T09:30 | 1  |
            # Sat 09-14 is a make-up day; skip 09-15..17; 09-18 Wed(1) 19(2) 20 Fri(3) 23 Mon(4) 24 Tue(5)
            中秋节 2024   | 2024-09-15 | 2024-09-17 | 2024-09-14 | 2024-09-24 | 2024-09-18T09:30 | 3  |
            # skip 10-01..07; 10-08 Tue(1) 09(2) 10(3) 11 Fri(4) 12 Sat make-up(5)
            国庆节 2024   | 2024-10-01 | 2024-10-07 | 2024-09-30 | 2024-10-12 | 2024-10-08T09:30 | 7  |
            # Tue 2024-12-31; skip 01-01 Wed; 01-02 Thu(1) 03 Fri(2) 06 Mon(3) 07(4) 08 Wed(5)
            元旦 2025     | 2025-01-01 | 2025-01-01 | 2024-12-31 | 2025-01-08 | 2025-01-02T09:30 | 1  |
            # skip 01-28..02-04; 02-05 Wed(1) 06(2) 07 Fri(3) 08 Sat make-up(4) 10 Mon(5)
            春节 2025     | 2025-01-28 | 2025-02-04 | 2025-01-27 | 2025-02-10 | 2025-02-05T09:30 | 8  |
            # skip 04-04..06; 04-07 Mon(1) .. 11 Fri(5)
            清明节 2025   | 2025-04-04 | 2025-04-06 | 2025-04-03 | 2025-04-11 | 2025-04-07T09:30 | 3  |
            # skip 05-01..05; 05-06 Tue(1) 07(2) 08(3) 09 Fri(4) 12 Mon(5)
            劳动节 2025   | 2025-05-01 | 2025-05-05 | 2025-04-30 | 2025-05-12 | 2025-05-06T09:30 | 5  |
            # skip 05-31..06-02; 06-03 Tue(1) 04(2) 05(3) 06 Fri(4) 09 Mon(5)
            端午节 2025   | 2025-05-31 | 2025-06-02 | 2025-05-30 | 2025-06-09 | 2025-06-03T09:30 | 3  |
            # skip 10-01..08; 10-09 Thu(1) 10 Fri(2) 11 Sat make-up(3) 13 Mon(4) 14 Tue(5)
            国庆中秋 2025 | 2025-10-01 | 2025-10-08 | 2025-09-30 | 2025-10-14 | 2025-10-09T09:30 | 8  |
            # Wed 2025-12-31; skip 01-01..03; 01-04 Sun make-up(1) 05 Mon(2) 06(3) 07(4) 08 Thu(5)
            元旦 2026     | 2026-01-01 | 2026-01-03 | 2025-12-31 | 2026-01-08 | 2026-01-04T09:30 | 3  |
            # Sat 02-14 is a make-up day; skip 02-15..23 (9 days); 02-24 Tue(1) 25(2) 26(3) 27 Fri(4) 28 Sat make-up(5)
            春节 2026     | 2026-02-15 | 2026-02-23 | 2026-02-14 | 2026-02-28 | 2026-02-24T09:30 | 9  |
            # skip 04-04..06; 04-07 Tue(1) 08(2) 09(3) 10 Fri(4) 13 Mon(5)
            清明节 2026   | 2026-04-04 | 2026-04-06 | 2026-04-03 | 2026-04-13 | 2026-04-07T09:30 | 3  |
            # skip 05-01..05; 05-06 Wed(1) 07(2) 08 Fri(3) 09 Sat make-up(4) 11 Mon(5)
            劳动节 2026   | 2026-05-01 | 2026-05-05 | 2026-04-30 | 2026-05-11 | 2026-05-06T09:30 | 5  |
            # skip 06-19..21; 06-22 Mon(1) .. 26 Fri(5)
            端午节 2026   | 2026-06-19 | 2026-06-21 | 2026-06-18 | 2026-06-26 | 2026-06-22T09:30 | 3  |
            # skip 09-25..27; 09-28 Mon(1) 29(2) 30 Wed(3), skip 国庆 10-01..07 too, 10-08 Thu(4) 09 Fri(5): 3 + 7 skipped
            中秋节 2026   | 2026-09-25 | 2026-09-27 | 2026-09-24 | 2026-10-09 | 2026-09-28T09:30 | 10 |
            # skip 10-01..07; 10-08 Thu(1) 09 Fri(2) 10 Sat make-up(3) 12 Mon(4) 13 Tue(5)
            国庆节 2026   | 2026-10-01 | 2026-10-07 | 2026-09-30 | 2026-10-13 | 2026-10-08T09:30 | 7  |
            """;

    @ParameterizedTest(name = "{0}: {1}..{2}")
    @CsvSource(delimiter = '|', textBlock = BLOCKS)
    @DisplayName("每个节假日：节前最后一个工作日 16:30 起算，5 个工作日与 2 个工作小时均跳过整个假期")
    void everyHolidayBlock(String block, LocalDate first, LocalDate last, LocalDate start, LocalDate due5,
                           String due2h, int skipped, Integer fallbackYear) {
        List<LocalDate> blockDays = range(first.toString(), last.toString());
        List<Integer> fallback = fallbackYear == null ? List.of() : List.of(fallbackYear);

        Deadline days = TIME.compute(at(start + "T16:30"), LimitAmount.workingDays(5), WARNING, "r", "r");
        assertThat(days.due()).as("%s: 5 working days from %s", block, start).isEqualTo(closing(due5.toString()));
        assertThat(days.explanation().countedDays()).hasSize(5).doesNotContainAnyElementsOf(blockDays);
        assertThat(dates(days.explanation().holidaysSkipped())).hasSize(skipped).containsAll(blockDays);
        assertThat(days.explanation().fallbackYears()).isEqualTo(fallback);

        Deadline hours = TIME.compute(at(start + "T16:30"), LimitAmount.workingHours(2), WARNING, "r", "r");
        assertThat(hours.due()).as("%s: 2 working hours from %s 16:30", block, start).isEqualTo(at(due2h));
        assertThat(dates(hours.explanation().holidaysSkipped())).isEqualTo(blockDays);
        assertThat(hours.explanation().fallbackYears()).isEqualTo(fallback);
    }

    @Test
    @DisplayName("上表覆盖随包日历中的每一个假期")
    void theTableCoversEveryBlockOfTheShippedCalendar() {
        TreeSet<LocalDate> off = new TreeSet<>();
        SHIPPED.knownYears().forEach(y -> off.addAll(SHIPPED.year(y).orElseThrow().holidays()));
        List<String> blocks = new ArrayList<>();
        LocalDate blockStart = null;
        for (LocalDate d : off) {
            if (blockStart == null) {
                blockStart = d;
            }
            if (!off.contains(d.plusDays(1))) {
                blocks.add(blockStart + ".." + d);
                blockStart = null;
            }
        }
        List<String> table = rows(BLOCKS).stream().map(r -> r[1] + ".." + r[2]).toList();
        assertThat(table).containsExactlyElementsOf(blocks);
        assertThat(blocks).hasSize(33);
    }

    /** Every make-up working day (调休上班日) of 2022–2026 and the holiday it makes up for. */
    static final String MAKE_UP_DAYS = """
            2022-01-29 | 春节
            2022-01-30 | 春节
            2022-04-02 | 清明节
            2022-04-24 | 劳动节
            2022-05-07 | 劳动节
            2022-10-08 | 国庆节
            2022-10-09 | 国庆节
            2023-01-28 | 春节
            2023-01-29 | 春节
            2023-04-23 | 劳动节
            2023-05-06 | 劳动节
            2023-06-25 | 端午节
            2023-10-07 | 中秋节、国庆节
            2023-10-08 | 中秋节、国庆节
            2024-02-04 | 春节
            2024-02-18 | 春节
            2024-04-07 | 清明节
            2024-04-28 | 劳动节
            2024-05-11 | 劳动节
            2024-09-14 | 中秋节
            2024-09-29 | 国庆节
            2024-10-12 | 国庆节
            2025-01-26 | 春节
            2025-02-08 | 春节
            2025-04-27 | 劳动节
            2025-09-28 | 国庆节、中秋节
            2025-10-11 | 国庆节、中秋节
            2026-01-04 | 元旦
            2026-02-14 | 春节
            2026-02-28 | 春节
            2026-05-09 | 劳动节
            2026-09-20 | 国庆节
            2026-10-10 | 国庆节
            """;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = MAKE_UP_DAYS)
    @DisplayName("每个调休上班日都计入：前一日 20:00 起算，1 个工作日到期于当日 17:30，2 个工作小时到期于当日 10:30")
    void everyMakeUpDayIsCounted(LocalDate makeUp, String name) {
        assertThat(makeUp.getDayOfWeek().getValue()).as("a make-up day is a Saturday or a Sunday").isGreaterThanOrEqualTo(6);
        assertThat(SHIPPED.isWorkingDay(makeUp)).isTrue();
        assertThat(SHIPPED.nameOf(makeUp)).contains(name);
        // the evening before (after closing, whatever that day is): the start day is not counted, the
        // make-up day is the next working day
        String eve = makeUp.minusDays(1) + "T20:00";

        Deadline day = TIME.compute(at(eve), LimitAmount.workingDays(1), WARNING, "r", "r");
        assertThat(day.due()).isEqualTo(closing(makeUp.toString()));
        assertThat(day.explanation().countedDays()).containsExactly(makeUp);
        assertThat(dates(day.explanation().makeUpDaysUsed())).containsExactly(makeUp);
        assertThat(day.explanation().makeUpDaysUsed().get(0).name()).isEqualTo(name);

        // 2 hours counted from the make-up day's opening: 08:30–10:30
        Deadline hours = TIME.compute(at(eve), LimitAmount.workingHours(2), WARNING, "r", "r");
        assertThat(hours.due()).isEqualTo(at(makeUp + "T10:30"));
        assertThat(hours.explanation().countedFrom()).isEqualTo(at(makeUp + "T08:30"));
        assertThat(dates(hours.explanation().makeUpDaysUsed())).containsExactly(makeUp);
    }

    @Test
    @DisplayName("上表覆盖随包日历中的每一个调休上班日")
    void theTableCoversEveryMakeUpDay() {
        TreeSet<LocalDate> all = new TreeSet<>();
        SHIPPED.knownYears().forEach(y -> all.addAll(SHIPPED.year(y).orElseThrow().workdays()));
        assertThat(rows(MAKE_UP_DAYS).stream().map(r -> LocalDate.parse(r[0])).toList()).containsExactlyElementsOf(all);
    }

    /**
     * 5 and 10 working days across every Spring Festival, Labour Day and National Day, started at 09:00
     * two working days before the block, so that days on both sides are counted.
     * year/holiday | start | the ten working days counted (MM-dd; * = make-up day)
     */
    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # 01-29 Sat* start; 01-30 Sun*(1), skip 01-31..02-06
            春节 2022     | 2022-01-29 | 01-30* 02-07 02-08 02-09 02-10 02-11 02-14 02-15 02-16 02-17
            # skip 04-30..05-04; 05-07 Sat*(4)
            劳动节 2022   | 2022-04-28 | 04-29 05-05 05-06 05-07* 05-09 05-10 05-11 05-12 05-13 05-16
            # skip 10-01..07; 10-08 Sat*, 10-09 Sun*
            国庆节 2022   | 2022-09-29 | 09-30 10-08* 10-09* 10-10 10-11 10-12 10-13 10-14 10-17 10-18
            # skip 01-21..27; 01-28 Sat*, 01-29 Sun*
            春节 2023     | 2023-01-19 | 01-20 01-28* 01-29* 01-30 01-31 02-01 02-02 02-03 02-06 02-07
            # skip 04-29..05-03; 05-06 Sat*
            劳动节 2023   | 2023-04-27 | 04-28 05-04 05-05 05-06* 05-08 05-09 05-10 05-11 05-12 05-15
            # skip 09-29..10-06 (中秋国庆); 10-07 Sat*, 10-08 Sun*
            中秋国庆 2023 | 2023-09-27 | 09-28 10-07* 10-08* 10-09 10-10 10-11 10-12 10-13 10-16 10-17
            # the worked example of docs/time.md for 5; skip 02-10..17; 02-18 Sun*
            春节 2024     | 2024-02-08 | 02-09 02-18* 02-19 02-20 02-21 02-22 02-23 02-26 02-27 02-28
            # skip 05-01..05; 05-11 Sat*(7)
            劳动节 2024   | 2024-04-29 | 04-30 05-06 05-07 05-08 05-09 05-10 05-11* 05-13 05-14 05-15
            # start on Sun 09-29*, itself a make-up day (not counted: the start day never is); skip 10-01..07; 10-12 Sat*
            国庆节 2024   | 2024-09-29 | 09-30 10-08 10-09 10-10 10-11 10-12* 10-14 10-15 10-16 10-17
            # start on Sun 01-26*; skip 01-28..02-04; 02-08 Sat*(5)
            春节 2025     | 2025-01-26 | 01-27 02-05 02-06 02-07 02-08* 02-10 02-11 02-12 02-13 02-14
            # skip 05-01..05
            劳动节 2025   | 2025-04-29 | 04-30 05-06 05-07 05-08 05-09 05-12 05-13 05-14 05-15 05-16
            # skip 10-01..08; 10-11 Sat*(4)
            国庆中秋 2025 | 2025-09-29 | 09-30 10-09 10-10 10-11* 10-13 10-14 10-15 10-16 10-17 10-20
            # 02-14 Sat*(1); skip 02-15..23; 02-28 Sat*(6)
            春节 2026     | 2026-02-13 | 02-14* 02-24 02-25 02-26 02-27 02-28* 03-02 03-03 03-04 03-05
            # skip 05-01..05; 05-09 Sat*(5)
            劳动节 2026   | 2026-04-29 | 04-30 05-06 05-07 05-08 05-09* 05-11 05-12 05-13 05-14 05-15
            # skip 10-01..07; 10-10 Sat*(4)
            国庆节 2026   | 2026-09-29 | 09-30 10-08 10-09 10-10* 10-12 10-13 10-14 10-15 10-16 10-19
            """)
    @DisplayName("5 与 10 个工作日跨越每年春节、劳动节、国庆节")
    void fiveAndTenWorkingDaysAcrossLongHolidays(String holiday, LocalDate start, String counted) {
        List<LocalDate> days = new ArrayList<>();
        List<LocalDate> makeUp = new ArrayList<>();
        for (String md : counted.trim().split("\\s+")) {
            LocalDate d = LocalDate.parse(start.getYear() + "-" + md.replace("*", ""));
            days.add(d);
            if (md.endsWith("*")) {
                makeUp.add(d);
            }
        }
        Deadline ten = TIME.compute(at(start + "T09:00"), LimitAmount.workingDays(10), WARNING, "r", "r");
        assertThat(ten.explanation().countedDays()).as(holiday).isEqualTo(days);
        assertThat(ten.due()).isEqualTo(closing(days.get(9).toString()));
        assertThat(dates(ten.explanation().makeUpDaysUsed())).isEqualTo(makeUp);
        // 75 % of 10 × 7 h = 52 h 30 min: seven whole days and 3 h 30 min, the whole morning of the 8th day
        assertThat(ten.warning()).isEqualTo(at(days.get(7) + "T12:00"));

        Deadline five = TIME.compute(at(start + "T09:00"), LimitAmount.workingDays(5), WARNING, "r", "r");
        assertThat(five.explanation().countedDays()).isEqualTo(days.subList(0, 5));
        assertThat(five.due()).isEqualTo(closing(days.get(4).toString()));
        // 75 % of 5 × 7 h = 26 h 15 min: three whole days, 3 h 30 min in the morning and 1 h 45 min after 14:00
        assertThat(five.warning()).isEqualTo(at(days.get(3) + "T15:45"));
    }

    private static List<String[]> rows(String table) {
        return Arrays.stream(table.split("\n"))
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> Arrays.stream(l.split("\\|")).map(String::trim).toArray(String[]::new))
                .toList();
    }
}
