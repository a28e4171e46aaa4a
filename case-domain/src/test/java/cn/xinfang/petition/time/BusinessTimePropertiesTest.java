package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.LimitUnit;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.Track;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static cn.xinfang.petition.time.Fixtures.SHANGHAI;
import static cn.xinfang.petition.time.Fixtures.SHIPPED;
import static cn.xinfang.petition.time.Fixtures.TIME;
import static cn.xinfang.petition.time.Fixtures.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the engine over random inputs: plain JUnit 5 parameterized tests fed by generators with
 * fixed seeds, so every run checks the same cases and a failure is reproduced by its display name
 * (which carries the generated input: seed, index, start in Shanghai time, amount).
 * Starts are uniform over 2022-01-01..2027-12-31 (2027 has no data: Monday–Friday) at a random minute.
 */
class BusinessTimePropertiesTest {

    static final int CASES = 2_000;
    static final LocalDate FIRST = LocalDate.of(2022, 1, 1);
    static final LocalDate LAST = LocalDate.of(2027, 12, 31);
    static final WorkingHours HOURS = WorkingHours.DEFAULT;

    /** One generated input. {@code toString} is the display name: everything needed to reproduce it. */
    record Case(long seed, int index, Instant start, LimitAmount limit, Instant start2, Duration a, Duration b) {
        @Override
        public String toString() {
            String head = "seed " + seed + " #" + index + ": start " + LocalDateTime.ofInstant(start, SHANGHAI)
                    + (limit == null ? "" : " + " + limit.english())
                    + (start2 == null ? "" : ", later start " + LocalDateTime.ofInstant(start2, SHANGHAI));
            if (limit != null && a != null) { // an extension case: a and b in the limit's unit
                boolean hours = limit.unit() == LimitUnit.WORKING_HOURS;
                return head + ", extended by " + (hours ? a.toHours() : a.toDays()) + " then "
                        + (hours ? b.toHours() : b.toDays()) + " " + limit.unit().english();
            }
            return head + (a == null ? "" : ", a=" + a) + (b == null ? "" : ", b=" + b);
        }
    }

    // ------------------------------------------------------------------ generators

    static Instant anyInstant(SplittableRandom r) {
        LocalDate d = FIRST.plusDays(r.nextLong(LAST.toEpochDay() - FIRST.toEpochDay() + 1));
        return d.atTime(LocalTime.ofSecondOfDay(60L * r.nextInt(24 * 60))).atZone(SHANGHAI).toInstant();
    }

    /** A minute inside working hours on a working day. */
    static Instant workingInstant(SplittableRandom r) {
        while (true) {
            Instant i = anyInstant(r);
            LocalDateTime t = LocalDateTime.ofInstant(i, SHANGHAI);
            if (SHIPPED.isWorkingDay(t.toLocalDate()) && inside(t.toLocalTime())) {
                return i;
            }
        }
    }

    static LimitAmount anyLimit(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> LimitAmount.workingHours(1 + r.nextInt(40));
            case 1 -> LimitAmount.workingDays(1 + r.nextInt(25));
            default -> LimitAmount.calendarDays(1 + r.nextInt(120));
        };
    }

    /** Up to ten working days, to the second. */
    static Duration anyWorkingTime(SplittableRandom r) {
        return Duration.ofSeconds(1 + r.nextLong(10 * 7 * 3600L));
    }

    static Stream<Arguments> cases(long seed, CaseMaker maker) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Arguments> out = new ArrayList<>(CASES);
        IntStream.range(0, CASES).forEach(i -> out.add(Arguments.of(maker.make(seed, i, r))));
        return out.stream();
    }

    interface CaseMaker {
        Case make(long seed, int index, SplittableRandom r);
    }

    static Stream<Arguments> anyStartAnyLimit() {
        return cases(20240208L, (s, i, r) -> new Case(s, i, anyInstant(r), anyLimit(r), null, null, null));
    }

    static Stream<Arguments> twoAmounts() {
        return cases(20230121L, (s, i, r) -> new Case(s, i, anyInstant(r), null, null, anyWorkingTime(r), anyWorkingTime(r)));
    }

    static Stream<Arguments> twoStarts() {
        return cases(20251001L, (s, i, r) -> {
            Instant a = anyInstant(r);
            // a later start: up to 12 days later, to the minute, sometimes the same instant
            Instant b = a.plusSeconds(60L * r.nextInt(12 * 24 * 60));
            return new Case(s, i, a, anyLimit(r), b, null, null);
        });
    }

    static Stream<Arguments> startInsideWorkingHours() {
        return cases(20260215L, (s, i, r) -> new Case(s, i, workingInstant(r), null, null, anyWorkingTime(r), null));
    }

    // ------------------------------------------------------------------ properties

    @ParameterizedTest(name = "{0}")
    @MethodSource("anyStartAnyLimit")
    @DisplayName("到期时刻在工作日的工作时间内，或恰为某工作时段的结束时刻")
    void dueIsAWorkingInstant(Case c) {
        Deadline d = TIME.compute(c.start(), c.limit(), WARNING, "r", "r");
        LocalDateTime due = LocalDateTime.ofInstant(d.due(), SHANGHAI);
        assertThat(SHIPPED.isWorkingDay(due.toLocalDate())).as("%s: due %s on a working day", c, due).isTrue();
        assertThat(insideOrAtEnd(due.toLocalTime())).as("%s: due %s inside or at the end of working hours", c, due).isTrue();
        if (c.limit().unit() != LimitUnit.WORKING_HOURS) {
            assertThat(due.toLocalTime()).as("%s: a days limit is due at close of business", c).isEqualTo(HOURS.closing());
        }
        assertThat(d.due()).as("%s: due after the start", c).isAfter(c.start());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anyStartAnyLimit")
    @DisplayName("start ≤ 起算点 ≤ 预警 ≤ 到期；预警为允许工作时间的 75%")
    void warningLiesBetweenTheStartOfCountingAndTheDue(Case c) {
        Deadline d = TIME.compute(c.start(), c.limit(), WARNING, "r", "r");
        Instant countedFrom = d.explanation().countedFrom();
        assertThat(countedFrom).as("%s: counting starts at or after the start", c).isAfterOrEqualTo(c.start());
        assertThat(d.warning()).as("%s: warning ≥ start of counting", c).isAfterOrEqualTo(countedFrom);
        assertThat(d.warning()).as("%s: warning ≥ start", c).isAfterOrEqualTo(c.start());
        assertThat(d.warning()).as("%s: warning ≤ due", c).isBeforeOrEqualTo(d.due());
        // the working time to the warning is 75 % of the allowed working time, less what truncation takes away (< 1 min)
        Duration allowed = d.explanation().allowedWorkingTime();
        Duration toWarning = TIME.workingTimeBetween(countedFrom, d.warning());
        Duration target = Duration.ofSeconds((long) Math.floor(allowed.toSeconds() * WARNING));
        assertThat(toWarning).as("%s: working time to the warning", c).isLessThanOrEqualTo(target);
        assertThat(target.minus(toWarning)).as("%s: warning at most a minute early", c).isLessThan(Duration.ofMinutes(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anyStartAnyLimit")
    @DisplayName("计数本身：工作小时合计、工作日逐日、日历日顺延")
    void theCountIsRight(Case c) {
        Deadline d = TIME.compute(c.start(), c.limit(), WARNING, "r", "r");
        LocalDate startDate = LocalDate.ofInstant(c.start(), SHANGHAI);
        LocalDate dueDate = LocalDate.ofInstant(d.due(), SHANGHAI);
        long n = c.limit().amount();
        switch (c.limit().unit()) {
            case WORKING_HOURS -> {
                assertThat(TIME.workingTimeBetween(c.start(), d.due())).as("%s", c).isEqualTo(Duration.ofHours(n));
                assertThat(d.explanation().allowedWorkingTime()).as("%s", c).isEqualTo(Duration.ofHours(n));
            }
            case WORKING_DAYS -> {
                List<LocalDate> days = d.explanation().countedDays();
                List<LocalDate> expected = startDate.plusDays(1).datesUntil(dueDate.plusDays(1)).filter(SHIPPED::isWorkingDay).toList();
                assertThat(days).as("%s: the working days after the start date up to the due date", c).isEqualTo(expected).hasSize((int) n);
                assertThat(d.explanation().allowedWorkingTime()).as("%s", c).isEqualTo(HOURS.perDay().multipliedBy(n));
            }
            case CALENDAR_DAYS -> {
                LocalDate nominal = startDate.plusDays(n);
                assertThat(d.explanation().nominalLastDay()).as("%s", c).isEqualTo(nominal);
                assertThat(nominal.datesUntil(dueDate).filter(SHIPPED::isWorkingDay)).as("%s: rolled over days off only", c).isEmpty();
                assertThat(dueDate).as("%s", c).isAfterOrEqualTo(nominal);
            }
        }
        List<Integer> unknown = IntStream.rangeClosed(startDate.getYear(), dueDate.getYear())
                .filter(y -> y < 2022 || y > 2026).boxed().toList();
        assertThat(d.explanation().fallbackYears()).as("%s: years without data", c).isEqualTo(unknown);
        assertThat(d.fallback()).as("%s", c).isEqualTo(!unknown.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoAmounts")
    @DisplayName("先加 a 再加 b 等于加 a+b")
    void addingIsAssociative(Case c) {
        Instant stepwise = TIME.addWorkingTime(TIME.addWorkingTime(c.start(), c.a()), c.b());
        Instant atOnce = TIME.addWorkingTime(c.start(), c.a().plus(c.b()));
        assertThat(stepwise).as("%s: (start + a) + b = start + (a + b), in Shanghai %s vs %s", c,
                LocalDateTime.ofInstant(stepwise, SHANGHAI), LocalDateTime.ofInstant(atOnce, SHANGHAI)).isEqualTo(atOnce);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoStarts")
    @DisplayName("起算越晚，到期不会越早（单调）")
    void laterStartsAreNeverDueEarlier(Case c) {
        for (LimitUnit unit : LimitUnit.values()) {
            LimitAmount limit = new LimitAmount(c.limit().amount(), unit);
            Instant first = TIME.compute(c.start(), limit, WARNING, "r", "r").due();
            Instant second = TIME.compute(c.start2(), limit, WARNING, "r", "r").due();
            assertThat(second).as("%s, %s: due %s then %s", c, limit.english(),
                    LocalDateTime.ofInstant(first, SHANGHAI), LocalDateTime.ofInstant(second, SHANGHAI)).isAfterOrEqualTo(first);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("startInsideWorkingHours")
    @DisplayName("工作时间内起算：workingTimeBetween(start, addWorkingTime(start, d)) = d")
    void addAndMeasureAgree(Case c) {
        Instant end = TIME.addWorkingTime(c.start(), c.a());
        assertThat(TIME.workingTimeBetween(c.start(), end)).as("%s: end %s", c, LocalDateTime.ofInstant(end, SHANGHAI)).isEqualTo(c.a());
        assertThat(TIME.nextWorkingInstant(c.start())).as("%s", c).isEqualTo(c.start());
    }

    static Stream<Arguments> twoExtensions() {
        return cases(20241001L, (s, i, r) -> {
            boolean hours = r.nextBoolean();
            long a = 1 + r.nextInt(hours ? 20 : 10);
            long b = 1 + r.nextInt(hours ? 20 : 10);
            LimitAmount limit = hours ? LimitAmount.workingHours(2) : LimitAmount.workingDays(5);
            return new Case(s, i, anyInstant(r), limit, null,
                    hours ? Duration.ofHours(a) : Duration.ofDays(a), hours ? Duration.ofHours(b) : Duration.ofDays(b));
        });
    }

    /** Extensions in working hours (225 accept) or working days (225 opinion); calendar days are not additive (rolling). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("twoExtensions")
    @DisplayName("延期 a 再延期 b 等于一次延期 a+b（到期与预警均相同）")
    void extensionsAddUp(Case c) {
        TimeLimitCalculator calc = new TimeLimitCalculator(TimeLimitPolicy.townDefault(), TIME);
        boolean hours = c.limit().unit() == LimitUnit.WORKING_HOURS;
        Stage stage = hours ? Stage.ACCEPT : Stage.OPINION;
        long a = hours ? c.a().toHours() : c.a().toDays();
        long b = hours ? c.b().toHours() : c.b().toDays();
        Track track = Track.SIMPLE;
        TimeLimit t = calc.start(track, stage, c.start()).orElseThrow();
        TimeLimit twice = calc.extend(calc.extend(t, track, new LimitAmount(a, c.limit().unit())), track, new LimitAmount(b, c.limit().unit()));
        TimeLimit once = calc.extend(t, track, new LimitAmount(a + b, c.limit().unit()));
        assertThat(twice.due()).as("%s: due", c).isEqualTo(once.due());
        assertThat(twice.warning()).as("%s: warning", c).isEqualTo(once.warning());
        assertThat(calc.recompute(twice, track)).as("%s: recompute", c).contains(twice);
    }

    // ------------------------------------------------------------------ helpers

    /** Inside a working interval: from inclusive, to exclusive. */
    static boolean inside(LocalTime t) {
        return HOURS.intervals().stream().anyMatch(iv -> !t.isBefore(iv.from()) && t.isBefore(iv.to()));
    }

    static boolean insideOrAtEnd(LocalTime t) {
        return HOURS.intervals().stream().anyMatch(iv -> !t.isBefore(iv.from()) && !t.isAfter(iv.to()));
    }
}
