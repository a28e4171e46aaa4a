package cn.xinfang.petition.bench;

import cn.xinfang.petition.api.CaseId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs every scenario against one fresh database and the service started in this JVM, in an order
 * where no scenario's data disturbs an earlier one: commands, HTTP, deadlines (small store), then
 * the bulk load with the rebuild, then the queries on the rebuilt read models; the heap is
 * measured after each. See docs/performance.md.
 */
public final class BenchMain {

    private BenchMain() {
    }

    @FunctionalInterface
    interface ScenarioRun {
        Outcome run() throws Exception;
    }

    public static void main(String[] args) {
        try {
            run(BenchConfig.fromSystemProperties());
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(BenchConfig config) throws Exception {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Map<String, Object> machine = Machine.facts();
        BenchDatabase db = new BenchDatabase(config);
        db.recreate();
        machine.put("database", db.describe());
        Report report = new Report(config, machine, started);
        System.out.println("benchmark on " + db.url() + ", parameters " + config);

        long startNanos = System.nanoTime();
        try (Service service = Service.start(config, db)) {
            double startSeconds = (System.nanoTime() - startNanos) / 1e9;
            double idleHeap = Machine.heapAfterGcMiB();
            System.out.printf("service started in %.1f s, heap after GC %.0f MiB%n", startSeconds, idleHeap);

            CommandScenario commands = new CommandScenario(config, db, service);
            Outcome memory = new Outcome("memory");
            scenario(config, db, report, memory, idleHeap, "commands", commands::run);
            List<CaseId> realCases = List.copyOf(commands.cases);
            List<String> realTypes = service.jdbc().queryForList("select payloadtype from domainevententry where aggregateidentifier = ? "
                    + "order by sequencenumber", String.class, realCases.get(0).value());
            if (config.runs("http")) {
                scenario(config, db, report, memory, idleHeap, "http",
                        () -> new HttpScenario(config, service).run(commands.commandsPerSecond));
            }
            if (config.runs("deadlines")) {
                scenario(config, db, report, memory, idleHeap, "deadlines",
                        () -> new DeadlineScenario(config, db, service).run(commands.insertP50));
            }
            if (config.runs("mixed")) {
                scenario(config, db, report, memory, idleHeap, "mixed", () -> new MixedScenario(config, db, service).run());
            }
            if (config.runs("rebuild") || config.runs("queries")) {
                // the bulk load and the baseline scan are set-up: they stay out of the rebuild's profile and CPU figures
                RebuildScenario rebuild = new RebuildScenario(config, db, service);
                System.out.println("== loading history in bulk and scanning it (" + Instant.now() + ")");
                rebuild.prepare(realTypes);
                scenario(config, db, report, memory, idleHeap, "rebuild", rebuild::run);
            }
            if (config.runs("queries")) {
                scenario(config, db, report, memory, idleHeap, "queries", () -> new QueryScenario(config, db, service).run(realCases));
            }

            double peak = Machine.peakRssMiB();
            memory.add(Row.of("memory", "peak RSS of the JVM (VmHWM)", "MiB", peak));
            memory.detail("heapAfterStartMiB", Machine.round(idleHeap));
            memory.detail("serviceStartSeconds", Machine.round(startSeconds));
            memory.detail("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            report.add(memory);
            System.out.println("== memory");
            memory.print();
        }
        report.finish((System.nanoTime() - t0) / 1e9);
        report.printTable();
        var json = report.writeJson();
        report.writeMarkdown(json);
        System.out.println("written " + json + " and " + config.doc());
    }

    /** Runs one scenario with CPU accounting and (optionally) a profile, then measures the heap. */
    private static Outcome scenario(BenchConfig config, BenchDatabase db, Report report, Outcome memory, double idleHeap, String name, ScenarioRun run)
            throws Exception {
        System.out.println("== " + name + " (" + Instant.now() + ")");
        Machine.Cpu before = Machine.Cpu.now();
        Profiler profiler = Profiler.start(config, name);
        PgSampler pg = PgSampler.start(config, db);
        Outcome outcome;
        try {
            outcome = run.run();
        } finally {
            profiler.close();
            if (pg != null) {
                pg.close();
            }
        }
        outcome.detail("cpu", Machine.Cpu.now().since(before));
        outcome.detail("profile", profiler.summary());
        if (pg != null) {
            outcome.detail("postgresActivity", pg.summary());
        }
        double heap = Machine.heapAfterGcMiB();
        outcome.detail("heapAfterGcMiB", Machine.round(heap));
        outcome.detail("peakRssMiB", Machine.round(Machine.peakRssMiB()));
        outcome.detail("heapHistogram", Machine.heapHistogram(12));
        memory.add(Row.of("memory", "heap after GC, after " + name, "MiB", heap).against(idleHeap, "after start-up")
                .target("≤ 512 MiB", heap <= 512));
        outcome.print();
        report.add(outcome);
        Duration d = Duration.ofNanos(System.nanoTime() - before.nanoTime());
        System.out.printf("   (%s took %d s)%n", name, d.toSeconds());
        return outcome;
    }
}
