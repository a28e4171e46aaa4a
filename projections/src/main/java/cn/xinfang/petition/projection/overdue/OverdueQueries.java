package cn.xinfang.petition.projection.overdue;

import cn.xinfang.petition.time.BusinessTime;
import cn.xinfang.petition.time.TimeRules;
import org.axonframework.queryhandling.QueryHandler;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlProvider;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.xinfang.petition.projection.support.Sql.instant;
import static cn.xinfang.petition.projection.support.Sql.placeholders;
import static cn.xinfang.petition.projection.support.Sql.ts;

/**
 * Answers the overdue and soon-due lists. A run counts at instant T, as known at K, when it had
 * started by T (recorded by K) and had not stopped by T (or its stop was recorded after K); its
 * due instant is the latest version that applied by T and was recorded by K.
 *
 * <p>"Not stopped by T as known at K" is written as three conditions the indexes
 * {@code time_limit_run_unit_stopped_due} and {@code time_limit_run_unit_stop_recorded} answer with the
 * unit (running, stopped after T, stop recorded after K), so a unit's list costs what can still be
 * open, not every run the unit ever had (PostgreSQL combines them with a bitmap OR); for the running
 * ones the first index also holds the due instant, so the overdue list of "now" reads the runs past due
 * only (Flyway V95). The list of all units reads every run (Flyway V94 says why the indexes lead with the unit).
 */
@Component
public class OverdueQueries {

    /** A run's columns in the lists; its due instants ({@code due_at, warning_at}) from the table named by the argument. */
    private static final String COLUMNS = "r.case_id, r.case_no, r.subject, r.unit, r.stage, r.rule, r.started_at, %1$s.due_at, "
            + "%1$s.warning_at, r.warned_recorded_at, r.breached_recorded_at";
    /** Started by T (recorded by K) and not stopped by T as known at K. */
    private static final String OPEN = """
            r.started_at <= ? and r.started_recorded_at <= ?
               and (r.stopped_at is null or r.stopped_at > ? or r.stopped_recorded_at > ?)""";
    /**
     * The runs open at T as known at K with the due version that applied, as {@code l}; conditions on {@code l} follow
     * ({@code where 1 = 1 and …}). When the run's latest version applied by T and was recorded by K (for "now", nearly
     * every run), it is the one that applied, and its copy in the run's row is read (first part); only the others (a
     * later version not yet effective at T or recorded after K) look up their versions (second part). PostgreSQL
     * moves the conditions on {@code l} into both parts, so the first reads a unit's overdue runs from
     * {@code time_limit_run_unit_stopped_due} without visiting the runs that are not due.
     */
    private static final String OPEN_AT = "select l.* from (select " + COLUMNS.formatted("r") + " from time_limit_run r where " + OPEN
            + " and r.due_effective_at <= ? and r.due_recorded_at <= ? union all select " + COLUMNS.formatted("d")
            + " from time_limit_run r join time_limit_due d on d.run_id = r.run_id where " + OPEN + """
             and (r.due_version is null or r.due_effective_at > ? or r.due_recorded_at > ?)
               and d.version_no = (select max(d2.version_no) from time_limit_due d2
                                    where d2.run_id = r.run_id and d2.effective_at <= ? and d2.recorded_at <= ?)
            ) l where 1 = 1""";

    /** The overdue list's condition: due before T. */
    private static final String DUE_BEFORE = " and l.due_at < ?";
    /** One unit's runs. */
    private static final String IN_UNIT = " and l.unit = ?";

    private final JdbcTemplate jdbc;
    private final TimeRules rules;

    public OverdueQueries(JdbcTemplate jdbc, TimeRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    @QueryHandler
    public List<OpenTimeLimit> find(FindOverdueQuery q) {
        return query(q, 0, 0).items();
    }

    @QueryHandler
    public List<OpenTimeLimit> find(FindUpcomingQuery q) {
        return query(q, 0, 0).items();
    }

    /**
     * A page of either list. The page and the size of the whole list come from one statement
     * ({@code count(*) over ()}, counted before the limit); only a page past the end needs a count of its own.
     */
    @QueryHandler
    public OpenTimeLimitPage find(FindTimeLimitPageQuery q) {
        return query(q.list(), q.page(), q.size());
    }

    /** The parameters of {@link #OPEN_AT} for T and K: T and K in turn, seven times. */
    private static List<Object> openAtArgs(Instant t, Instant k) {
        List<Object> args = new ArrayList<>(14);
        for (int i = 0; i < 7; i++) {
            args.add(ts(t));
            args.add(ts(k));
        }
        return args;
    }

    /**
     * The stages of these cases running at T as known at K, most urgent first, each case's in its own list (an empty
     * list for a case with none): lateness for those past due at T, the time left for the others.
     */
    public Map<String, List<OpenTimeLimit>> runningOf(List<String> caseIds, Instant t, Instant k) {
        Map<String, List<OpenTimeLimit>> out = new LinkedHashMap<>();
        caseIds.forEach(id -> out.put(id, new ArrayList<>()));
        if (caseIds.isEmpty()) {
            return out;
        }
        List<Object> args = openAtArgs(t, k);
        args.addAll(caseIds);
        BusinessTime time = rules.calculator().time();
        jdbc.query(plannedEachRun(OPEN_AT + " and l.case_id in (" + placeholders(caseIds.size())
                        + ") order by l.due_at, l.stage", args.toArray()),
                (RowCallbackHandler) rs -> {
                    OpenTimeLimit l = open(rs, t, k, time);
                    out.get(l.caseId()).add(l);
                });
        return out;
    }

    /** The run at the cursor, open at T as known at K: past due at T (lateness) or not yet (time left). */
    private static OpenTimeLimit open(ResultSet rs, Instant t, Instant k, BusinessTime time) throws SQLException {
        Instant due = instant(rs, "due_at");
        Instant warnedAt = instant(rs, "warned_recorded_at");
        Instant breachedAt = instant(rs, "breached_recorded_at");
        boolean overdue = due.isBefore(t);
        return new OpenTimeLimit(rs.getString("case_id"), rs.getString("case_no"), rs.getString("subject"),
                rs.getString("unit"), rs.getString("stage"), rs.getString("rule"), instant(rs, "started_at"), due,
                instant(rs, "warning_at"),
                // raised by T (the warning instant, the due instant) and recorded by K
                warnedAt != null && !warnedAt.isAfter(k) && !instant(rs, "warning_at").isAfter(t),
                breachedAt != null && !breachedAt.isAfter(k) && overdue,
                overdue ? Duration.between(due, t) : null, overdue ? time.workingTimeBetween(due, t) : null,
                overdue ? null : Duration.between(t, due), overdue ? null : time.workingTimeBetween(t, due));
    }

    /**
     * The statement of a list: {@link #OPEN_AT} with the conditions {@code where} ({@code and l.…}), most urgent first;
     * {@code paged}: with the size of the whole list ({@code total}) and {@code limit ? offset ?}.
     */
    static String listStatement(String where, boolean paged) {
        return (paged ? "select count(*) over () as total," + OPEN_AT.substring("select".length()) : OPEN_AT) + where
                + " order by l.due_at, l.case_no, l.stage" + (paged ? " limit ? offset ?" : "");
    }

    /**
     * The statement of a page of a unit's overdue list as {@link #find(FindTimeLimitPageQuery)} sends it, its parameters
     * {@code ?}: T and K in turn seven times, T (due before), the unit, the page's size and offset. For plan tests.
     */
    public static String unitOverduePageStatement() {
        return listStatement(DUE_BEFORE + IN_UNIT, true);
    }

    /**
     * A list's statement, planned for its arguments each time it runs. On PostgreSQL it is never a server-side prepared
     * statement (the driver makes one of a statement's fifth run on a connection), whose plan the server may then keep
     * for any arguments: that generic plan reads a unit's overdue page 17 times slower than the plan for the instant
     * asked (30 against 1.7 ms at the benchmark's full size, docs/performance.md). While the server plans a prepared
     * statement for its arguments (its first five runs, and after them as long as its estimates favour it), it plans
     * as much as this does: what this adds is a parse per run.
     */
    static PreparedStatementCreator plannedEachRun(String sql, Object[] args) {
        return new PlannedEachRun(sql, args);
    }

    /** {@link #plannedEachRun}; its statement text goes into Spring's exception messages. */
    private record PlannedEachRun(String sql, Object[] args) implements PreparedStatementCreator, SqlProvider {

        @Override
        public PreparedStatement createPreparedStatement(Connection con) throws SQLException {
            PreparedStatement ps = con.prepareStatement(sql);
            try {
                if (ps.isWrapperFor(PGStatement.class)) {
                    ps.unwrap(PGStatement.class).setPrepareThreshold(0);
                }
                new ArgumentPreparedStatementSetter(args).setValues(ps);
                return ps;
            } catch (SQLException | RuntimeException e) {
                try {
                    ps.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }

        @Override
        public String getSql() {
            return sql;
        }
    }

    /** The list, or with {@code size > 0} the page {@code page} of it. */
    private OpenTimeLimitPage query(TimeLimitListQuery list, int page, int size) {
        Instant t;
        Instant k;
        String unit;
        String dueCondition;
        List<Object> dueArgs;
        if (list instanceof FindOverdueQuery q) {
            t = q.asOf();
            k = q.knownAt();
            unit = q.unit();
            dueCondition = DUE_BEFORE;
            dueArgs = List.of(ts(t));
        } else {
            FindUpcomingQuery q = (FindUpcomingQuery) list;
            t = q.asOf();
            k = q.knownAt();
            unit = q.unit();
            dueCondition = " and l.due_at >= ? and l.due_at <= ?";
            dueArgs = List.of(ts(t), ts(t.plus(q.within())));
        }
        List<Object> args = openAtArgs(t, k);
        StringBuilder where = new StringBuilder(dueCondition);
        args.addAll(dueArgs);
        if (unit != null && !unit.isBlank()) {
            where.append(IN_UNIT);
            args.add(unit);
        }
        boolean paged = size > 0;
        String sql = listStatement(where.toString(), paged);
        List<Object> pageArgs = new ArrayList<>(args);
        if (paged) {
            pageArgs.add(size);
            pageArgs.add((long) page * size);
        }
        BusinessTime time = rules.calculator().time();
        long[] total = {0};
        List<OpenTimeLimit> items = jdbc.query(plannedEachRun(sql, pageArgs.toArray()), (rs, i) -> {
            if (paged) {
                total[0] = rs.getLong("total");
            }
            return open(rs, t, k, time);
        });
        if (!paged) {
            return new OpenTimeLimitPage(items.size(), 0, items.size(), items);
        }
        if (items.isEmpty() && page > 0) {
            total[0] = jdbc.query(plannedEachRun("select count(*) from (" + OPEN_AT + where + ") c", args.toArray()),
                    (ResultSetExtractor<Long>) rs -> rs.next() ? rs.getLong(1) : 0L);
        }
        return new OpenTimeLimitPage(total[0], page, size, items);
    }
}
