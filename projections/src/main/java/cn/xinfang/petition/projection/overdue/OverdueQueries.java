package cn.xinfang.petition.projection.overdue;

import cn.xinfang.petition.time.BusinessTime;
import cn.xinfang.petition.time.TimeRules;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

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
 * {@code time_limit_run_unit_stopped} and {@code time_limit_run_unit_stop_recorded} answer with the
 * unit (running, stopped after T, stop recorded after K), so a unit's list costs what can still be
 * open, not every run the unit ever had (PostgreSQL combines them with a bitmap OR). The list of all
 * units reads every run (Flyway V94 says why the indexes lead with the unit).
 */
@Component
public class OverdueQueries {

    private static final String OPEN_AT = """
            select r.case_id, r.case_no, r.subject, r.unit, r.stage, r.rule, r.started_at, d.due_at, d.warning_at,
                   r.warned_recorded_at, r.breached_recorded_at
              from time_limit_run r
              join time_limit_due d on d.run_id = r.run_id
             where r.started_at <= ? and r.started_recorded_at <= ?
               and (r.stopped_at is null or r.stopped_at > ? or r.stopped_recorded_at > ?)
               and d.version_no = (select max(d2.version_no) from time_limit_due d2
                                    where d2.run_id = r.run_id and d2.effective_at <= ? and d2.recorded_at <= ?)
            """;

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

    /** The parameters of {@link #OPEN_AT} for T and K. */
    private static List<Object> openAtArgs(Instant t, Instant k) {
        return new ArrayList<>(List.of(ts(t), ts(k), ts(t), ts(k), ts(t), ts(k)));
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
        jdbc.query(OPEN_AT + " and r.case_id in (" + placeholders(caseIds.size())
                        + ") order by d.due_at, r.stage",
                rs -> {
                    OpenTimeLimit l = open(rs, t, k, time);
                    out.get(l.caseId()).add(l);
                }, args.toArray());
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
            dueCondition = " and d.due_at < ?";
            dueArgs = List.of(ts(t));
        } else {
            FindUpcomingQuery q = (FindUpcomingQuery) list;
            t = q.asOf();
            k = q.knownAt();
            unit = q.unit();
            dueCondition = " and d.due_at >= ? and d.due_at <= ?";
            dueArgs = List.of(ts(t), ts(t.plus(q.within())));
        }
        List<Object> args = openAtArgs(t, k);
        StringBuilder where = new StringBuilder(dueCondition);
        args.addAll(dueArgs);
        if (unit != null && !unit.isBlank()) {
            where.append(" and r.unit = ?");
            args.add(unit);
        }
        boolean paged = size > 0;
        String sql = (paged ? "select count(*) over () as total," + OPEN_AT.substring("select".length()) : OPEN_AT) + where
                + " order by d.due_at, r.case_no, r.stage" + (paged ? " limit ? offset ?" : "");
        List<Object> pageArgs = new ArrayList<>(args);
        if (paged) {
            pageArgs.add(size);
            pageArgs.add((long) page * size);
        }
        BusinessTime time = rules.calculator().time();
        long[] total = {0};
        List<OpenTimeLimit> items = jdbc.query(sql, (rs, i) -> {
            if (paged) {
                total[0] = rs.getLong("total");
            }
            return open(rs, t, k, time);
        }, pageArgs.toArray());
        if (!paged) {
            return new OpenTimeLimitPage(items.size(), 0, items.size(), items);
        }
        if (items.isEmpty() && page > 0) {
            Long n = jdbc.queryForObject("select count(*) from (" + OPEN_AT + where + ") l", Long.class, args.toArray());
            total[0] = n == null ? 0 : n;
        }
        return new OpenTimeLimitPage(total[0], page, size, items);
    }
}
