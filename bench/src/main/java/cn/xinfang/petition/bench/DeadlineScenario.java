package cn.xinfang.petition.bench;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.event.TimeLimitBreachedEvent;
import cn.xinfang.petition.api.event.TimeLimitWarningRaisedEvent;
import cn.xinfang.petition.process.DeadlineNames;
import cn.xinfang.petition.process.StageDeadline;
import cn.xinfang.petition.process.TimeLimitSaga;
import cn.xinfang.petition.time.TimeLimitCalculator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.SagaScopeDescriptor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Scenario 4: persistent deadlines through the real path. Cases are loaded registered, each with
 * a running SIGN stage whose warning and due instants lie in a window a little ahead; the
 * time-limit saga picks them up from the event stream and schedules both deadlines with
 * db-scheduler, and when they come due db-scheduler fires them into the saga, which sends
 * RecordTimeLimitWarning / RecordTimeLimitBreach to the case. {@code deadlines} deadlines (half
 * warnings, half dues) fall due evenly at {@code deadlineRate} per second.
 * <p>
 * Just before that window, {@code bench.deadlineWarmupSeconds} (default 20) seconds of deadlines fall
 * due at the same rate: the first firings of a JVM run while the JIT compiles the firing path on the
 * same two cores (in the run of 2026-11-30 20:42 the lateness grew to 4.4 s over the first 17 s and
 * then fell), which a service that has been running for a while has behind it. Their lateness is
 * reported as a row of its own; they are checked for duplicates and losses like the window's.
 * <p>
 * Lateness is the recordedAt of the recorded warning or breach (the service's clock when the
 * deadline handler ran) minus the instant it was due. Every warning and breach is counted per
 * case and stage in the event store: none may be missing or recorded twice.
 * <p>
 * The cost of one schedule and one cancel is measured apart, on the deadline manager itself,
 * each in a unit of work with its own transaction.
 */
final class DeadlineScenario {

    private static final String UNIT = "deadline-bench";
    private static final String BREACH = TimeLimitBreachedEvent.class.getName();
    private static final String WARNING = TimeLimitWarningRaisedEvent.class.getName();

    private final BenchConfig config;
    private final BenchDatabase db;
    private final Service service;
    private final ObjectMapper json = new ObjectMapper();
    private int numbers;

    DeadlineScenario(BenchConfig config, BenchDatabase db, Service service) {
        this.config = config;
        this.db = db;
        this.service = service;
    }

    Outcome run(double insertP50) throws Exception {
        Outcome out = new Outcome("deadlines");
        scheduleAndCancel(out, insertP50);

        CaseHistories histories = new CaseHistories(service.bean(TimeLimitCalculator.class), new Samples(99), Instant.now(),
                Duration.ZERO, 0);
        // calibration: how fast the read side takes in registered cases with two deadlines each; their deadlines
        // lie a day ahead and stay pending through the rest of the run, as other cases' deadlines would
        int calibration = Math.max(100, Math.min(1_000, config.deadlines() / 20));
        Instant dayAhead = Instant.now().plus(Duration.ofDays(1));
        long t = System.nanoTime();
        load(histories, calibration, i -> dayAhead, i -> dayAhead.plusSeconds(60));
        service.awaitCaughtUp(Duration.ofMinutes(30));
        double intakePerSecond = calibration / ((System.nanoTime() - t) / 1e9);

        int cases = config.deadlines() / 2;
        double window = config.deadlines() / (double) config.deadlineRate();
        // warm-up: deadlines at the same rate just before the window, so that the window measures a service whose
        // firing path has run before (the JIT compiles it while the first firings wait), as a running service's has
        int warmCases = (int) Math.min(cases, Math.round(warmupSeconds() * config.deadlineRate() / 2.0));
        double warmWindow = 2.0 * warmCases / config.deadlineRate();
        double setup = (cases + warmCases) / intakePerSecond;
        Instant warmStart = Instant.now().plusMillis((long) ((setup * 1.3 + 10) * 1000));
        long warmHalf = (long) (warmWindow * 500); // ms
        Instant windowStart = warmStart.plusMillis(2 * warmHalf + (warmCases > 0 ? 5_000 : 0));
        long half = (long) (window * 500); // ms
        long mark = service.head();
        long loadStart = System.nanoTime();
        // case i warns at start + i/n × W/2 and falls due W/2 later: one deadline every 1/rate seconds across the window
        List<CaseId> ids = load(histories, cases,
                i -> windowStart.plusMillis(i * half / cases),
                i -> windowStart.plusMillis(half + i * half / cases));
        List<CaseId> warmIds = load(histories, warmCases,
                i -> warmStart.plusMillis(i * warmHalf / warmCases),
                i -> warmStart.plusMillis(warmHalf + i * warmHalf / warmCases));
        Duration scheduled = service.awaitCaughtUp(Duration.ofMinutes(60)).plusNanos(System.nanoTime() - loadStart);
        Instant scheduledAt = Instant.now();
        Set<String> windowCases = new HashSet<>();
        ids.forEach(id -> windowCases.add(id.value()));
        Set<String> warmupCases = new HashSet<>();
        warmIds.forEach(id -> warmupCases.add(id.value()));

        Instant windowEnd = windowStart.plusMillis(2 * half);
        Instant giveUp = windowEnd.plus(Duration.ofSeconds((long) Math.max(120, 2 * window)));
        FiredCounter counter = new FiredCounter(service.jdbc(), mark, BREACH, WARNING);
        long fired;
        do {
            Thread.sleep(500);
            fired = counter.count();
        } while (fired < 2L * (cases + warmCases) && Instant.now().isBefore(giveUp));
        service.awaitCaughtUp(Duration.ofMinutes(30));

        Map<String, Integer> seen = new HashMap<>();
        Stats warnings = new Stats();
        Stats dues = new Stats();
        Stats all = new Stats();
        Stats warm = new Stats();
        Instant[] last = {Instant.MIN};
        service.jdbc().query("select aggregateidentifier, payloadtype, payload from domainevententry where globalindex > ? "
                + "and payloadtype in (?, ?)", rs -> {
            String caseId = rs.getString(1);
            boolean inWindow = windowCases.contains(caseId);
            if (!inWindow && !warmupCases.contains(caseId)) {
                return;
            }
            try {
                JsonNode p = json.readTree(rs.getBytes(3));
                boolean breach = BREACH.equals(rs.getString(2));
                Instant recorded = Instant.parse(p.get("recordedAt").asText());
                Instant due = Instant.parse(p.get(breach ? "due" : "occurredAt").asText());
                long late = Duration.between(due, recorded).toNanos();
                if (inWindow) {
                    (breach ? dues : warnings).add(late);
                    all.add(late);
                    last[0] = recorded.isAfter(last[0]) ? recorded : last[0];
                } else {
                    warm.add(late);
                }
                seen.merge(caseId + "/" + p.get("stage").asText() + "/" + (breach ? "breach" : "warning"), 1, Integer::sum);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, mark, BREACH, WARNING);
        long twice = seen.values().stream().filter(n -> n > 1).count();
        long missing = 2L * (cases + warmCases) - seen.size();
        double firedPerSecond = all.count() / Math.max(0.001, Duration.between(windowStart, last[0]).toNanos() / 1e9);
        Stats.Summary s = all.summary();

        out.add(Row.of("deadlines", "deadlines fired/s", "/s", firedPerSecond).against(config.deadlineRate(), "due/s offered"));
        out.add(Row.of("deadlines", "lateness p50", "ms", s.p50()));
        out.add(Row.of("deadlines", "lateness p99", "ms", s.p99())
                .target("≤ 1000 ms at " + config.deadlineRate() + " due/s", s.p99() <= 1000));
        out.add(Row.of("deadlines", "lateness max", "ms", s.max()));
        if (warmCases > 0) {
            Stats.Summary w = warm.summary();
            out.add(Row.of("deadlines", "lateness p99 of the warm-up (" + 2 * warmCases + " deadlines just before, the first firings of the run)",
                    "ms", w.p99()).target("≤ 1000 ms at " + config.deadlineRate() + " due/s", w.p99() <= 1000));
        }
        out.add(Row.of("deadlines", "warnings or breaches recorded twice", "", twice).target("0", twice == 0));
        out.add(Row.of("deadlines", "warnings or breaches missing", "", missing).target("0", missing == 0));

        out.detail("deadlinesInWindow", 2 * cases);
        out.detail("cases", cases);
        out.detail("windowSeconds", Machine.round(window));
        out.detail("pollingInterval", config.pollingIntervalProperty());
        out.detail("warmupDeadlines", 2 * warmCases);
        if (warmCases > 0) {
            out.detail("warmupLatenessMs", QueryScenario.describe(warm.summary()));
            out.detail("allScheduledSecondsBeforeWarmup", Machine.round(Duration.between(scheduledAt, warmStart).toMillis() / 1000.0));
        }
        out.detail("calibrationCasesPendingADayAhead", calibration);
        out.detail("intakeCasesPerSecond", Math.round(intakePerSecond));
        out.detail("allScheduledSecondsBeforeWindow", Machine.round(Duration.between(scheduledAt, windowStart).toMillis() / 1000.0));
        out.detail("schedulingTookSeconds", Machine.round(scheduled.toMillis() / 1000.0));
        out.detail("warningLatenessMs", QueryScenario.describe(warnings.summary()));
        out.detail("breachLatenessMs", QueryScenario.describe(dues.summary()));
        out.detail("fired", all.count());
        out.detail("lastFiredAfterWindowEndSeconds", Machine.round(Duration.between(windowEnd, last[0]).toMillis() / 1000.0));
        out.detail("stillScheduled", service.jdbc().queryForObject("select count(*) from scheduled_tasks", Long.class));
        return out;
    }

    /** Loads {@code n} registered cases whose SIGN stage warns and falls due at the given instants. */
    private List<CaseId> load(CaseHistories histories, int n, java.util.function.IntFunction<Instant> warning,
                              java.util.function.IntFunction<Instant> due) throws Exception {
        List<CaseId> ids = new ArrayList<>();
        try (EventWriter writer = new EventWriter(db, service.eventSerializer())) {
            for (int i = 0; i < n; i++) {
                CaseId id = CaseId.newId();
                ids.add(id);
                long seq = 0;
                for (CaseHistories.Event e : histories.registeredWithDeadlines(id, String.format("%s-%06d",
                        Instant.now().toString().substring(0, 4), 800_000 + ++numbers), UNIT, warning.apply(i), due.apply(i))) {
                    writer.append(id.value(), seq++, e.timestamp(), e.payload(), e.traceId());
                }
                if (i % 1_000 == 999) {
                    writer.flush(); // let the saga start on them while the rest is written
                }
            }
        }
        return ids;
    }

    /** Times single schedule and cancel calls, each in a unit of work with a transaction, as the saga makes them. */
    private void scheduleAndCancel(Outcome out, double insertP50) throws Exception {
        DeadlineManager deadlines = service.bean(DeadlineManager.class);
        TransactionManager tx = service.bean(TransactionManager.class);
        // a saga that does not exist: these deadlines are a year ahead and cancelled again, they never fire
        SagaScopeDescriptor scope = new SagaScopeDescriptor(TimeLimitSaga.class.getSimpleName(), UUID.randomUUID().toString());
        StageDeadline payload = new StageDeadline(CaseId.newId(), Stage.SIGN, Instant.now().plus(Duration.ofDays(365)));
        int n = config.scheduleSamples();
        List<String> ids = new ArrayList<>();
        Stats schedule = new Stats();
        for (int i = 0; i < n + 100; i++) {
            long t = System.nanoTime();
            ids.add(inUnitOfWork(tx, () -> deadlines.schedule(payload.due(), DeadlineNames.DUE, payload, scope)));
            if (i >= 100) { // the first hundred warm up
                schedule.add(System.nanoTime() - t);
            }
        }
        Stats cancel = new Stats();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            long t = System.nanoTime();
            inUnitOfWork(tx, () -> {
                deadlines.cancelSchedule(DeadlineNames.DUE, id);
                return null;
            });
            if (i >= 100) {
                cancel.add(System.nanoTime() - t);
            }
        }
        Stats.Summary s = schedule.summary();
        Stats.Summary c = cancel.summary();
        out.add(Row.of("deadlines", "schedule one deadline p50 (own transaction)", "ms", s.p50()).against(insertP50, "INSERT+COMMIT p50"));
        out.add(Row.of("deadlines", "schedule one deadline p99", "ms", s.p99()));
        out.add(Row.of("deadlines", "cancel one deadline p50 (own transaction)", "ms", c.p50()).against(insertP50, "INSERT+COMMIT p50"));
        out.add(Row.of("deadlines", "cancel one deadline p99", "ms", c.p99()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", n);
        m.put("scheduleMs", QueryScenario.describe(s));
        m.put("cancelMs", QueryScenario.describe(c));
        out.detail("scheduleAndCancel", m);
    }

    /** Seconds of deadlines at the offered rate fired just before the window (bench.deadlineWarmupSeconds, default 20; 0: none). */
    static int warmupSeconds() {
        String v = System.getProperty("bench.deadlineWarmupSeconds", "");
        return v.isBlank() ? 20 : Math.max(0, Integer.parseInt(v.trim()));
    }

    private static <T> T inUnitOfWork(TransactionManager tx, Callable<T> work) throws Exception {
        UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        uow.attachTransaction(tx);
        var result = uow.executeWithResult(work);
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
        return result.getPayload();
    }
}
