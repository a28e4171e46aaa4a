package cn.xinfang.petition.projection.ledger;

import cn.xinfang.petition.api.PhoneNumber;
import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.projection.support.Sql;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static cn.xinfang.petition.projection.support.Sql.instant;
import static cn.xinfang.petition.projection.support.Sql.ts;

/** Answers ledger queries from {@code ledger_case}. Personal data leaves here masked. */
@Component
public class LedgerQueries {

    private final JdbcTemplate jdbc;

    public LedgerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public LedgerPage find(FindLedgerQuery q) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        eq(where, args, "unit", q.unit());
        eq(where, args, "status", q.status());
        eq(where, args, "track", q.track());
        eq(where, args, "channel", q.channel());
        eq(where, args, "key_field", q.field());
        if (q.from() != null) {
            where.append(" and registered_at >= ?");
            args.add(ts(q.from()));
        }
        if (q.to() != null) {
            where.append(" and registered_at < ?");
            args.add(ts(q.to()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" and (case_no like ? escape '!' or petitioner_name like ? escape '!' or subject like ? escape '!'"
                    + " or content like ? escape '!')");
            String like = Sql.contains(q.text().trim());
            args.addAll(List.of(like, like, like, like));
        }
        if (q.overdue() != null) {
            where.append(q.overdue() ? " and current_due < ?" : " and (current_due is null or current_due >= ?)");
            args.add(ts(q.now()));
        }
        Long total = countedByUnitAndStatus(q)
                ? counted(q)
                : jdbc.queryForObject("select count(*) from ledger_case" + where, Long.class, args.toArray());
        long offset = (long) q.page() * q.size();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.size());
        pageArgs.add(offset);
        String order = q.newestFirst() ? " order by registered_at desc, case_no desc" : " order by registered_at, case_no";
        long[] seq = {offset};
        List<LedgerEntry> items = jdbc.query("select * from ledger_case" + where + order + " limit ? offset ?",
                (rs, i) -> entry(rs, ++seq[0]), pageArgs.toArray());
        return new LedgerPage(total == null ? 0 : total, q.page(), q.size(), items);
    }

    /** Whether the query filters by nothing but the unit and the status, which {@code ledger_case_count} counts. */
    static boolean countedByUnitAndStatus(FindLedgerQuery q) {
        return blank(q.track()) && blank(q.channel()) && blank(q.field()) && q.from() == null && q.to() == null
                && blank(q.text()) && q.overdue() == null;
    }

    /** The number of cases of the query's unit and status (either may be absent), from the counts the ledger keeps. */
    private long counted(FindLedgerQuery q) {
        return CaseCounts.cases(jdbc, blank(q.unit()) ? null : q.unit(), blank(q.status()) ? null : List.of(q.status()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The ledger row at the result set's cursor (every column of {@code ledger_case}), personal data masked. */
    public static LedgerEntry entry(ResultSet rs, long seq) throws SQLException {
        return new LedgerEntry(seq, rs.getString("case_id"), rs.getString("case_no"),
                rs.getString("petitioner_name"), ResidentIdNumber.mask(rs.getString("id_number")),
                PhoneNumber.mask(rs.getString("phone")), rs.getString("address"), rs.getString("subject"),
                rs.getString("content"), rs.getString("channel"), rs.getString("category"), rs.getString("track"),
                rs.getString("unit"), rs.getString("handler"), rs.getString("current_stage"), instant(rs, "current_due"),
                rs.getString("status"), rs.getString("resolution"), rs.getString("satisfaction"), rs.getString("remark"),
                rs.getBoolean("collective"), rs.getBoolean("escalated"), instant(rs, "registered_at"),
                instant(rs, "resolved_at"), instant(rs, "notified_at"), instant(rs, "delivered_at"),
                rs.getString("parent_case_id"), rs.getString("review_level"), rs.getString("key_field"));
    }

    private static void eq(StringBuilder where, List<Object> args, String column, String value) {
        if (!blank(value)) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }
}
