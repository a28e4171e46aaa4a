package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.Track;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntToLongFunction;

/**
 * A rough speed figure for the business-time engine, printed, not asserted (surefire does not run it:
 * its name does not end in Test). Warms up, then times about a million computations of each kind from
 * random starts in 2022–2026 and prints the mean microseconds per call. Single-threaded.
 *
 * <pre>
 * mvn -q -o -pl case-domain test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp case-domain/target/test-classes:case-domain/target/classes:$(cat case-domain/target/cp.txt) \
 *      cn.xinfang.petition.time.BusinessTimeBenchmark [calls]
 * </pre>
 */
public final class BusinessTimeBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private BusinessTimeBenchmark() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warmUp = Math.max(calls / 5, 10_000);
        BusinessTime time = new BusinessTime(CalendarFile.shipped(), WorkingHours.DEFAULT, SHANGHAI);
        TimeLimitCalculator calc = new TimeLimitCalculator(TimeLimitPolicy.townDefault(), time);

        SplittableRandom r = new SplittableRandom(42);
        Instant[] starts = new Instant[4096];
        LocalDate first = LocalDate.of(2022, 1, 1);
        long days = LocalDate.of(2026, 10, 31).toEpochDay() - first.toEpochDay();
        for (int i = 0; i < starts.length; i++) {
            starts[i] = first.plusDays(r.nextLong(days)).atTime(LocalTime.ofSecondOfDay(60L * r.nextInt(1440)))
                    .atZone(SHANGHAI).toInstant();
        }
        List<Stage[]> stagesByTrack = new ArrayList<>();
        for (Track t : Track.values()) {
            stagesByTrack.add(calc.policy().stages().get(t).stream().map(StageRule::stage).toArray(Stage[]::new));
        }

        LimitAmount twoHours = LimitAmount.workingHours(2);
        LimitAmount tenDays = LimitAmount.workingDays(10);
        LimitAmount sixtyDays = LimitAmount.calendarDays(60);

        System.out.printf("Business-time engine benchmark: %,d calls per kind after %,d warm-up calls; %s %s, %d cores%n",
                calls, warmUp, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        run("2 working hours (BusinessTime.compute)", calls, warmUp,
                i -> time.compute(starts[i & 4095], twoHours, 0.75, "r", "r").due().getEpochSecond());
        run("10 working days (BusinessTime.compute)", calls, warmUp,
                i -> time.compute(starts[i & 4095], tenDays, 0.75, "r", "r").due().getEpochSecond());
        run("60 calendar days (BusinessTime.compute)", calls, warmUp,
                i -> time.compute(starts[i & 4095], sixtyDays, 0.75, "r", "r").due().getEpochSecond());
        run("TimeLimit via TimeLimitCalculator (510 opinion, 10 working days)", calls, warmUp,
                i -> calc.start(Track.GENERAL, Stage.OPINION, starts[i & 4095]).orElseThrow().due().getEpochSecond());
        run("TimeLimit via TimeLimitCalculator (every stage of both tracks in turn)", calls, warmUp, i -> {
            Stage[] stages = stagesByTrack.get(i & 1);
            Track track = Track.values()[i & 1];
            Optional<TimeLimit> t = calc.start(track, stages[(i >>> 1) % stages.length], starts[i & 4095]);
            return t.orElseThrow().due().getEpochSecond();
        });
    }

    private static void run(String what, int calls, int warmUp, IntToLongFunction call) {
        long sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += call.applyAsLong(i);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += call.applyAsLong(i);
        }
        long ns = System.nanoTime() - t0;
        System.out.printf("  %-72s %8.2f µs/call  (%,.0f calls/s; checksum %d)%n",
                what, ns / 1_000.0 / calls, calls / (ns / 1e9), sink % 1000);
    }
}
