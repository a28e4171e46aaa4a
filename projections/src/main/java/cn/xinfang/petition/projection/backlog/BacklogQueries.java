package cn.xinfang.petition.projection.backlog;

import cn.xinfang.petition.api.PhoneNumber;
import cn.xinfang.petition.api.ResidentIdNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static cn.xinfang.petition.projection.support.Sql.instant;

/** Answers backlog ledger queries from {@code backlog_case}; personal data leaves here masked unless revealed. */
@Component
public class BacklogQueries {

    private final JdbcTemplate jdbc;

    public BacklogQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<BacklogEntry> find(FindBacklogQuery q) {
        StringBuilder where = new StringBuilder(" where escalated = true");
        List<Object> args = new ArrayList<>();
        if (q.unit() != null) {
            where.append(" and unit = ?");
            args.add(q.unit());
        }
        if (q.leader() != null) {
            where.append(" and leader = ?");
            args.add(q.leader());
        }
        if ("OPEN".equals(q.outcome())) {
            where.append(" and outcome is null");
        } else if (q.outcome() != null) {
            where.append(" and outcome = ?");
            args.add(q.outcome());
        }
        if (q.field() != null) {
            where.append(" and field = ?");
            args.add(q.field());
        }
        return jdbc.query("select * from backlog_case" + where + " order by escalated_at, case_no", (rs, i) -> {
            String id = rs.getString("id_number");
            String phone = rs.getString("phone");
            Instant assigned = instant(rs, "assigned_at");
            Instant last = instant(rs, "last_progress_at");
            Instant since = last != null ? last : assigned;
            Long days = since == null ? null
                    : ChronoUnit.DAYS.between(LocalDate.ofInstant(since, q.zone()), LocalDate.ofInstant(q.now(), q.zone()));
            Date target = rs.getDate("plan_target_date");
            String reasons = rs.getString("reasons");
            String progressStatus = rs.getString("progress_status");
            return new BacklogEntry(rs.getString("case_id"), rs.getString("case_no"), rs.getString("subject"),
                    rs.getString("category"), rs.getString("field"), rs.getString("unit"), rs.getString("status"),
                    new BacklogEntry.Petitioner(rs.getString("petitioner_name"), q.reveal() ? id : ResidentIdNumber.mask(id),
                            q.reveal() ? phone : PhoneNumber.mask(phone), !q.reveal()),
                    reasons == null || reasons.isBlank() ? List.of() : Arrays.asList(reasons.split(",")),
                    instant(rs, "escalated_at"), rs.getString("leader"), rs.getString("leader_unit"),
                    rs.getString("plan_crux") == null ? null : new BacklogEntry.Plan(rs.getString("plan_crux"),
                            rs.getString("plan_measures"), rs.getString("plan_responsible"),
                            target == null ? null : target.toLocalDate()),
                    assigned,
                    last == null ? null : new BacklogEntry.LastProgress(rs.getString("last_progress_kind"),
                            rs.getString("last_progress_text"), last),
                    days,
                    progressStatus == null ? null : new BacklogEntry.LeaderProgress(progressStatus, instant(rs, "progress_due")),
                    rs.getString("outcome"), rs.getString("outcome_text"), instant(rs, "settled_at"), instant(rs, "registered_at"));
        }, args.toArray());
    }
}
