package cn.xinfang.petition.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The benchmark's parameters, read from system properties ({@code -Dbench.x=...}); the defaults are
 * sized so the whole run finishes within ten minutes on two cores (see docs/performance.md).
 *
 * @param db               {@code postgres} or {@code h2}
 * @param pgUrl            a PostgreSQL database to connect to first; the benchmark drops and creates {@code petition_bench} beside it
 * @param cases            complete cases sent over the command bus, with 1 and again with {@code senders} senders
 * @param httpCases        complete cases sent over HTTP with {@code senders} clients (BCrypt cost 4)
 * @param httpCasesCost10  complete cases sent over HTTP by a user whose password hash has BCrypt cost 10; as many as
 *                         {@code httpCases} unless set, so that both rates are measured over runs of the same size
 * @param senders          concurrent senders / clients
 * @param deadlines        deadlines due in the deadline window (a warning and a due deadline per case)
 * @param deadlineRate     deadlines due per second in that window
 * @param scheduleSamples  single schedule and cancel calls timed on the deadline manager
 * @param events           events in the store for the rebuild (at least)
 * @param queryCases       cases in the read models for the queries (at least)
 * @param units            units the synthetic cases are spread over
 * @param querySamples     timed calls of each query
 * @param pollingInterval  db-scheduler polling interval given to the service
 * @param jfr              record each scenario with Java Flight Recorder and list its hottest frames
 * @param serviceArgs      extra settings for the service, to try a change: {@code --property=value} (Spring) or
 *                         {@code -Dname=value} (system property), separated by spaces
 * @param only             the scenarios to run (comma-separated; empty: all); the command scenario always runs,
 *                         the others build on its cases
 */
record BenchConfig(String db, String pgUrl, String pgUser, String pgPassword, int cases, int httpCases, int httpCasesCost10,
                   int senders, int deadlines, int deadlineRate, int scheduleSamples, long events, int queryCases, int units,
                   int querySamples, Duration pollingInterval, boolean jfr, String serviceArgs, java.util.Set<String> only, String xmx, Path results, Path work, Path doc) {

    static BenchConfig fromSystemProperties() {
        int httpCases = (int) number("bench.httpCases", 150);
        return new BenchConfig(
                text("bench.db", "postgres"),
                text("bench.pgUrl", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                text("bench.pgUser", "postgres"),
                text("bench.pgPassword", ""),
                (int) number("bench.cases", 300),
                httpCases,
                (int) number("bench.httpCasesCost10", httpCases),
                (int) number("bench.senders", 8),
                (int) number("bench.deadlines", 20_000),
                (int) number("bench.deadlineRate", 1_000),
                (int) number("bench.scheduleSamples", 2_000),
                number("bench.events", 300_000),
                (int) number("bench.queryCases", 30_000),
                (int) number("bench.units", 100),
                (int) number("bench.querySamples", 200),
                duration(text("bench.pollingInterval", "250ms")),
                Boolean.parseBoolean(text("bench.jfr", "true")),
                text("bench.serviceArgs", ""),
                java.util.Set.of(text("bench.only", "").split("\\s*,\\s*")),
                text("bench.xmx", "?"),
                Path.of(text("bench.results", "bench/results")),
                Path.of(text("bench.work", "bench/target/bench-work")),
                Path.of(text("bench.doc", "docs/performance.md")));
    }

    /** Whether a scenario is to run. */
    boolean runs(String scenario) {
        return only.equals(java.util.Set.of("")) || only.contains(scenario) || scenario.equals("commands");
    }

    boolean onH2() {
        return "h2".equalsIgnoreCase(db);
    }

    private static String text(String name, String fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** A count; underscores and a k/m suffix are allowed (300k, 1m, 1_000_000). */
    private static long number(String name, long fallback) {
        String v = text(name, null);
        if (v == null) {
            return fallback;
        }
        String s = v.replace("_", "").toLowerCase(java.util.Locale.ROOT);
        long factor = s.endsWith("k") ? 1_000 : s.endsWith("m") ? 1_000_000 : 1;
        if (factor > 1) {
            s = s.substring(0, s.length() - 1);
        }
        return Math.round(Double.parseDouble(s) * factor);
    }

    /** Spring's short form: 1s, 100ms. */
    private static Duration duration(String s) {
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
        }
        return Duration.parse(s);
    }

    /** db-scheduler's property value. */
    String pollingIntervalProperty() {
        return pollingInterval.toMillis() + "ms";
    }
}
