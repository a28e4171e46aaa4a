package cn.xinfang.petition.projection.worklist;

import cn.xinfang.petition.projection.ledger.CaseCounts;
import cn.xinfang.petition.projection.ledger.LedgerEntry;
import cn.xinfang.petition.projection.ledger.LedgerQueries;
import cn.xinfang.petition.projection.overdue.OpenTimeLimit;
import cn.xinfang.petition.projection.overdue.OverdueQueries;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.xinfang.petition.projection.support.Sql.placeholders;

/**
 * Answers the work list from the ledger, whatever the number of open cases: one statement orders the open
 * cases by the due instant of their current stage ({@code ledger_case.current_due}, the running stage due
 * first, kept by the ledger) and counts them, reading only the columns it orders by; then the page's rows
 * by their keys, and their running stages from the overdue view. The work list of all units reads only
 * the page's entries: one ordered read of {@code ledger_case_open_due} per open status, merged, and the
 * number of open cases from the ledger's counts ({@code ledger_case_count}).
 */
@Component
public class WorklistQueries {

    /** The statuses of a case still being handled. */
    public static final List<String> OPEN_STATUSES = List.of("REGISTERED", "SIGNED", "ACCEPTED", "OPINION_GIVEN");

    private final JdbcTemplate jdbc;
    private final OverdueQueries overdue;

    public WorklistQueries(JdbcTemplate jdbc, OverdueQueries overdue) {
        this.jdbc = jdbc;
        this.overdue = overdue;
    }

    /**
     * The work list's order: the current stage due first, cases without one last; the case's number, then its key
     * (numbers need not be unique), so a page follows the one before it without a case twice or left out. The order
     * of the index {@code ledger_case_open_due} (status, current_due, case_no, case_id) within a status.
     */
    private static final String ORDER = "order by current_due nulls last, case_no, case_id";

    /** The condition every page starts from, its parameters {@link #OPEN_STATUSES}: the case is open. */
    private static final String OPEN_CASES = " where c.status in (" + placeholders(OPEN_STATUSES.size()) + ")";

    /** The statement of a page's keys and the number of matching cases, for the conditions {@code where}. */
    private static String pageStatement(String where) {
        return "select count(*) over () as total, c.case_id from ledger_case c" + where + " " + ORDER + " limit ? offset ?";
    }

    /**
     * The statement of a page's keys of the work list of all units, for {@code statuses} statuses: of each status the
     * cases up to the page's end in the order of the index {@code ledger_case_open_due} (status, current_due, case_no),
     * then those merged and the page taken. Each part reads as many entries as the page needs, not every open case of
     * its status. Its parameters: each status with the page's end (size + offset), then the page's size and offset.
     */
    private static String allUnitsPageStatement(int statuses) {
        return "select c.case_id from (" + String.join(" union all ", Collections.nCopies(statuses,
                "(select case_id, current_due, case_no from ledger_case where status = ? " + ORDER + " limit ?)"))
                + ") c " + ORDER + " limit ? offset ?";
    }

    /**
     * The statement of a page of the work list of all units as {@link #find} sends it, its parameters {@code ?}: each
     * open status ({@link #OPEN_STATUSES}) with the page's end, then the page's size and offset. For plan tests.
     */
    public static String allUnitsPageStatement() {
        return allUnitsPageStatement(OPEN_STATUSES.size());
    }

    @QueryHandler
    public Worklist find(FindWorklistQuery q) {
        long offset = (long) q.page() * q.size();
        if (q.unit() == null && q.stage() == null) {
            List<String> statuses = q.status() == null ? OPEN_STATUSES
                    : OPEN_STATUSES.contains(q.status()) ? List.of(q.status()) : List.of();
            long total = CaseCounts.cases(jdbc, null, statuses);
            if (statuses.isEmpty()) {
                return new Worklist(total, q.page(), q.size(), List.of());
            }
            List<Object> args = new ArrayList<>();
            for (String status : statuses) {
                args.add(status);
                args.add(offset + q.size());
            }
            args.add(q.size());
            args.add(offset);
            List<String> ids = jdbc.queryForList(allUnitsPageStatement(statuses.size()), String.class, args.toArray());
            return page(q, offset, total, ids);
        }
        StringBuilder where = new StringBuilder(OPEN_CASES);
        List<Object> args = new ArrayList<>(OPEN_STATUSES);
        if (q.status() != null) {
            where.append(" and c.status = ?");
            args.add(q.status());
        }
        if (q.unit() != null) {
            where.append(" and c.unit = ?");
            args.add(q.unit());
        }
        if (q.stage() != null) {
            where.append(" and exists (select 1 from ledger_stage s where s.case_id = c.case_id and s.stage = ?)");
            args.add(q.stage());
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.size());
        pageArgs.add(offset);
        long[] total = {0};
        List<String> ids = jdbc.query(pageStatement(where.toString()), (rs, i) -> {
            total[0] = rs.getLong("total");
            return rs.getString("case_id");
        }, pageArgs.toArray());
        if (ids.isEmpty()) {
            Long n = offset == 0 ? Long.valueOf(0) : jdbc.queryForObject("select count(*) from ledger_case c" + where, Long.class, args.toArray());
            return new Worklist(n == null ? 0 : n, q.page(), q.size(), List.of());
        }
        return page(q, offset, total[0], ids);
    }

    /** The page of these cases' keys, in this order: their ledger rows and running stages. */
    private Worklist page(FindWorklistQuery q, long offset, long total, List<String> ids) {
        if (ids.isEmpty()) {
            return new Worklist(total, q.page(), q.size(), List.of());
        }
        Map<String, Integer> position = new HashMap<>();
        ids.forEach(id -> position.put(id, position.size()));
        Map<String, LedgerEntry> rows = new HashMap<>();
        jdbc.query("select * from ledger_case where case_id in (" + placeholders(ids.size()) + ")", rs -> {
            LedgerEntry e = LedgerQueries.entry(rs, offset + position.get(rs.getString("case_id")) + 1);
            rows.put(e.caseId(), e);
        }, ids.toArray());
        Map<String, List<OpenTimeLimit>> running = overdue.runningOf(ids, q.now(), q.now());
        List<Worklist.Item> items = new ArrayList<>();
        for (String id : ids) {
            LedgerEntry e = rows.get(id);
            if (e != null) { // gone between the two statements (a rebuild reset the ledger): left out of this page
                items.add(new Worklist.Item(e, running.get(id)));
            }
        }
        return new Worklist(total, q.page(), q.size(), items);
    }
}
