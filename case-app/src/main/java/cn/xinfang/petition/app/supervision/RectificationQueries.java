package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.LimitUnit;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.supervision.SupervisionViews.Rectification;
import cn.xinfang.petition.app.supervision.SupervisionViews.Step;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static cn.xinfang.petition.projection.support.Sql.instant;

/** Reads rectifications from their read model; units see their own, supervisors and auditors all. */
@Service
public class RectificationQueries {

    /** The list filters: OPEN (open or reopened, not overdue), REPORTED, OVERDUE, CLOSED, REOPENED. */
    public static final List<String> STATUSES = List.of("OPEN", "REPORTED", "OVERDUE", "CLOSED", "REOPENED");

    private final JdbcTemplate jdbc;

    public RectificationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Rectification get(Account who, String id) {
        List<Rectification> found = jdbc.query("select * from rectification where id = ?", (rs, i) -> row(rs, true), id);
        if (found.isEmpty()) {
            throw ServiceException.notFound("rectification-not-found", "the rectification does not exist; check the id",
                    "整改记录不存在，请核对编号");
        }
        SupervisionAccess.requireUnit(who, found.get(0).unit());
        return found.get(0);
    }

    public List<Rectification> list(Account who, String unit, String status) {
        String u = SupervisionAccess.seesEveryUnit(who) ? unit : who.unit();
        StringBuilder sql = new StringBuilder("select * from rectification where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (u != null && !u.isBlank()) {
            sql.append(" and unit = ?");
            args.add(u);
        }
        if (status != null) {
            switch (status) {
                case "OPEN" -> sql.append(" and status in ('OPEN', 'REOPENED') and breached_at is null");
                case "OVERDUE" -> sql.append(" and status in ('OPEN', 'REOPENED') and breached_at is not null");
                default -> {
                    sql.append(" and status = ?");
                    args.add(status);
                }
            }
        }
        sql.append(" order by due_at, id");
        return jdbc.query(sql.toString(), (rs, i) -> row(rs, false), args.toArray());
    }

    /** The unit of a rectification, for the access check before a command. */
    String unitOf(String id) {
        List<String> u = jdbc.queryForList("select unit from rectification where id = ?", String.class, id);
        if (u.isEmpty()) {
            throw ServiceException.notFound("rectification-not-found", "the rectification does not exist; check the id",
                    "整改记录不存在，请核对编号");
        }
        return u.get(0);
    }

    private Rectification row(ResultSet rs, boolean withSteps) throws SQLException {
        String id = rs.getString("id");
        String stored = rs.getString("status");
        boolean open = stored.equals("OPEN") || stored.equals("REOPENED");
        boolean overdue = open && rs.getObject("breached_at") != null;
        String status = overdue ? "OVERDUE" : stored;
        String x = rs.getString("explanation");
        SupervisionViews.Explanation explanation = null;
        if (x != null) {
            String[] parts = x.split("\n\u001E\n", 2);
            explanation = new SupervisionViews.Explanation(parts[0], parts.length > 1 ? parts[1] : null);
        }
        List<Step> steps = withSteps ? jdbc.query("select * from rectification_step where rectification_id = ? order by recorded_at, at_time",
                (r, i) -> new Step(r.getString("kind"), r.getString("text"), r.getString("by_user"), instant(r, "at_time"),
                        instant(r, "recorded_at")), id) : List.of();
        return new Rectification(id, rs.getString("inspection_id"), rs.getInt("finding"), rs.getString("unit"),
                rs.getString("requirement"), new LimitAmount(rs.getLong("limit_amount"), LimitUnit.valueOf(rs.getString("limit_unit"))),
                instant(rs, "started_at"), instant(rs, "due_at"), instant(rs, "warning_at"), explanation, status, overdue,
                instant(rs, "warned_at"), instant(rs, "breached_at"), rs.getInt("breaches"), instant(rs, "reported_at"),
                rs.getString("report_text"), instant(rs, "verified_at"), rs.getString("verification_text"), rs.getInt("reopened"),
                instant(rs, "closed_at"), rs.getString("issued_by"), instant(rs, "issued_at"), steps);
    }
}
