package cn.xinfang.petition.bench;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.app.ops.Projections;
import cn.xinfang.petition.time.TimeLimitCalculator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.json.JacksonSerializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 3: every projection rebuilt from the whole store. The store is first filled to
 * {@code events} events and {@code queryCases} cases with generated histories (the read side is
 * stopped meanwhile and the saga put past them). Baseline: one plain JDBC scan of the event table
 * in global order that deserializes every payload into its event class with the service's own
 * Jackson mapper – the least any rebuild has to do.
 */
final class RebuildScenario {

    private final BenchConfig config;
    private final BenchDatabase db;
    private final Service service;

    RebuildScenario(BenchConfig config, BenchDatabase db, Service service) {
        this.config = config;
        this.db = db;
        this.service = service;
    }

    /** The unit of the i-th of the synthetic units. */
    static String unit(int i) {
        return String.format("u-%03d", i);
    }

    private final Outcome out = new Outcome("rebuild");
    private double scanRate;
    private long scanned;

    /** Loads the history and measures the baseline scan. */
    void prepare(List<String> realTypes) throws Exception {
        load(out, realTypes);
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT and the database's cache
            long start = System.nanoTime();
            scanned = scan();
            scanRate = scanned / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Rebuilds every projection at once and waits until each has caught up with the store's head. */
    Outcome run() throws Exception {

        Projections projections = service.bean(Projections.class);
        long head = service.head();
        long start = System.nanoTime();
        projections.rebuild(Projections.NAMES); // all of them in one pass over the store, as the administrator's "rebuild all"
        Map<String, Object> finished = new LinkedHashMap<>();
        Duration timeout = Duration.ofHours(6);
        while (finished.size() < Projections.NAMES.size()) {
            for (String name : Projections.NAMES) {
                Projections.Status s = projections.status(name);
                if (s.error()) {
                    throw new IllegalStateException("projection " + name + " is in error while rebuilding: " + s);
                }
                if (!finished.containsKey(name) && s.caughtUp() && s.position() >= head) {
                    finished.put(name, Machine.round((System.nanoTime() - start) / 1e9));
                }
            }
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new IllegalStateException("rebuild did not finish within " + timeout);
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = scanned / seconds;
        out.add(Row.of("rebuild", "events/s, all " + Projections.NAMES.size() + " projections rebuilt", "/s", rate).against(scanRate, "JDBC scan + Jackson")
                .target("≥ 0.5 × baseline", rate >= 0.5 * scanRate));
        out.detail("events", scanned);
        out.detail("rebuildSeconds", Machine.round(seconds));
        out.detail("projectionFinishedAfterSeconds", finished);
        out.detail("baselineScanEventsPerSecond", Math.round(scanRate));
        out.detail("ledgerCases", service.jdbc().queryForObject("select count(*) from ledger_case", Long.class));
        out.detail("timeLimitRuns", service.jdbc().queryForObject("select count(*) from time_limit_run", Long.class));
        return out;
    }

    /** Fills the store with generated case histories; the read side sees none of it until the rebuild. */
    private void load(Outcome out, List<String> realTypes) throws Exception {
        for (String name : Projections.NAMES) {
            service.shutDown(name);
        }
        service.shutDown(Service.SAGA);
        long existingEvents = service.jdbc().queryForObject("select count(*) from domainevententry", Long.class);
        long existingCases = service.jdbc().queryForObject("select count(distinct aggregateidentifier) from domainevententry", Long.class);

        Samples samples = new Samples(42);
        Instant now = Instant.now();
        CaseHistories histories = new CaseHistories(service.bean(TimeLimitCalculator.class), samples, now, Duration.ofDays(180), 0.05);
        if (!CaseHistories.sameShapeAs(realTypes, histories.resolvedNow(CaseId.newId()))) {
            throw new IllegalStateException("generated histories no longer match the aggregate's events: " + realTypes);
        }
        long start = System.nanoTime();
        int cases = 0;
        Map<Integer, Integer> numbers = new HashMap<>();
        try (EventWriter writer = new EventWriter(db, service.eventSerializer())) {
            while (existingCases + cases < config.queryCases() || existingEvents + writer.written() < config.events()) {
                CaseId id = CaseId.newId();
                String unit = unit(cases % config.units());
                // case numbers of the registration's year, after those the service itself hands out
                List<CaseHistories.Event> events = histories.history(id, unit, at -> {
                    int year = at.atZone(ZoneOffset.ofHours(8)).getYear();
                    return String.format("%d-%06d", year, 100_000 + numbers.merge(year, 1, Integer::sum));
                });
                long seq = 0;
                for (CaseHistories.Event e : events) {
                    writer.append(id.value(), seq++, e.timestamp(), e.payload(), e.traceId());
                }
                cases++;
            }
            writer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            out.detail("loadedCases", cases);
            out.detail("loadedEvents", writer.written());
            out.detail("loadSeconds", Machine.round(seconds));
            out.detail("loadEventsPerSecond", Math.round(writer.written() / seconds));
        }
        service.moveSagaToHead();
    }

    /** Reads every event in global order and deserializes its payload; answers the number of events. */
    private long scan() throws Exception {
        ObjectMapper mapper = ((JacksonSerializer) service.eventSerializer()).getObjectMapper();
        Map<String, Class<?>> types = new HashMap<>();
        long count = 0;
        long sink = 0;
        try (Connection c = db.connect()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement ps = c.prepareStatement("select globalindex, payloadtype, payload from domainevententry order by globalindex")) {
                ps.setFetchSize(1_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink += rs.getLong(1);
                        Class<?> type = types.computeIfAbsent(rs.getString(2), RebuildScenario::load);
                        Object event = mapper.readValue(rs.getBytes(3), type);
                        sink += event.hashCode();
                        count++;
                    }
                }
            }
            c.commit();
        }
        if (sink == 42) {
            System.out.print(""); // keeps the results alive for the JIT
        }
        return count;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
