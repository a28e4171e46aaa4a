package cn.xinfang.petition.bench;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.app.audit.AuditService;
import cn.xinfang.petition.app.cases.CaseHistoryService;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.UserAccounts;
import cn.xinfang.petition.projection.ledger.FindLedgerQuery;
import cn.xinfang.petition.projection.ledger.LedgerPage;
import cn.xinfang.petition.projection.overdue.FindOverdueQuery;
import cn.xinfang.petition.projection.overdue.OpenTimeLimit;
import cn.xinfang.petition.projection.worklist.FindWorklistQuery;
import cn.xinfang.petition.projection.worklist.Worklist;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Scenario 5: the reads a petition office makes all day, on read models the projections built
 * from every event in the store: the overdue list of one unit (now, and as of 30 days ago), a
 * ledger page of one unit and of all units, a case's history and the verification of its hash
 * chain (on cases created through real commands, so their chains exist). Baseline: one
 * primary-key SELECT on the ledger through plain JDBC, the round trip every query pays.
 */
final class QueryScenario {

    private final BenchConfig config;
    private final BenchDatabase db;
    private final Service service;

    QueryScenario(BenchConfig config, BenchDatabase db, Service service) {
        this.config = config;
        this.db = db;
        this.service = service;
    }

    Outcome run(List<CaseId> realCases) throws Exception {
        Outcome out = new Outcome("queries");
        Random random = new Random(5);
        Account supervisor = service.bean(UserAccounts.class).find("supervisor").orElseThrow();
        CaseHistoryService history = service.bean(CaseHistoryService.class);
        AuditService audit = service.bean(AuditService.class);
        List<String> ledgerIds = service.jdbc().queryForList("select case_id from ledger_case order by case_id limit 5000", String.class);
        long ledgerCases = service.jdbc().queryForObject("select count(*) from ledger_case", Long.class);

        Stats floor = new Stats();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("select case_no from ledger_case where case_id = ?")) {
            for (int i = 0; i < config.querySamples() + 50; i++) {
                ps.setString(1, ledgerIds.get(random.nextInt(ledgerIds.size())));
                long t = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
                if (i >= 50) {
                    floor.add(System.nanoTime() - t);
                }
            }
        }
        Stats.Summary f = floor.summary();
        out.detail("primaryKeySelect", describe(f));

        lists(out, f, random, "", true);
        Stats.Summary hist = measure(() -> history.history(realCases.get(random.nextInt(realCases.size())).value(), supervisor));
        target(out, "case history (CaseHistoryService)", hist, f, false);

        Stats.Summary verify = measure(() -> {
            AuditService.CaseVerification v = audit.verify(realCases.get(random.nextInt(realCases.size())).value());
            if (!v.intact()) {
                throw new IllegalStateException("chain of a case created by commands is broken: " + v);
            }
            return v;
        });
        target(out, "chain verification (AuditService.verify)", verify, f, false);

        if (!config.onH2()) {
            // right after a rebuild the read-model tables are full of dead row versions that autovacuum has not
            // reached yet (every event updates its case's rows); the same lists once they are vacuumed:
            long t = System.nanoTime();
            service.jdbc().execute("vacuum analyze ledger_case, ledger_stage, time_limit_run, time_limit_due, overdue_case, "
                    + "escalation_case, escalation_entry");
            out.detail("vacuumAnalyzeSeconds", Machine.round((System.nanoTime() - t) / 1e9));
            lists(out, f, random, " (vacuumed)", false);
        }
        out.detail("ledgerCases", ledgerCases);
        out.detail("units", config.units());
        out.detail("samplesPerQuery", config.querySamples());
        return out;
    }

    /** The overdue lists and ledger pages; {@code suffix} names the state of the tables. */
    private void lists(Outcome out, Stats.Summary f, Random random, String suffix, boolean targeted) throws Exception {
        QueryGateway queries = service.queries();
        List<Integer> overdueRows = new ArrayList<>();
        Stats.Summary overdue = measure(() -> {
            Instant now = Instant.now();
            List<OpenTimeLimit> l = queries.query(new FindOverdueQuery(randomUnit(random), now, now),
                    ResponseTypes.multipleInstancesOf(OpenTimeLimit.class)).join();
            overdueRows.add(l.size());
            return l;
        });
        target(out, "overdue list of a unit" + suffix, overdue, f, targeted);
        out.detail("overdueListRowsAverage" + suffix, Machine.round(overdueRows.stream().mapToInt(Integer::intValue).average().orElse(0)));

        List<Integer> asOfRows = new ArrayList<>();
        Stats.Summary asOf = measure(() -> {
            Instant now = Instant.now();
            List<OpenTimeLimit> l = queries.query(new FindOverdueQuery(randomUnit(random), now.minus(Duration.ofDays(30)), now),
                    ResponseTypes.multipleInstancesOf(OpenTimeLimit.class)).join();
            asOfRows.add(l.size());
            return l;
        });
        target(out, "overdue list of a unit as of 30 days ago" + suffix, asOf, f, false);
        out.detail("asOfListRowsAverage" + suffix, Machine.round(asOfRows.stream().mapToInt(Integer::intValue).average().orElse(0)));

        Stats.Summary ledgerUnit = measure(() -> queries.query(new FindLedgerQuery(randomUnit(random), null, null, null, null, null,
                null, null, Instant.now(), true, 0, 50), ResponseTypes.instanceOf(LedgerPage.class)).join());
        target(out, "ledger page of a unit (page 0, size 50)" + suffix, ledgerUnit, f, targeted);

        Stats.Summary ledgerAll = measure(() -> queries.query(new FindLedgerQuery(null, null, null, null, null, null,
                null, null, Instant.now(), true, 0, 50), ResponseTypes.instanceOf(LedgerPage.class)).join());
        target(out, "ledger page of all units (page 0, size 50)" + suffix, ledgerAll, f, targeted);

        // the dashboard (工作台): open cases by their earliest running due, 20 a page, of a handler's unit and of all
        long[] open = {0};
        Stats.Summary worklistUnit = measure(() -> {
            Instant now = Instant.now();
            return queries.query(new FindWorklistQuery(randomUnit(random), null, null, now, 0, 20),
                    ResponseTypes.instanceOf(Worklist.class)).join();
        });
        target(out, "work list of a unit (dashboard, page 0 of 20)" + suffix, worklistUnit, f, false);
        Stats.Summary worklistAll = measure(() -> {
            Instant now = Instant.now();
            Worklist w = queries.query(new FindWorklistQuery(null, null, null, now, 0, 20),
                    ResponseTypes.instanceOf(Worklist.class)).join();
            open[0] = w.total();
            return w;
        });
        target(out, "work list of all units (dashboard, page 0 of 20)" + suffix, worklistAll, f, false);
        out.detail("openCases" + suffix, open[0]);
    }

    private String randomUnit(Random random) {
        return RebuildScenario.unit(random.nextInt(config.units()));
    }

    /** p50 and p99 rows; the overdue list and the ledger page carry the target p99 ≤ 20 ms. */
    private static void target(Outcome out, String what, Stats.Summary s, Stats.Summary floor, boolean targeted) {
        out.add(Row.of("queries", what + " p50", "ms", s.p50()).against(floor.p50(), "PK select p50"));
        Row p99 = Row.of("queries", what + " p99", "ms", s.p99()).against(floor.p99(), "PK select p99");
        out.add(targeted ? p99.target("≤ 20 ms", s.p99() <= 20) : p99);
    }

    /** Warms the query up, then times {@code querySamples} calls. */
    private Stats.Summary measure(Callable<?> query) throws Exception {
        for (int i = 0; i < Math.max(10, config.querySamples() / 10); i++) {
            query.call();
        }
        Stats s = new Stats();
        for (int i = 0; i < config.querySamples(); i++) {
            s.time(query);
        }
        return s.summary();
    }

    static Map<String, Object> describe(Stats.Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", s.count());
        m.put("p50", s.p50());
        m.put("p90", s.p90());
        m.put("p95", s.p95());
        m.put("p99", s.p99());
        m.put("p999", s.p999());
        m.put("max", s.max());
        return m;
    }
}
