package cn.xinfang.petition.projection.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A view's writes of one batch of events, sent as JDBC batches just before the batch commits
 * (issue 18: a view that writes one statement per event spends most of a rebuild on round trips).
 * Each write names the key whose rows it touches (for the views here: the case); writes of one key
 * run in the order they were made, writes of different keys must touch different rows, so they may
 * run in any order. The writes are sent in rounds: the first write of every key, then the second,
 * and so on; within a round, one JDBC batch per statement. Outside a unit of work a write runs at
 * once.
 */
public final class KeyedWrites {

    private record Write(String sql, Object[] args) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, List<Write>> byKey = new LinkedHashMap<>();

    /** Writes kept until {@link #flush()} (as {@link #write} keeps them for a unit of work). */
    public KeyedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code sql} with {@code args} for {@code key}: at once outside a unit of work, else just
     * before the root unit of work commits, after the earlier writes of the same key.
     */
    public static void write(JdbcTemplate jdbc, String resource, String key, String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(resource, r -> {
            KeyedWrites pending = new KeyedWrites(jdbc);
            batch.onPrepareCommit(u -> pending.flush());
            return pending;
        }).add(key, sql, args);
    }

    /** Keeps a write of {@code key}, to run after the earlier ones of the same key. */
    public void add(String key, String sql, Object... args) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Write(sql, args));
    }

    /** Sends the writes in rounds; answers the number of JDBC calls made (a batch counts once). */
    public int flush() {
        int calls = 0;
        for (int round = 0; ; round++) {
            Map<String, List<Object[]>> statements = new LinkedHashMap<>();
            for (List<Write> writes : byKey.values()) {
                if (round < writes.size()) {
                    Write w = writes.get(round);
                    statements.computeIfAbsent(w.sql(), s -> new ArrayList<>()).add(w.args());
                }
            }
            if (statements.isEmpty()) {
                break;
            }
            for (Map.Entry<String, List<Object[]>> s : statements.entrySet()) {
                if (s.getValue().size() == 1) {
                    jdbc.update(s.getKey(), s.getValue().get(0));
                } else {
                    jdbc.batchUpdate(s.getKey(), s.getValue());
                }
                calls++;
            }
        }
        byKey.clear();
        return calls;
    }
}
