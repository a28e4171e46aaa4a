package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.api.supervision.RectificationEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static cn.xinfang.petition.projection.support.Sql.ts;

/**
 * The rectifications' read model, written from the aggregate's events by a subscribing processor
 * (in the transaction of the command), so that a write's answer and the list that follows agree.
 * Each handler is idempotent (an event handled twice changes nothing more).
 */
@Component
@ProcessingGroup(RectificationProjection.NAME)
public class RectificationProjection {

    public static final String NAME = "supervision-rectifications";

    private final JdbcTemplate jdbc;

    public RectificationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RectificationEvents.Issued e, EventMessage<?> m) {
        if (jdbc.queryForObject("select count(*) from rectification where id = ?", Integer.class, e.rectificationId()) == 0) {
            jdbc.update("insert into rectification (id, inspection_id, finding, unit, requirement, limit_amount, limit_unit, started_at, "
                            + "due_at, warning_at, explanation, status, issued_by, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)",
                    e.rectificationId(), e.inspectionId(), e.finding(), e.unit(), e.requirement(), e.limit().amount(),
                    e.limit().unit().name(), ts(e.start()), ts(e.due()), ts(e.warning()), explanation(e.explanation()),
                    e.actor().userId(), ts(e.recordedAt()));
        }
        step(m, e.rectificationId(), "ISSUED", e.requirement(), e.actor().userId(), e.start(), e.recordedAt());
    }

    @EventHandler
    void on(RectificationEvents.WarningRaised e, EventMessage<?> m) {
        jdbc.update("update rectification set warned_at = ? where id = ? and due_at = ? and warned_at is null",
                ts(e.recordedAt()), e.rectificationId(), ts(e.due()));
        step(m, e.rectificationId(), "WARNING", null, null, e.recordedAt(), e.recordedAt());
    }

    @EventHandler
    void on(RectificationEvents.Breached e, EventMessage<?> m) {
        if (jdbc.update("update rectification set breached_at = ? where id = ? and due_at = ? and breached_at is null",
                ts(e.recordedAt()), e.rectificationId(), ts(e.due())) > 0) {
            jdbc.update("update rectification set breaches = breaches + 1 where id = ?", e.rectificationId());
        }
        step(m, e.rectificationId(), "BREACH", null, null, e.recordedAt(), e.recordedAt());
    }

    @EventHandler
    void on(RectificationEvents.Reported e, EventMessage<?> m) {
        jdbc.update("update rectification set status = 'REPORTED', reported_at = ?, report_text = ? where id = ?",
                ts(e.at()), e.text(), e.rectificationId());
        step(m, e.rectificationId(), "REPORTED", e.text(), e.actor().userId(), e.at(), e.recordedAt());
    }

    @EventHandler
    void on(RectificationEvents.Closed e, EventMessage<?> m) {
        jdbc.update("update rectification set status = 'CLOSED', verified_at = ?, verification_text = ?, closed_at = ? where id = ?",
                ts(e.at()), e.text(), ts(e.at()), e.rectificationId());
        step(m, e.rectificationId(), "CLOSED", e.text(), e.actor().userId(), e.at(), e.recordedAt());
    }

    @EventHandler
    void on(RectificationEvents.Reopened e, EventMessage<?> m) {
        if (jdbc.queryForObject("select count(*) from rectification_step where event_id = ?", Integer.class, m.getIdentifier()) == 0) {
            jdbc.update("update rectification set status = 'REOPENED', verified_at = ?, verification_text = ?, limit_amount = ?, "
                            + "limit_unit = ?, started_at = ?, due_at = ?, warning_at = ?, explanation = ?, warned_at = null, "
                            + "breached_at = null, reopened = reopened + 1 where id = ?",
                    ts(e.at()), e.text(), e.limit().amount(), e.limit().unit().name(), ts(e.start()), ts(e.due()), ts(e.warning()),
                    explanation(e.explanation()), e.rectificationId());
        }
        step(m, e.rectificationId(), "REOPENED", e.text(), e.actor().userId(), e.at(), e.recordedAt());
    }

    private void step(EventMessage<?> m, String id, String kind, String text, String by, Instant at, Instant recordedAt) {
        if (jdbc.queryForObject("select count(*) from rectification_step where event_id = ?", Integer.class, m.getIdentifier()) == 0) {
            jdbc.update("insert into rectification_step (event_id, rectification_id, kind, text, by_user, at_time, recorded_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?)", m.getIdentifier(), id, kind, text, by, ts(at), ts(recordedAt));
        }
    }

    private static String explanation(cn.xinfang.petition.api.DeadlineExplanation x) {
        return x == null ? null : x.toChinese() + "\n\u001E\n" + x.toEnglish();
    }
}
