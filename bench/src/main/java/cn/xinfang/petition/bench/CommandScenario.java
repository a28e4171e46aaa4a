package cn.xinfang.petition.bench;

import cn.xinfang.petition.api.CaseId;
import org.axonframework.common.DateTimeUtils;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 1: complete cases over the command bus with 1 and with {@code senders} concurrent
 * senders, against the floor a database gives any event store: the same number of single-row
 * INSERT + COMMIT transactions into a table shaped like {@code domainevententry}, through plain
 * JDBC, with the same concurrency. The read side (projections, saga) runs as in production and
 * is waited for between runs, so one run's backlog never slows the next.
 */
final class CommandScenario {

    /** A real stored event's columns, copied into the baseline table. */
    private record Sample(byte[] payload, byte[] metadata, String payloadType) {
    }

    private final BenchConfig config;
    private final BenchDatabase db;
    private final Service service;
    /** p50 of one INSERT + COMMIT with one sender, in ms; the deadline scenario compares a schedule with it. */
    double insertP50;
    /** Commands per second with {@code senders} senders; the HTTP scenario compares itself with it. */
    double commandsPerSecond;
    final List<CaseId> cases = new ArrayList<>();

    CommandScenario(BenchConfig config, BenchDatabase db, Service service) {
        this.config = config;
        this.db = db;
        this.service = service;
    }

    Outcome run() throws Exception {
        Outcome out = new Outcome("commands");
        // warm-up: JIT, connection pool, and a real case whose stored events give the baseline its rows
        int warmup = Math.max(5, config.cases() / 10);
        CaseId first = null;
        for (int i = 0; i < warmup; i++) {
            CaseId id = CaseSteps.run(service.commands(), new Samples(i), new Stats());
            first = first == null ? id : first;
        }
        service.awaitCaughtUp(Duration.ofMinutes(5));
        List<Sample> samples = service.jdbc().query("select payload, metadata, payloadtype from domainevententry "
                        + "where aggregateidentifier = ? order by sequencenumber",
                (rs, i) -> new Sample(rs.getBytes(1), rs.getBytes(2), rs.getString(3)), first.value());
        createBaselineTable();
        insertRun(1, samples, Math.min(500, config.cases() * CaseSteps.COMMANDS_PER_CASE)); // warm-up

        int transactions = config.cases() * CaseSteps.COMMANDS_PER_CASE;
        for (int senders : List.of(1, config.senders())) {
            Stats base = new Stats();
            double baseRate = insertRun(senders, samples, transactions, base);
            Stats.Summary b = base.summary();
            if (senders == 1) {
                insertP50 = b.p50();
            }
            Stats lat = new Stats();
            long start = System.nanoTime();
            parallel(senders, config.cases(), i -> {
                CaseId id = CaseSteps.run(service.commands(), new Samples(1000L * senders + i), lat);
                synchronized (cases) {
                    cases.add(id);
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            Duration lag = service.awaitCaughtUp(Duration.ofMinutes(10));
            Stats.Summary s = lat.summary();
            double rate = s.count() / seconds;
            String who = senders + (senders == 1 ? " sender" : " senders");
            Row throughput = Row.of("commands", "commands/s, " + who, "/s", rate).against(baseRate, "INSERT+COMMIT/s");
            if (senders == config.senders()) {
                commandsPerSecond = rate;
                throughput = throughput.target("≥ 0.5 × baseline", rate >= 0.5 * baseRate);
            } else if (senders == 1) {
                throughput = throughput.target("≥ 0.3 × baseline", rate >= 0.3 * baseRate);
            }
            out.add(throughput);
            out.add(Row.of("commands", "command p50, " + who, "ms", s.p50()).against(b.p50(), "INSERT+COMMIT p50"));
            out.add(Row.of("commands", "command p99, " + who, "ms", s.p99()).against(b.p99(), "INSERT+COMMIT p99"));
            out.detail(who + " latencyMs", QueryScenario.describe(s));
            out.detail(who, java.util.Map.of("cases", config.cases(), "commands", s.count(), "seconds", Machine.round(seconds),
                    "maxMs", s.max(), "readSideCaughtUpAfterSeconds", Machine.round(lag.toMillis() / 1000.0),
                    "baselineTransactions", b.count(), "baselineMaxMs", b.max()));
        }
        return out;
    }

    private void createBaselineTable() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_baseline_event");
            // the shape of domainevententry (V1__axon_and_scheduler.sql): same columns, keys and unique constraints
            s.execute("""
                    CREATE TABLE bench_baseline_event (
                        globalindex         BIGSERIAL    NOT NULL,
                        aggregateidentifier VARCHAR(255) NOT NULL,
                        sequencenumber      BIGINT       NOT NULL,
                        type                VARCHAR(255),
                        eventidentifier     VARCHAR(255) NOT NULL,
                        metadata            BYTEA,
                        payload             BYTEA        NOT NULL,
                        payloadrevision     VARCHAR(255),
                        payloadtype         VARCHAR(255) NOT NULL,
                        timestamp           VARCHAR(255) NOT NULL,
                        PRIMARY KEY (globalindex),
                        CONSTRAINT bench_baseline_event_aggregate_seq UNIQUE (aggregateidentifier, sequencenumber),
                        CONSTRAINT bench_baseline_event_event_id UNIQUE (eventidentifier)
                    )""");
        }
    }

    private double insertRun(int senders, List<Sample> samples, int transactions) throws Exception {
        return insertRun(senders, samples, transactions, new Stats());
    }

    /** {@code transactions} single-row INSERT + COMMIT, each sender on a connection of its own; answers transactions/s. */
    private double insertRun(int senders, List<Sample> samples, int transactions, Stats lat) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallelWorkers(senders, () -> {
            try (Connection c = db.connect();
                 PreparedStatement insert = c.prepareStatement("insert into bench_baseline_event (aggregateidentifier, "
                         + "sequencenumber, type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
                         + "values (?, ?, 'PetitionCase', ?, ?, ?, '1', ?, ?)")) {
                c.setAutoCommit(false);
                String aggregate = UUID.randomUUID().toString();
                long seq = 0;
                while (next.getAndIncrement() < transactions) {
                    Sample s = samples.get((int) (seq % samples.size()));
                    long t = System.nanoTime();
                    insert.setString(1, aggregate);
                    insert.setLong(2, seq++);
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setBytes(4, s.metadata());
                    insert.setBytes(5, s.payload());
                    insert.setString(6, s.payloadType());
                    insert.setString(7, DateTimeUtils.formatInstant(Instant.now()));
                    insert.executeUpdate();
                    c.commit();
                    lat.add(System.nanoTime() - t);
                }
            }
            return null;
        });
        return transactions / ((System.nanoTime() - start) / 1e9);
    }

    interface Task {
        void run(int index) throws Exception;
    }

    /** Runs {@code count} tasks on {@code threads} threads, each thread taking the next task. */
    static void parallel(int threads, int count, Task task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        parallelWorkers(threads, () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                task.run(i);
            }
            return null;
        });
    }

    static void parallelWorkers(int threads, Callable<Void> worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(worker));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
