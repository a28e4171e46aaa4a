package cn.xinfang.petition.app.ops;

import cn.xinfang.petition.projection.backlog.BacklogProjection;
import cn.xinfang.petition.projection.escalation.EscalationProjection;
import cn.xinfang.petition.projection.ledger.LedgerProjection;
import cn.xinfang.petition.projection.overdue.OverdueProjection;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps PostgreSQL's statistics and visibility maps of the service's busiest tables fresh (issue 18),
 * on servers with autovacuum on (where it only helps right after a rebuild) and off (where nothing
 * else would):
 * <ul>
 *   <li>after a projection's rebuild has caught up, {@code VACUUM (ANALYZE)} of its tables: a replay
 *       rewrites every row several times, and until the dead versions are gone a {@code count(*)}
 *       of the ledger is a sequential scan of a table three times its live size;</li>
 *   <li>when autovacuum is off, {@code ANALYZE} of the saga's association table and of the
 *       scheduler's table every {@code cases.performance.analyze-seconds} (default 30): a table
 *       never analysed keeps the plan a connection prepared while it was nearly empty (a sequential
 *       scan per fired deadline), and an ANALYZE makes every connection plan its statements again.</li>
 * </ul>
 * Nothing happens on H2.
 */
@Component
public class ReadModelMaintenance {

    private static final Logger log = LoggerFactory.getLogger(ReadModelMaintenance.class);

    static final Map<String, List<String>> TABLES = Map.of(
            LedgerProjection.NAME, List.of("ledger_case", "ledger_stage", "ledger_case_count"),
            OverdueProjection.NAME, List.of("time_limit_run", "time_limit_due", "overdue_case"),
            EscalationProjection.NAME, List.of("escalation_case", "escalation_entry"),
            BacklogProjection.NAME, List.of("backlog_case"));

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    public ReadModelMaintenance(JdbcTemplate jdbc, @Value("${cases.performance.analyze-seconds:30}") long analyzeSeconds) {
        this.jdbc = jdbc;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c ->
                c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
        if (postgres && analyzeSeconds > 0 && !autovacuum()) {
            timer = Timers.daemon("analyze-busy-tables");
            timer.scheduleWithFixedDelay(this::analyzeBusyTables, analyzeSeconds, analyzeSeconds, TimeUnit.SECONDS);
        } else {
            timer = null;
        }
    }

    /** Whether the service runs on PostgreSQL (else H2). */
    boolean onPostgres() {
        return postgres;
    }

    /** A rebuild of {@code name} has started: its tables are vacuumed once it has caught up. */
    void rebuildStarted(String name) {
        if (postgres) {
            rebuilding.add(name);
        }
    }

    /** Called with each status of a projection: the first caller that sees a rebuilt projection caught up vacuums its tables. */
    void caughtUp(String name) {
        if (rebuilding.remove(name)) {
            long t = System.nanoTime();
            try {
                jdbc.execute("vacuum (analyze) " + String.join(", ", TABLES.get(name)));
                log.info("projection {} rebuilt: its tables vacuumed and analysed in {} ms", name, (System.nanoTime() - t) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("projection {} rebuilt: vacuum of its tables failed: {}", name, e.toString());
            }
        }
    }

    private boolean autovacuum() {
        try {
            return "on".equalsIgnoreCase(jdbc.queryForObject("select current_setting('autovacuum')", String.class));
        } catch (RuntimeException e) {
            return true;
        }
    }

    private void analyzeBusyTables() {
        try {
            jdbc.execute("analyze associationvalueentry, sagaentry, scheduled_tasks");
        } catch (RuntimeException e) {
            log.debug("analyze of the saga and scheduler tables failed: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
