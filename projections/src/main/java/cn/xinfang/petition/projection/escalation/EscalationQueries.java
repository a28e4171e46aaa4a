package cn.xinfang.petition.projection.escalation;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.xinfang.petition.projection.support.Sql.instant;

/** Answers {@link FindEscalationsQuery}: cases with at least one escalation, most recently escalated first. */
@Component
public class EscalationQueries {

    private final JdbcTemplate jdbc;

    public EscalationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<EscalatedCase> find(FindEscalationsQuery q) {
        StringBuilder sql = new StringBuilder("""
                select c.case_id, c.case_no, c.subject, c.unit, c.status, e.reason, e.leader, e.plan, e.stage, e.by_user, e.by_role, e.at_time
                  from escalation_case c join escalation_entry e on e.case_id = c.case_id where 1 = 1""");
        List<Object> args = new ArrayList<>();
        if (q.open() != null) {
            sql.append(q.open() ? " and c.status = 'OPEN'" : " and c.status <> 'OPEN'");
        }
        if (q.unit() != null && !q.unit().isBlank()) {
            sql.append(" and c.unit = ?");
            args.add(q.unit());
        }
        sql.append(" order by c.case_id, e.at_time, e.event_id");
        Map<String, EscalatedCase> byCase = new LinkedHashMap<>();
        Map<String, List<EscalatedCase.Entry>> entries = new LinkedHashMap<>();
        jdbc.query(sql.toString(), rs -> {
            String id = rs.getString("case_id");
            byCase.computeIfAbsent(id, k -> {
                try {
                    return new EscalatedCase(k, rs.getString("case_no"), rs.getString("subject"), rs.getString("unit"),
                            rs.getString("status"), null);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            entries.computeIfAbsent(id, k -> new ArrayList<>()).add(new EscalatedCase.Entry(rs.getString("reason"),
                    rs.getString("leader"), rs.getString("plan"), rs.getString("stage"), rs.getString("by_user"),
                    rs.getString("by_role"), instant(rs, "at_time")));
        }, args.toArray());
        List<EscalatedCase> result = new ArrayList<>();
        byCase.forEach((id, c) -> result.add(new EscalatedCase(c.caseId(), c.caseNo(), c.subject(), c.unit(), c.status(),
                List.copyOf(entries.get(id)))));
        result.sort((a, b) -> b.escalations().get(b.escalations().size() - 1).at()
                .compareTo(a.escalations().get(a.escalations().size() - 1).at()));
        return result;
    }
}
