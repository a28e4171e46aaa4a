package cn.xinfang.petition.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's results: the table on stdout, the figures as JSON in {@code bench/results/}, and
 * docs/performance.md (how to run, the machine, the table, where the time went, and for each
 * missed target the hottest frames of its scenario's profile).
 */
final class Report {

    private final BenchConfig config;
    private final Map<String, Object> machine;
    private final Instant started;
    private final List<Outcome> outcomes = new ArrayList<>();
    private double seconds;

    Report(BenchConfig config, Map<String, Object> machine, Instant started) {
        this.config = config;
        this.machine = machine;
        this.started = started;
    }

    void add(Outcome outcome) {
        outcomes.add(outcome);
    }

    void finish(double totalSeconds) {
        seconds = totalSeconds;
        machine.put("loadAverageAtEnd", Machine.loadAverage());
    }

    List<Row> rows() {
        return outcomes.stream().flatMap(o -> o.rows.stream()).toList();
    }

    void printTable() {
        System.out.println();
        System.out.printf("%-10s %-48s %-40s %-22s %-7s %-26s %s%n", "scenario", "metric", "baseline", "value", "ratio", "target", "met?");
        for (Row r : rows()) {
            System.out.printf("%-10s %-48s %-40s %-22s %-7s %-26s %s%n", r.scenario(), r.metric(), r.baselineText(), r.valueText(),
                    r.ratioText(), r.target() == null ? "" : r.target(), r.metText());
        }
        System.out.printf("%ntotal %.0f s%n", seconds);
    }

    Path writeJson() throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("startedAt", started.truncatedTo(ChronoUnit.SECONDS).toString());
        doc.put("durationSeconds", Machine.round(seconds));
        doc.put("parameters", parameters());
        doc.put("machine", machine);
        doc.put("rows", rows());
        Map<String, Object> details = new LinkedHashMap<>();
        outcomes.forEach(o -> details.put(o.scenario, o.details));
        doc.put("scenarios", details);
        Files.createDirectories(config.results());
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC).format(started);
        Path file = config.results().resolve(stamp + "-" + config.db() + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
        return file;
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bench.db", config.db());
        p.put("bench.cases", config.cases());
        p.put("bench.httpCases", config.httpCases());
        p.put("bench.httpCasesCost10", config.httpCasesCost10());
        p.put("bench.senders", config.senders());
        p.put("bench.deadlines", config.deadlines());
        p.put("bench.deadlineRate", config.deadlineRate());
        p.put("bench.deadlineWarmupSeconds", DeadlineScenario.warmupSeconds());
        p.put("bench.scheduleSamples", config.scheduleSamples());
        p.put("bench.events", config.events());
        p.put("bench.queryCases", config.queryCases());
        p.put("bench.units", config.units());
        p.put("bench.querySamples", config.querySamples());
        p.put("bench.pollingInterval", config.pollingIntervalProperty());
        p.put("bench.jfr", config.jfr());
        p.put("bench.serviceArgs", config.serviceArgs());
        p.put("bench.only", String.join(",", config.only()));
        p.put("bench.xmx", config.xmx());
        p.put("bench.mixedDeadlineRate", MixedScenario.rate());
        p.put("bench.mixedSeconds", MixedScenario.seconds());
        return p;
    }

    void writeMarkdown(Path json) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Performance\n\n");
        md.append("Throughput, latency and memory of the service, measured by the benchmark module (`bench/`). This file is written by ")
                .append("the benchmark at the end of each run; the figures below are from the run of ")
                .append(started.truncatedTo(ChronoUnit.SECONDS)).append(" on ").append(config.onH2() ? "H2" : "PostgreSQL")
                .append(", which took ").append(Math.round(seconds)).append(" s. Its JSON: `")
                .append(Path.of("").toAbsolutePath().relativize(json.toAbsolutePath())).append("`.\n\n");

        md.append("## How to run\n\n```\nmvn -B -Pbench -pl bench -am verify\n```\n\n");
        md.append("`mvn -B -Pbench-full -pl bench -am verify` runs the issue's full sizes (100,000 deadlines, 1,000,000 events, ")
                .append("200,000 cases, a 60 s mixed-load window; 30 minutes on two cores on 2026-11-30).\n\n");
        md.append("It builds the service's modules (tests skipped under `-Pbench`), drops and creates the PostgreSQL database ")
                .append("`petition_bench` (or `bench.pgDatabase`) next to the one of `bench.pgUrl` (user `postgres`, no password), starts the service in a JVM ")
                .append("of its own with `-Xmx").append(config.xmx()).append("`, runs every scenario, prints the table, and writes ")
                .append("`bench/results/<time>-<db>.json` and this file. `-Dbench.db=h2` runs it on an H2 file database instead. ")
                .append("Add `-o` to build offline. Parameters (`-Dname=value`; counts accept `300k`, `1m`):\n\n");
        md.append("| parameter | this run | meaning |\n|---|---|---|\n");
        Map<String, String> meaning = new LinkedHashMap<>();
        meaning.put("bench.db", "`postgres` or `h2`");
        meaning.put("bench.cases", "complete cases over the command bus, once with 1 sender and once with `bench.senders`");
        meaning.put("bench.httpCases", "complete cases over HTTP, `bench.senders` clients, users with BCrypt cost 4");
        meaning.put("bench.httpCasesCost10", "complete cases over HTTP as a user whose hash has BCrypt cost 10 (default: as many as `bench.httpCases`; 0: skip)");
        meaning.put("bench.senders", "concurrent command senders and HTTP clients");
        meaning.put("bench.deadlines", "deadlines due in the deadline window (a warning and a due per case); issue default 100,000");
        meaning.put("bench.deadlineRate", "deadlines due per second in the window");
        meaning.put("bench.scheduleSamples", "single schedule and cancel calls timed");
        meaning.put("bench.events", "events in the store for the rebuild, at least; issue default ≥ 1,000,000");
        meaning.put("bench.queryCases", "cases in the read models for the queries, at least; issue default ≥ 200,000");
        meaning.put("bench.deadlineWarmupSeconds", "seconds of deadlines at that rate fired just before the window and not counted in it (the firing path compiled first, as in a running service); their lateness is a row of its own");
        meaning.put("bench.units", "units the generated cases are spread over");
        meaning.put("bench.querySamples", "timed calls of each query");
        meaning.put("bench.pollingInterval", "db-scheduler polling interval of the service");
        meaning.put("bench.jfr", "record each scenario with Java Flight Recorder and list its hottest frames here");
        meaning.put("bench.serviceArgs", "extra service settings to try a change (`--spring.property=value` or `-Dsystem.property=value`)");
        meaning.put("bench.only", "run only these scenarios (comma-separated; the command scenario always runs)");
        meaning.put("bench.xmx", "heap of the benchmark's JVM (service and benchmark); the issue's bound is 512 MiB");
        meaning.put("bench.mixedDeadlineRate", "mixed load: deadlines due per second while the HTTP clients work");
        meaning.put("bench.mixedSeconds", "mixed load: length of the window");
        parameters().forEach((k, v) -> md.append("| `").append(k).append("` | ").append(v).append(" | ")
                .append(meaning.getOrDefault(k, "")).append(" |\n"));
        md.append("\nAlso `bench.pgUrl` (default `jdbc:postgresql://127.0.0.1:5432/postgres`), `bench.pgUser`, `bench.pgPassword`.\n\n");

        md.append("## Machine\n\n");
        machine.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                m.forEach((k2, v2) -> md.append("- ").append(k).append(' ').append(k2).append(": ").append(v2).append('\n'));
            } else {
                md.append("- ").append(k).append(": ").append(v).append('\n');
            }
        });

        md.append("\n## Results\n\n");
        md.append("| scenario | metric | baseline | value | ratio | target | met? |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rows()) {
            md.append("| ").append(r.scenario()).append(" | ").append(r.metric()).append(" | ").append(r.baselineText())
                    .append(" | ").append(r.valueText()).append(" | ").append(r.ratioText()).append(" | ")
                    .append(r.target() == null ? "" : r.target()).append(" | ").append(r.met() == null ? "" : r.met() ? "yes" : "**no**")
                    .append(" |\n");
        }

        md.append("\n## Where the time went\n\n");
        md.append("CPU seconds per scenario: this JVM (service and benchmark), all PostgreSQL processes, all other processes of the ")
                .append("machine (other work running at the same time), and idle core-seconds; heap after a full GC at the end of the ")
                .append("scenario.\n\n");
        md.append("| scenario | wall s | JVM CPU s | PostgreSQL CPU s | other CPU s | idle core-s | heap after GC MiB |\n|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            if (o.details.get("cpu") instanceof Map<?, ?> cpu) {
                md.append("| ").append(o.scenario).append(" | ").append(cpu.get("wallSeconds")).append(" | ").append(cpu.get("jvmCpuSeconds"))
                        .append(" | ").append(cpu.get("postgresCpuSeconds")).append(" | ").append(cpu.get("otherCpuSeconds")).append(" | ")
                        .append(cpu.get("idleCpuSeconds")).append(" | ").append(o.details.get("heapAfterGcMiB")).append(" |\n");
            }
        }
        md.append("\nDetails of each scenario (counts, latencies behind the rows):\n\n");
        for (Outcome o : outcomes) {
            md.append("- **").append(o.scenario).append("**: ");
            List<String> parts = new ArrayList<>();
            o.details.forEach((k, v) -> {
                if (!k.equals("cpu") && !k.equals("profile") && !k.equals("heapHistogram") && !k.equals("postgresActivity")) {
                    parts.add(k + " " + v);
                }
            });
            md.append(String.join("; ", parts)).append('\n');
        }

        md.append("\nWhat PostgreSQL was busy with (pg_stat_activity sampled every 20 ms; share of busy samples):\n\n");
        for (Outcome o : outcomes) {
            if (o.details.get("postgresActivity") instanceof Map<?, ?> pg && pg.get("statements") instanceof List<?> st && !st.isEmpty()) {
                md.append("- **").append(o.scenario).append("** (").append(pg.get("averageActiveBackends"))
                        .append(" busy backends on average):\n");
                st.stream().limit(6).forEach(l -> md.append("  - `").append(l).append("`\n"));
            }
        }
        outcomes.stream().filter(o -> o.details.get("heapHistogram") instanceof List<?>)
                .max(java.util.Comparator.comparingDouble(o -> ((Number) o.details.get("heapAfterGcMiB")).doubleValue()))
                .ifPresent(o -> {
                    md.append("\nThe live heap after ").append(o.scenario).append(" (the largest), by class (MiB, instances, class):\n\n```\n");
                    ((List<?>) o.details.get("heapHistogram")).forEach(l -> md.append(l).append('\n'));
                    md.append("```\n");
                });

        List<Outcome> missed = outcomes.stream().filter(o -> o.rows.stream().anyMatch(r -> Boolean.FALSE.equals(r.met()))).toList();
        if (!missed.isEmpty()) {
            md.append("\n## Profiles of the scenarios with a missed target\n\n");
            md.append("Java Flight Recorder, execution samples every 10 ms of the threads running Java code, and native-method ")
                    .append("samples (threads blocked in native code, mostly waiting for PostgreSQL's answer on a socket).\n");
            for (Outcome o : missed) {
                md.append("\n### ").append(o.scenario).append("\n\n");
                md.append("Missed: ").append(String.join("; ", o.rows.stream().filter(r -> Boolean.FALSE.equals(r.met()))
                        .map(r -> r.metric() + " = " + r.valueText() + " (target " + r.target() + ")").toList())).append(".\n\n");
                if (o.details.get("profile") instanceof Map<?, ?> p && !p.isEmpty()) {
                    for (String key : List.of("byLibrary", "inclusive", "hotMethods", "serviceFrames", "threads", "nativeWaits")) {
                        md.append("- ").append(switch (key) {
                            case "byLibrary" -> "where the running code was (top frame by library)";
                            case "inclusive" -> "share of samples inside (service and framework methods anywhere on the stack)";
                            case "hotMethods" -> "hottest methods (top frame)";
                            case "serviceFrames" -> "innermost service frame";
                            case "threads" -> "busiest threads";
                            default -> "native waits (method ← first non-JDK caller)";
                        }).append(":\n");
                        if (p.get(key) instanceof List<?> lines) {
                            lines.forEach(l -> md.append("  - `").append(l).append("`\n"));
                        }
                    }
                } else {
                    md.append("(no profile: run with `-Dbench.jfr=true`)\n");
                }
            }
        }

        try (InputStream findings = Report.class.getResourceAsStream("/performance-findings.md")) {
            if (findings != null) {
                md.append("\n").append(new String(findings.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Files.createDirectories(config.doc().toAbsolutePath().getParent());
        Files.writeString(config.doc(), md.toString());
    }
}
