package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.app.supervision.SupervisionViews.FigureItem;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.xinfang.petition.projection.support.Sql.instant;
import static cn.xinfang.petition.projection.support.Sql.ts;

/**
 * The figures from the case projections (ledger, overdue, escalations) and from this feature's own
 * tables (inspections, rectifications, skip-level records). A case counts in the phase it was
 * registered in; a stage run in the phase it started in; an inspection on its date; a rectification
 * on its inspection's date.
 */
@Component
@Order(0)
public class CaseFigures implements CampaignFigureSource {

    private final JdbcTemplate jdbc;
    private final Map<String, Query> queries = new LinkedHashMap<>();

    private record Query(String kind, String sql) {
    }

    private final java.time.ZoneId zone;

    public CaseFigures(JdbcTemplate jdbc, cn.xinfang.petition.time.TimeRules rules) {
        this.jdbc = jdbc;
        this.zone = rules.zone();
        String cases = "select c.case_id as id, c.case_no as case_no, c.subject as label, c.registered_at as at from ledger_case c "
                + "where c.unit = ? and c.registered_at >= ? and c.registered_at < ?";
        String runs = "select r.run_id as id, r.case_no as case_no, r.stage as label, r.started_at as at from time_limit_run r "
                + "where r.unit = ? and r.started_at >= ? and r.started_at < ?";
        queries.put("casesRegistered", new Query("case", cases + " order by c.registered_at"));
        queries.put("acceptStopped", new Query("run", runs + " and r.stage = 'ACCEPT' and r.met is not null order by r.started_at"));
        queries.put("acceptOnTime", new Query("run", runs + " and r.stage = 'ACCEPT' and r.met = true order by r.started_at"));
        queries.put("opinionStopped", new Query("run", runs + " and r.stage = 'OPINION' and r.met is not null order by r.started_at"));
        queries.put("opinionOnTime", new Query("run", runs + " and r.stage = 'OPINION' and r.met = true order by r.started_at"));
        queries.put("responded", new Query("case", cases + " and c.responded_at is not null order by c.registered_at"));
        queries.put("meetingsHeld", new Query("case",
                "select c.case_id as id, c.case_no as case_no, c.subject as label, c.registered_at as at from ledger_case c "
                        + "where c.unit = ? and c.registered_at >= ? and c.registered_at < ? and c.handling_meeting_at is not null "
                        + "and c.handling_meeting_waived = false union all "
                        + "select c.case_id, c.case_no, c.subject, c.registered_at from ledger_case c "
                        + "where c.unit = ? and c.registered_at >= ? and c.registered_at < ? and c.conclusion_meeting_at is not null "
                        + "and c.conclusion_meeting_waived = false"));
        queries.put("meetingsWaived", new Query("case",
                "select c.case_id as id, c.case_no as case_no, c.subject as label, c.registered_at as at from ledger_case c "
                        + "where c.unit = ? and c.registered_at >= ? and c.registered_at < ? and c.handling_meeting_waived = true union all "
                        + "select c.case_id, c.case_no, c.subject, c.registered_at from ledger_case c "
                        + "where c.unit = ? and c.registered_at >= ? and c.registered_at < ? and c.conclusion_meeting_waived = true"));
        queries.put("breaches", new Query("run", runs + " and r.breached_recorded_at is not null order by r.started_at"));
        queries.put("escalationsOpen", new Query("case",
                "select e.case_id as id, e.case_no as case_no, e.subject as label, c.registered_at as at from escalation_case e "
                        + "join ledger_case c on c.case_id = e.case_id where e.unit = ? and c.registered_at >= ? and c.registered_at < ? "
                        + "and e.status = 'OPEN' order by c.registered_at"));
        String inspections = "select i.id as id, null as case_no, i.kind as label, i.created_at as at from inspection i "
                + "where i.unit = ? and i.inspection_date >= ? and i.inspection_date < ?";
        queries.put("inspections", new Query("inspection", inspections + " order by i.inspection_date"));
        String rect = "select r.id as id, null as case_no, r.requirement as label, r.due_at as at from rectification r "
                + "join inspection i on i.id = r.inspection_id where r.unit = ? and i.inspection_date >= ? and i.inspection_date < ?";
        queries.put("rectificationsOpen", new Query("rectification", rect + " and r.status in ('OPEN', 'REOPENED', 'REPORTED') and r.breached_at is null order by r.due_at"));
        queries.put("rectificationsClosed", new Query("rectification", rect + " and r.status = 'CLOSED' order by r.due_at"));
        queries.put("rectificationsOverdue", new Query("rectification", rect + " and r.status in ('OPEN', 'REOPENED') and r.breached_at is not null order by r.due_at"));
        queries.put("skipLevelPetitions", new Query("case",
                "select s.case_id as id, c.case_no as case_no, s.level as label, s.occurred_at as at from skip_level_record s "
                        + "left join ledger_case c on c.case_id = s.case_id where s.unit = ? and s.occurred_at >= ? and s.occurred_at < ? "
                        + "order by s.occurred_at"));
    }

    @Override
    public List<String> figures() {
        return List.copyOf(queries.keySet());
    }

    @Override
    public List<FigureItem> items(String figure, String unit, Instant from, Instant to) {
        Query q = queries.get(figure);
        if (q == null) {
            return List.of();
        }
        boolean byDate = q.kind().equals("inspection") || q.kind().equals("rectification");
        Object f = byDate ? java.time.LocalDate.ofInstant(from, zone) : ts(from);
        Object t = byDate ? java.time.LocalDate.ofInstant(to, zone) : ts(to);
        Object[] args = q.sql().contains("union all") ? new Object[]{unit, f, t, unit, f, t} : new Object[]{unit, f, t};
        return jdbc.query(q.sql(), (rs, i) -> new FigureItem(q.kind(), rs.getString("id"), rs.getString("case_no"),
                rs.getString("label"), instant(rs, "at")), args);
    }
}
