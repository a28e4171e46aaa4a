package cn.xinfang.petition.bench;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.event.TimeLimitBreachedEvent;
import cn.xinfang.petition.api.event.TimeLimitWarningRaisedEvent;
import cn.xinfang.petition.time.TimeLimitCalculator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario "mixed" (issue 18): {@code senders} HTTP clients take complete cases through their
 * lifecycle (as handlers, BCrypt cost 4 as in the HTTP scenario) while deadlines fall due at
 * {@code bench.mixedDeadlineRate} per second (default 200) for {@code bench.mixedSeconds} (default
 * 20) and a supervisor asks once a second for the first page (50) of the overdue list of the unit whose
 * deadlines fall due, a list that grows to every case of the window. Reports the p99 of each (HTTP step,
 * overdue page, deadline lateness from the due instant to the recorded warning or breach) and checks that
 * no deadline was missed or recorded twice. Beside them: the list's size at each poll, and the waits for
 * a connection of the service's pool (Hikari's meters) over the window.
 */
final class MixedScenario {

    private static final String UNIT = "mixed-bench";
    private static final String BREACH = TimeLimitBreachedEvent.class.getName();
    private static final String WARNING = TimeLimitWarningRaisedEvent.class.getName();

    private final BenchConfig config;
    private final BenchDatabase db;
    private final Service service;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    MixedScenario(BenchConfig config, BenchDatabase db, Service service) {
        this.config = config;
        this.db = db;
        this.service = service;
    }

    static int rate() {
        return Integer.parseInt(System.getProperty("bench.mixedDeadlineRate", "200").isBlank() ? "200"
                : System.getProperty("bench.mixedDeadlineRate"));
    }

    static int seconds() {
        return Integer.parseInt(System.getProperty("bench.mixedSeconds", "20").isBlank() ? "20"
                : System.getProperty("bench.mixedSeconds"));
    }

    Outcome run() throws Exception {
        Outcome out = new Outcome("mixed");
        int rate = rate();
        int seconds = seconds();
        int cases = rate * seconds / 2; // a warning and a due per case
        CaseHistories histories = new CaseHistories(service.bean(TimeLimitCalculator.class), new Samples(77), Instant.now(),
                Duration.ZERO, 0);

        // the deadlines of the window are scheduled before it starts (the saga takes the cases in first)
        long mark = service.head();
        Instant loadStart = Instant.now();
        long half = seconds * 500L;
        List<CaseId> ids = new ArrayList<>();
        // the window starts once the saga can have scheduled every deadline (it took in 150-330 cases/s on a quiet
        // machine, 50 with the machine shared)
        double intake = 50;
        Instant windowStart = Instant.now().plusMillis((long) ((cases / intake * 1.3 + 10) * 1000));
        Instant windowEnd = windowStart.plusMillis(2 * half);
        int n = 0;
        try (EventWriter writer = new EventWriter(db, service.eventSerializer())) {
            for (int i = 0; i < cases; i++) {
                CaseId id = CaseId.newId();
                ids.add(id);
                long seq = 0;
                Instant warning = windowStart.plusMillis(i * half / cases);
                Instant due = windowStart.plusMillis(half + i * half / cases);
                for (CaseHistories.Event e : histories.registeredWithDeadlines(id, String.format("%s-%06d",
                        Instant.now().toString().substring(0, 4), 700_000 + ++n), UNIT, warning, due)) {
                    writer.append(id.value(), seq++, e.timestamp(), e.payload(), e.traceId());
                }
                if (i % 1_000 == 999) {
                    writer.flush();
                }
            }
        }
        service.awaitCaughtUp(Duration.ofMinutes(30));
        double scheduledBeforeWindow = Duration.between(Instant.now(), windowStart).toMillis() / 1000.0;
        Set<String> windowCases = new HashSet<>();
        ids.forEach(id -> windowCases.add(id.value()));
        // the supervisor polls once a second until the window starts: the path's first requests (compiled then, as on a
        // service that has been answering them) and the poll's cost on a quiet service, each reported apart
        String base = "http://127.0.0.1:" + service.port();
        String supervisor = "Basic " + Base64.getEncoder().encodeToString("supervisor:demo".getBytes(StandardCharsets.UTF_8));
        MeterRegistry meters = service.bean(MeterRegistry.class);
        Stats quietPollLatency = new Stats();
        List<String> quietListSizes = new ArrayList<>();
        double firstPollMs = Double.NaN;
        while (Instant.now().isBefore(windowStart)) {
            if (Duration.between(Instant.now(), windowStart).toMillis() > 1_200) {
                long t = System.nanoTime();
                long took = poll(base, supervisor, meters, quietPollLatency, quietListSizes);
                if (Double.isNaN(firstPollMs)) {
                    firstPollMs = took / 1e6;
                }
                Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - t) / 1_000_000));
            } else {
                Thread.sleep(20);
            }
        }
        // the HTTP clients and the supervisor work for the window's length from its start, or from now when the
        // saga took in the cases more slowly than planned (then the deadlines are late: allScheduledSecondsBeforeWindow < 0)
        Instant httpEnd = Instant.now().plusSeconds(seconds);

        // the window: HTTP clients and the supervisor's poll run until it ends
        String handler = "Basic " + Base64.getEncoder().encodeToString("handler:demo".getBytes(StandardCharsets.UTF_8));
        HttpScenario steps = new HttpScenario(config, service);
        Stats stepLatency = new Stats();
        Stats pollLatency = new Stats();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger seedNo = new AtomicInteger();
        double[] acquireBefore = acquisitions(meters);
        List<String> listSizes = Collections.synchronizedList(new ArrayList<>());
        long windowNanos = System.nanoTime();
        Thread poller = new Thread(() -> {
            try {
                while (Instant.now().isBefore(httpEnd)) {
                    long t = System.nanoTime();
                    poll(base, supervisor, meters, pollLatency, listSizes);
                    Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - t) / 1_000_000));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "supervisor-poll");
        poller.start();
        CommandScenario.parallelWorkers(config.senders(), () -> {
            while (Instant.now().isBefore(httpEnd)) {
                steps.oneCase(base, handler, new Samples(8_000_000L + seedNo.incrementAndGet()), stepLatency);
                done.incrementAndGet();
            }
            return null;
        });
        double httpSeconds = (System.nanoTime() - windowNanos) / 1e9;
        poller.join();
        double[] acquireAfter = acquisitions(meters);

        // every deadline of the window recorded, once
        Instant giveUp = (windowEnd.isAfter(httpEnd) ? windowEnd : httpEnd).plus(Duration.ofSeconds(Math.max(120, 2L * seconds)));
        FiredCounter counter = new FiredCounter(service.jdbc(), mark, BREACH, WARNING);
        long fired;
        do {
            fired = counter.count();
            if (fired >= 2L * cases) {
                break;
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(giveUp));
        service.awaitCaughtUp(Duration.ofMinutes(30));
        Map<String, Integer> seen = new HashMap<>();
        Stats lateness = new Stats();
        service.jdbc().query("select aggregateidentifier, payloadtype, payload from domainevententry where globalindex > ? "
                + "and payloadtype in (?, ?)", rs -> {
            String caseId = rs.getString(1);
            if (!windowCases.contains(caseId)) {
                return;
            }
            try {
                JsonNode p = json.readTree(rs.getBytes(3));
                boolean breach = BREACH.equals(rs.getString(2));
                Instant recorded = Instant.parse(p.get("recordedAt").asText());
                Instant due = Instant.parse(p.get(breach ? "due" : "occurredAt").asText());
                lateness.add(Duration.between(due, recorded).toNanos());
                seen.merge(caseId + "/" + p.get("stage").asText() + "/" + (breach ? "breach" : "warning"), 1, Integer::sum);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, mark, BREACH, WARNING);
        long twice = seen.values().stream().filter(v -> v > 1).count();
        long missing = 2L * cases - seen.size();

        Stats.Summary steps99 = stepLatency.summary();
        Stats.Summary poll = pollLatency.summary();
        Stats.Summary late = lateness.summary();
        String what = config.senders() + " HTTP clients + " + rate + " deadlines/s + overdue poll 1/s";
        out.add(Row.of("mixed", "HTTP requests/s (" + what + ")", "/s", steps99.count() / httpSeconds));
        out.add(Row.of("mixed", "HTTP request p50", "ms", steps99.p50()));
        out.add(Row.of("mixed", "HTTP request p99", "ms", steps99.p99()));
        out.add(Row.of("mixed", "overdue list, first page of 50 (supervisor, every second) p99", "ms", poll.p99())
                .target("≤ 20 ms", poll.p99() <= 20));
        Stats.Summary quiet = quietPollLatency.summary();
        out.add(Row.of("mixed", "overdue list, the same page polled once a second before the window (a quiet service) p50",
                "ms", quiet.p50()));
        out.add(Row.of("mixed", "overdue list polled before the window: the first poll", "ms", firstPollMs));
        out.add(Row.of("mixed", "deadline lateness p50", "ms", late.p50()));
        out.add(Row.of("mixed", "deadline lateness p99", "ms", late.p99()).target("≤ 1000 ms at " + rate + " due/s", late.p99() <= 1000));
        out.add(Row.of("mixed", "warnings or breaches recorded twice, or missing 2 min after the window", "", twice + missing)
                .target("0", twice + missing == 0));
        out.detail("httpLatencyMs", QueryScenario.describe(steps99));
        out.detail("overdueListMs", QueryScenario.describe(poll));
        out.detail("latenessMs", QueryScenario.describe(late));
        out.detail("overdueListSizeAtEachPoll", listSizes);
        out.detail("overdueListBeforeWindowMs", QueryScenario.describe(quiet));
        out.detail("overdueListBeforeWindowAtEachPoll", quietListSizes);
        long taken = (long) (acquireAfter[0] - acquireBefore[0]);
        out.detail("connectionWaitsInWindow", String.format(java.util.Locale.ROOT, "%d connections taken from the pool, "
                + "waited %.2f ms on average (Hikari's acquire timer; its max over the last minutes: %.1f ms)", taken,
                taken == 0 ? 0 : (acquireAfter[1] - acquireBefore[1]) / taken, acquireAfter[2]));
        out.detail("casesCompletedOverHttp", done.get());
        out.detail("deadlinesInWindow", 2 * cases);
        out.detail("windowSeconds", seconds);
        out.detail("deadlinesMissing", missing);
        out.detail("deadlinesTwice", twice);
        out.detail("allScheduledSecondsBeforeWindow", Machine.round(scheduledBeforeWindow));
        out.detail("loadAndScheduleSeconds", Machine.round(Duration.between(loadStart, windowStart).toMillis() / 1000.0));
        return out;
    }

    /**
     * One poll of the supervisor: the first page (50) of the unit's overdue list; its time into {@code latency}, the list's
     * size, the time and the requests waiting for a connection of the service's pool into {@code sizes}; returns its time
     * in nanoseconds.
     */
    private long poll(String base, String supervisor, MeterRegistry meters, Stats latency, List<String> sizes) throws Exception {
        Gauge pending = meters.find("hikaricp.connections.pending").gauge();
        long t = System.nanoTime();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/overdue?unit=" + UNIT + "&size=50"))
                .header("Authorization", supervisor).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - t;
        latency.add(took);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /api/overdue answered " + r.statusCode());
        }
        sizes.add(r.headers().firstValue("X-Total-Count").orElse("?") + " entries, "
                + Machine.round(took / 1e6) + " ms (pool: " + (pending == null ? "?" : (int) pending.value()) + " waiting)");
        return took;
    }

    /** Hikari's acquire timer: count, total milliseconds, max milliseconds (zeros without it). */
    private static double[] acquisitions(MeterRegistry meters) {
        Timer t = meters.find("hikaricp.connections.acquire").timer();
        return t == null ? new double[3]
                : new double[] {t.count(), t.totalTime(TimeUnit.MILLISECONDS), t.max(TimeUnit.MILLISECONDS)};
    }
}
