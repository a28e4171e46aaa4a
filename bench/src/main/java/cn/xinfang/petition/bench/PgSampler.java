package cn.xinfang.petition.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where PostgreSQL's time goes during a scenario, without extensions on the server: every 20 ms
 * it looks at pg_stat_activity and counts the statements that are running in the benchmark's
 * database. A statement's share of samples × the average number of busy backends says how much
 * of the server's work it is. (pg_stat_statements would be exact, but needs a server restart.)
 */
final class PgSampler implements AutoCloseable {

    private final Thread thread;
    private final Map<String, Integer> counts = new HashMap<>();
    private volatile boolean running = true;
    private int samples;
    private long busy;

    private PgSampler(BenchDatabase db) {
        thread = new Thread(() -> sample(db), "pg-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    static PgSampler start(BenchConfig config, BenchDatabase db) {
        return config.onH2() ? null : new PgSampler(db);
    }

    private void sample(BenchDatabase db) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            while (running) {
                int active = 0;
                try (ResultSet rs = s.executeQuery("select query from pg_stat_activity where datname = current_database() "
                        + "and state = 'active' and pid <> pg_backend_pid()")) {
                    while (rs.next()) {
                        active++;
                        String q = rs.getString(1).replaceAll("\\s+", " ").trim();
                        synchronized (counts) {
                            counts.merge(q.length() > 160 ? q.substring(0, 160) + "…" : q, 1, Integer::sum);
                        }
                    }
                }
                synchronized (counts) {
                    samples++;
                    busy += active;
                }
                Thread.sleep(20);
            }
        } catch (Exception e) {
            // sampling is best effort; the scenario's figures do not depend on it
        }
    }

    /** Average busy backends and the statements that kept them busy, as shares of all busy samples. */
    Map<String, Object> summary() {
        synchronized (counts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("samples", samples);
            m.put("averageActiveBackends", samples == 0 ? 0 : Math.round(100.0 * busy / samples) / 100.0);
            List<String> top = counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                    .map(e -> String.format("%5.1f%%  %s", 100.0 * e.getValue() / Math.max(1, busy), e.getKey())).toList();
            m.put("statements", top);
            return m;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2_000);
    }
}
