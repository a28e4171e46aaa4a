package cn.xinfang.petition.projection.overdue;

import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.event.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static cn.xinfang.petition.projection.support.Sql.ts;

/**
 * Builds {@code time_limit_run} (one row per stage run, keyed by the id of its
 * {@code TimeLimitStarted} event) and {@code time_limit_due} (each due instant a run had, from when
 * it applied and when it was recorded). Idempotent: keys come from event ids and sequence numbers.
 */
@Component
@ProcessingGroup(OverdueProjection.NAME)
public class OverdueProjection {

    public static final String NAME = "overdue";

    private final JdbcTemplate jdbc;

    public OverdueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PetitionRegisteredEvent e) {
        jdbc.update("delete from overdue_case where case_id = ?", e.caseId().value());
        jdbc.update("insert into overdue_case (case_id, case_no, subject) values (?, ?, ?)", e.caseId().value(), e.caseNo(), e.subject());
    }

    @EventHandler
    void on(TimeLimitStartedEvent e, @MessageIdentifier String eventId, @SequenceNumber Long seq) {
        TimeLimit l = e.timeLimit();
        List<Object[]> c = jdbc.query("select case_no, subject from overdue_case where case_id = ?",
                (rs, i) -> new Object[]{rs.getString(1), rs.getString(2)}, e.caseId().value());
        jdbc.update("delete from time_limit_due where run_id = ?", eventId);
        jdbc.update("delete from time_limit_run where run_id = ?", eventId);
        jdbc.update("insert into time_limit_run (run_id, case_id, case_no, subject, unit, stage, rule, started_at, started_recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", eventId, e.caseId().value(), c.isEmpty() ? null : c.get(0)[0],
                c.isEmpty() ? null : c.get(0)[1], e.unit(), l.stage().name(), l.rule(), ts(l.start()), ts(e.recordedAt()));
        dueVersion(eventId, seq, l, l.start(), e.recordedAt());
    }

    @EventHandler
    void on(TimeLimitStoppedEvent e) {
        jdbc.update("update time_limit_run set stopped_at = ?, stopped_recorded_at = ?, met = ?, stop_reason = ? "
                        + "where case_id = ? and stage = ? and stopped_at is null", ts(e.occurredAt()), ts(e.recordedAt()), e.met(),
                e.reason().name(), e.caseId().value(), e.stage().name());
    }

    @EventHandler
    void on(TimeLimitExtendedEvent e, @SequenceNumber Long seq) {
        openRun(e.caseId().value(), e.stage().name()).ifPresent(run -> dueVersion(run, seq, e.timeLimit(), e.occurredAt(), e.recordedAt()));
    }

    @EventHandler
    void on(TimeLimitRecomputedEvent e, @SequenceNumber Long seq) {
        openRun(e.caseId().value(), e.stage().name()).ifPresent(run -> dueVersion(run, seq, e.timeLimit(), e.occurredAt(), e.recordedAt()));
    }

    @EventHandler
    void on(TimeLimitWarningRaisedEvent e) {
        jdbc.update("update time_limit_run set warned_recorded_at = ? where case_id = ? and stage = ? and stopped_at is null",
                ts(e.recordedAt()), e.caseId().value(), e.stage().name());
    }

    @EventHandler
    void on(TimeLimitBreachedEvent e) {
        jdbc.update("update time_limit_run set breached_recorded_at = ? where case_id = ? and stage = ? and stopped_at is null",
                ts(e.recordedAt()), e.caseId().value(), e.stage().name());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from time_limit_due");
        jdbc.update("delete from time_limit_run");
        jdbc.update("delete from overdue_case");
    }

    private java.util.Optional<String> openRun(String caseId, String stage) {
        return jdbc.queryForList("select run_id from time_limit_run where case_id = ? and stage = ? and stopped_at is null",
                String.class, caseId, stage).stream().findFirst();
    }

    private void dueVersion(String runId, Long seq, TimeLimit l, Instant effective, Instant recorded) {
        jdbc.update("delete from time_limit_due where run_id = ? and version_no = ?", runId, seq);
        jdbc.update("insert into time_limit_due (run_id, version_no, due_at, warning_at, effective_at, recorded_at) values (?, ?, ?, ?, ?, ?)",
                runId, seq, ts(l.due()), ts(l.warning()), ts(effective), ts(recorded));
    }
}
