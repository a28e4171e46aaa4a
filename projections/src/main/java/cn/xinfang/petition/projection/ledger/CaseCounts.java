package cn.xinfang.petition.projection.ledger;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.xinfang.petition.projection.support.Sql.placeholders;

/**
 * The ledger's cases counted per unit and status ({@code ledger_case_count}), kept in the same
 * transaction as the rows of {@code ledger_case} they count, so the ledger's total without a filter
 * (or with the unit, the status or both) is a sum of a few rows instead of a count of every case
 * (issue 18: the ledger page of all units spent nearly all of its time counting 200,000 cases).
 *
 * <p>What a batch changes is found by comparing each case's unit and status as stored before the
 * batch's writes with what its writes leave ({@link #before}); a handler applied twice leaves the
 * row as it was and so changes no count. The changes are written last ({@link #flush}), in the order
 * of their keys, so two batches that change the same counts wait for each other and never deadlock.
 */
public final class CaseCounts {

    static final String TABLE = "ledger_case_count";
    /** Cases read back per statement (well below any driver's limit of parameters). */
    private static final int READ_CHUNK = 500;
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::unit).thenComparing(Key::status);

    /** A count's row. */
    record Key(String unit, String status) {
    }

    private final JdbcTemplate jdbc;
    private final Map<Key, Long> changes = new TreeMap<>(ORDER);

    CaseCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The number of the ledger's cases of {@code unit} ({@code null}: every unit) whose status is one of
     * {@code statuses} ({@code null}: any), from the counts.
     */
    public static long cases(JdbcTemplate jdbc, String unit, List<String> statuses) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (unit != null) {
            where.append(" and unit = ?");
            args.add(unit);
        }
        if (statuses != null) {
            if (statuses.isEmpty()) {
                return 0;
            }
            where.append(" and status in (").append(placeholders(statuses.size())).append(")");
            args.addAll(statuses);
        }
        Long n = jdbc.queryForObject("select coalesce(sum(cases), 0) from " + TABLE + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** Reads the stored unit and status of the rows about to be written and notes how the writes change the counts. */
    void before(Map<String, LedgerProjection.CaseRow> rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach((caseId, row) -> {
            if (row.movesCount()) {
                ids.add(caseId);
            }
        });
        if (ids.isEmpty()) {
            return;
        }
        Map<String, Key> stored = new HashMap<>();
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
            jdbc.query("select case_id, unit, status from ledger_case where case_id in (" + placeholders(chunk.size()) + ")",
                    rs -> {
                        stored.put(rs.getString(1), new Key(rs.getString(2), rs.getString(3)));
                    }, chunk.toArray());
        }
        for (String caseId : ids) {
            Key was = stored.get(caseId);
            Key now = rows.get(caseId).after(was);
            if (was != null && !was.equals(now)) {
                changes.merge(was, -1L, Long::sum);
            }
            if (now != null && !now.equals(was)) {
                changes.merge(now, 1L, Long::sum);
            }
        }
    }

    /** Writes the noted changes, in the order of their keys. */
    void flush() {
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> deltas = new ArrayList<>();
        changes.forEach((key, delta) -> {
            if (delta != 0) {
                keys.add(new Object[]{key.unit(), key.status()});
                deltas.add(new Object[]{delta, key.unit(), key.status()});
            }
        });
        changes.clear();
        if (keys.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into " + TABLE + " (unit, status, cases) values (?, ?, 0) on conflict do nothing", keys);
        jdbc.batchUpdate("update " + TABLE + " set cases = cases + ? where unit = ? and status = ?", deltas);
    }
}
