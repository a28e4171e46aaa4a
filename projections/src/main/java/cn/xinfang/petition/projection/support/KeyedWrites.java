package cn.xinfang.petition.projection.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A view's writes of one batch of events, sent as JDBC batches just before the batch commits
 * (issue 18: a view that writes one statement per event spends most of a rebuild on round trips).
 * Each write names the key whose rows it touches (for the views here: the case); writes of one key
 * run in the order they were made, writes of different keys must touch different rows, so they may
 * run in any order. The writes are sent in rounds: the first write of every key, then the second,
 * and so on; within a round, one JDBC batch per statement. An insert of one row of plain parameters
 * ({@code insert into t (…) values (?, …, ?)}, optionally {@code on conflict do nothing}) made by
 * several keys in a round goes out as multi-row inserts instead: the database executes one statement
 * for up to {@value #MAX_ROWS} rows (and {@value #MAX_PARAMETERS} parameters), not one per row (a JDBC
 * batch saves the round trips only). Their row counts are powers of two, so each insert has at most
 * nine statement texts (a view whose inserts name different columns has that many per set of
 * columns). Outside a unit of work a write runs at once.
 */
public final class KeyedWrites {

    private record Write(String sql, Object[] args) {
    }

    /** The most rows one multi-row insert carries (a power of two). */
    static final int MAX_ROWS = 256;
    /** The most parameters one statement carries (PostgreSQL's protocol allows 32,767). */
    static final int MAX_PARAMETERS = 32_767;

    /** An insert of one row of parameters only: the part before the row, the row, what follows. */
    private static final Pattern ONE_ROW_INSERT = Pattern.compile(
            "(?i)(insert into \\w+ \\([\\w\\s,]+\\) values )(\\((?:\\s*\\?\\s*,)*\\s*\\?\\s*\\))((?: on conflict do nothing)?)");

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
                calls += send(s.getKey(), s.getValue());
            }
        }
        byKey.clear();
        return calls;
    }

    /** Runs {@code sql} once per row of arguments; answers the number of JDBC calls made. */
    private int send(String sql, List<Object[]> rows) {
        if (rows.size() == 1) {
            jdbc.update(sql, rows.get(0));
            return 1;
        }
        Matcher insert = ONE_ROW_INSERT.matcher(sql);
        if (!insert.matches()) {
            jdbc.batchUpdate(sql, rows);
            return 1;
        }
        int calls = 0;
        int most = Math.min(MAX_ROWS, Integer.highestOneBit(Math.max(1, MAX_PARAMETERS / Math.max(1, rows.get(0).length))));
        for (int from = 0; from < rows.size(); ) {
            int n = Math.min(most, Integer.highestOneBit(rows.size() - from));
            List<Object[]> chunk = rows.subList(from, from + n);
            if (n == 1) {
                jdbc.update(sql, chunk.get(0));
            } else {
                StringJoiner values = new StringJoiner(", ", insert.group(1), insert.group(3));
                List<Object> args = new ArrayList<>(n * chunk.get(0).length);
                for (Object[] row : chunk) {
                    values.add(insert.group(2));
                    args.addAll(Arrays.asList(row));
                }
                jdbc.update(values.toString(), args.toArray());
            }
            calls++;
            from += n;
        }
        return calls;
    }
}
