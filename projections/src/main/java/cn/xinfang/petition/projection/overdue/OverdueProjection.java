package cn.xinfang.petition.projection.overdue;

import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.event.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import cn.xinfang.petition.projection.support.KeyedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

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
        write(e.caseId().value(), "insert into overdue_case (case_id, case_no, subject) values (?, ?, ?) on conflict do nothing",
                e.caseId().value(), e.caseNo(), e.subject());
    }

    @EventHandler
    void on(TimeLimitStartedEvent e, @MessageIdentifier String eventId, @SequenceNumber Long seq) {
        TimeLimit l = e.timeLimit();
        // keyed by the event's id and sequence number: applied twice, the second insert finds the row the
        // first wrote from the same event and does nothing. The case's number and subject are read in the
        // insert itself (no round trip of their own).
        write(e.caseId().value(), "insert into time_limit_run (run_id, case_id, case_no, subject, unit, stage, rule, started_at, started_recorded_at) "
                        + "values (?, ?, (select c.case_no from overdue_case c where c.case_id = ?), "
                        + "(select c.subject from overdue_case c where c.case_id = ?), ?, ?, ?, ?, ?) on conflict do nothing", eventId,
                e.caseId().value(), e.caseId().value(), e.caseId().value(), e.unit(), l.stage().name(), l.rule(), ts(l.start()),
                ts(e.recordedAt()));
        write(e.caseId().value(), "insert into time_limit_due (run_id, version_no, due_at, warning_at, effective_at, recorded_at) "
                + "values (?, ?, ?, ?, ?, ?) on conflict do nothing", eventId, seq, ts(l.due()), ts(l.warning()), ts(l.start()),
                ts(e.recordedAt()));
    }

    @EventHandler
    void on(TimeLimitStoppedEvent e) {
        write(e.caseId().value(), "update time_limit_run set stopped_at = ?, stopped_recorded_at = ?, met = ?, stop_reason = ? "
                        + "where case_id = ? and stage = ? and stopped_at is null", ts(e.occurredAt()), ts(e.recordedAt()), e.met(),
                e.reason().name(), e.caseId().value(), e.stage().name());
    }

    @EventHandler
    void on(TimeLimitExtendedEvent e, @SequenceNumber Long seq) {
        dueVersion(e.caseId().value(), e.stage().name(), seq, e.timeLimit(), e.occurredAt(), e.recordedAt());
    }

    @EventHandler
    void on(TimeLimitRecomputedEvent e, @SequenceNumber Long seq) {
        dueVersion(e.caseId().value(), e.stage().name(), seq, e.timeLimit(), e.occurredAt(), e.recordedAt());
    }

    @EventHandler
    void on(TimeLimitWarningRaisedEvent e) {
        write(e.caseId().value(), "update time_limit_run set warned_recorded_at = ? where case_id = ? and stage = ? and stopped_at is null",
                ts(e.recordedAt()), e.caseId().value(), e.stage().name());
    }

    @EventHandler
    void on(TimeLimitBreachedEvent e) {
        write(e.caseId().value(), "update time_limit_run set breached_recorded_at = ? where case_id = ? and stage = ? and stopped_at is null",
                ts(e.recordedAt()), e.caseId().value(), e.stage().name());
    }

    /**
     * Every write touches the rows of one case only, so the writes of a batch of events go out as
     * JDBC batches before it commits, each case's in the order of its events ({@link KeyedWrites}).
     */
    private void write(String caseId, String sql, Object... args) {
        KeyedWrites.write(jdbc, WRITES_RESOURCE, caseId, sql, args);
    }

    private static final String WRITES_RESOURCE = OverdueProjection.class.getName() + ".writes";

    @ResetHandler
    void reset() {
        jdbc.update("delete from time_limit_due");
        jdbc.update("delete from time_limit_run");
        jdbc.update("delete from overdue_case");
    }

    /** A new due version of the case's running stage (none running: nothing); applied twice, the version is replaced. */
    private void dueVersion(String caseId, String stage, Long seq, TimeLimit l, Instant effective, Instant recorded) {
        String openRun = " from time_limit_run r where r.case_id = ? and r.stage = ? and r.stopped_at is null";
        write(caseId, "delete from time_limit_due where version_no = ? and run_id in (select r.run_id" + openRun + ")", seq, caseId, stage);
        write(caseId, "insert into time_limit_due (run_id, version_no, due_at, warning_at, effective_at, recorded_at) "
                + "select r.run_id, ?, ?, ?, ?, ?" + openRun, seq, ts(l.due()), ts(l.warning()), ts(effective), ts(recorded), caseId, stage);
    }
}
