package cn.xinfang.petition.projection.overdue;

import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.event.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import cn.xinfang.petition.projection.support.KeyedWrites;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.xinfang.petition.projection.support.Sql.ts;

/**
 * Builds {@code time_limit_run} (one row per stage run, keyed by the id of its
 * {@code TimeLimitStarted} event) and {@code time_limit_due} (each due instant a run had, from when
 * it applied and when it was recorded). A run's row also keeps a copy of its latest due version (the
 * highest {@code version_no}: {@code due_version, due_at, warning_at, due_effective_at, due_recorded_at}),
 * which the lists read without the join whenever that version applies (OverdueQueries). Idempotent: keys
 * come from event ids and sequence numbers.
 */
@Component
@ProcessingGroup(OverdueProjection.NAME)
public class OverdueProjection {

    public static final String NAME = "overdue";

    /** How many cases' numbers and subjects are kept in memory (at most about 20 MB with 500-character subjects; usually a few). */
    static final int TITLES_KEPT = 16_384;

    private final JdbcTemplate jdbc;
    private final Titles titles = new Titles(TITLES_KEPT);

    public OverdueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PetitionRegisteredEvent e) {
        write(e.caseId().value(), "insert into overdue_case (case_id, case_no, subject) values (?, ?, ?) on conflict do nothing",
                e.caseId().value(), e.caseNo(), e.subject());
        titles.put(e.caseId().value(), e.caseNo(), e.subject());
    }

    @EventHandler
    void on(TimeLimitStartedEvent e, @MessageIdentifier String eventId, @SequenceNumber Long seq) {
        TimeLimit l = e.timeLimit();
        String caseId = e.caseId().value();
        String stage = l.stage().name();
        // keyed by the event's id and sequence number: applied twice, the second insert finds the row the
        // first wrote from the same event and does nothing. The case's number and subject come from memory
        // when its registration was handled here lately (then the batch's inserts go out as multi-row
        // statements, KeyedWrites), else the insert reads them itself (no round trip of their own). The stop,
        // warning and breach columns are set by the later events of the same batch while the row is not
        // written yet (Open), else by an update.
        String[] title = titles.get(caseId);
        Object[] version = versionValues(seq, l, l.start(), e.recordedAt());
        Object[] row = with(new Object[] {eventId, caseId, title == null ? caseId : title[0], title == null ? caseId : title[1],
                e.unit(), stage, l.rule(), ts(l.start()), ts(e.recordedAt()), null, null, null, null, null, null}, version);
        write(caseId, title == null ? INSERT_RUN_READING_TITLE : INSERT_RUN, row);
        write(caseId, INSERT_DUE + " on conflict do nothing", with(new Object[] {eventId}, version));
        open().ifPresent(o -> o.started(caseId, stage, row));
    }

    @EventHandler
    void on(TimeLimitStoppedEvent e) {
        String caseId = e.caseId().value();
        Object[] row = open().map(o -> o.stopped(caseId, e.stage().name())).orElse(null);
        if (row != null) {
            row[STOPPED_AT] = ts(e.occurredAt());
            row[STOPPED_AT + 1] = ts(e.recordedAt());
            row[STOPPED_AT + 2] = e.met();
            row[STOPPED_AT + 3] = e.reason().name();
            return;
        }
        write(caseId, "update time_limit_run set stopped_at = ?, stopped_recorded_at = ?, met = ?, stop_reason = ? "
                        + "where case_id = ? and stage = ? and stopped_at is null", ts(e.occurredAt()), ts(e.recordedAt()), e.met(),
                e.reason().name(), caseId, e.stage().name());
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
        String caseId = e.caseId().value();
        Object[] row = open().map(o -> o.running(caseId, e.stage().name())).orElse(null);
        if (row != null) {
            row[WARNED_AT] = ts(e.recordedAt());
            return;
        }
        write(caseId, "update time_limit_run set warned_recorded_at = ? where case_id = ? and stage = ? and stopped_at is null",
                ts(e.recordedAt()), caseId, e.stage().name());
    }

    @EventHandler
    void on(TimeLimitBreachedEvent e) {
        String caseId = e.caseId().value();
        Object[] row = open().map(o -> o.running(caseId, e.stage().name())).orElse(null);
        if (row != null) {
            row[WARNED_AT + 1] = ts(e.recordedAt());
            return;
        }
        write(caseId, "update time_limit_run set breached_recorded_at = ? where case_id = ? and stage = ? and stopped_at is null",
                ts(e.recordedAt()), caseId, e.stage().name());
    }

    /**
     * Every write touches the rows of one case only, so the writes of a batch of events go out as
     * JDBC batches before it commits, each case's in the order of its events ({@link KeyedWrites}).
     */
    private void write(String caseId, String sql, Object... args) {
        KeyedWrites.write(jdbc, WRITES_RESOURCE, caseId, sql, args);
    }

    private static final String WRITES_RESOURCE = OverdueProjection.class.getName() + ".writes";
    private static final String OPEN_RESOURCE = OverdueProjection.class.getName() + ".open";
    private static final String RUN_COLUMNS = "insert into time_limit_run (run_id, case_id, case_no, subject, unit, stage, rule, "
            + "started_at, started_recorded_at, stopped_at, stopped_recorded_at, met, stop_reason, warned_recorded_at, "
            + "breached_recorded_at, due_version, due_at, warning_at, due_effective_at, due_recorded_at) values ";
    private static final String INSERT_RUN = RUN_COLUMNS + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
    /** {@link #INSERT_RUN} with the case's number and subject read from {@code overdue_case} (the same parameters: its id twice). */
    private static final String INSERT_RUN_READING_TITLE = RUN_COLUMNS + "(?, ?, (select c.case_no from overdue_case c where "
            + "c.case_id = ?), (select c.subject from overdue_case c where c.case_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?) on conflict do nothing";
    /** Where {@link #INSERT_RUN}'s stop columns (stopped_at, stopped_recorded_at, met, stop_reason) begin. */
    private static final int STOPPED_AT = 9;
    /** Where its warned_recorded_at and breached_recorded_at are. */
    private static final int WARNED_AT = 13;
    /** Where its copy of the latest due version (due_version, due_at, warning_at, due_effective_at, due_recorded_at) begins. */
    private static final int DUE_VERSION = 15;
    /** Sets a run's copy of its latest due version ({@link #versionValues}), then which rows. */
    private static final String SET_DUE_COPY = "update time_limit_run set due_version = ?, due_at = ?, warning_at = ?, "
            + "due_effective_at = ?, due_recorded_at = ? where ";
    /** Inserts due versions: the run's id, then {@link #versionValues}; {@code values (…)} or {@code select …} follows. */
    private static final String DUE_COLUMNS = "insert into time_limit_due (run_id, version_no, due_at, warning_at, effective_at, "
            + "recorded_at) ";
    /** A due version of a run: the run's id, then {@link #versionValues}. */
    private static final String INSERT_DUE = DUE_COLUMNS + "values (?, ?, ?, ?, ?, ?)";

    /** A due version's values as {@code time_limit_due} and the run's copy keep them: number, due, warning, effective, recorded. */
    private static Object[] versionValues(Long seq, TimeLimit l, Instant effective, Instant recorded) {
        return new Object[] {seq, ts(l.due()), ts(l.warning()), ts(effective), ts(recorded)};
    }

    /** {@code values} followed by {@code more}. */
    private static Object[] with(Object[] values, Object... more) {
        Object[] all = Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }

    /** The runs started in this batch of events, kept until the batch commits (none outside a unit of work). */
    private static Optional<Open> open() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        return Optional.of(CurrentUnitOfWork.get().root().getOrComputeResource(OPEN_RESOURCE, r -> new Open()));
    }

    /**
     * The runs a batch has started and not stopped, by case and stage: the row of each is written with
     * the batch (its insert is among the batch's writes), so a stop, warning or breach of it in the
     * same batch is set in that row instead of updating it afterwards (in a rebuild most runs start and
     * stop within one batch: one row version instead of two). A second start of a stage whose run is
     * still open (not expected of the case) makes that stage's later events update every open run, as
     * they would one by one.
     */
    private static final class Open {

        private final Map<List<String>, Object[]> rows = new HashMap<>();
        private final Set<List<String>> ambiguous = new HashSet<>();

        void started(String caseId, String stage, Object[] row) {
            List<String> key = List.of(caseId, stage);
            if (ambiguous.contains(key) || rows.containsKey(key)) {
                rows.remove(key);
                ambiguous.add(key);
            } else {
                rows.put(key, row);
            }
        }

        /** The row of the stage's open run started in this batch (null: none, update what is stored); it is no longer open. */
        Object[] stopped(String caseId, String stage) {
            return rows.remove(List.of(caseId, stage));
        }

        /** The row of the stage's open run started in this batch (null: none, update what is stored). */
        Object[] running(String caseId, String stage) {
            return rows.get(List.of(caseId, stage));
        }
    }

    /**
     * The number and subject of the cases registered lately, by case id: they never change (one
     * registration per case; {@code overdue_case} keeps the first), so a value kept here is the row of
     * {@code overdue_case} on every node, before and after a reset. The least recently used go first.
     */
    private static final class Titles {

        private final Map<String, String[]> kept;

        Titles(int capacity) {
            this.kept = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String[]> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized void put(String caseId, String caseNo, String subject) {
            kept.putIfAbsent(caseId, new String[] {caseNo, subject});
        }

        synchronized void clear() {
            kept.clear();
        }

        /** {case number, subject}, or null when not kept. */
        synchronized String[] get(String caseId) {
            return kept.get(caseId);
        }
    }

    @ResetHandler
    void reset() {
        titles.clear();
        jdbc.update("delete from time_limit_due");
        jdbc.update("delete from time_limit_run");
        jdbc.update("delete from overdue_case");
    }

    /** A new due version of the case's running stage (none running: nothing); applied twice, the version is replaced. */
    private void dueVersion(String caseId, String stage, Long seq, TimeLimit l, Instant effective, Instant recorded) {
        Object[] version = versionValues(seq, l, effective, recorded);
        Object[] row = open().map(o -> o.running(caseId, stage)).orElse(null);
        if (row != null) {
            // the run was started in this batch and is not written yet: its id is known, its row takes the version
            write(caseId, "delete from time_limit_due where run_id = ? and version_no = ?", row[0], seq);
            write(caseId, INSERT_DUE, with(new Object[] {row[0]}, version));
            if (row[DUE_VERSION] == null || (Long) row[DUE_VERSION] <= seq) {
                System.arraycopy(version, 0, row, DUE_VERSION, version.length);
            }
            // the insert carries the copy; this changes a row only when the insert found it already there (the start
            // delivered again in a later batch), so the copy never stays behind time_limit_due
            write(caseId, SET_DUE_COPY + "run_id = ? and (due_version is null or due_version < ?)", with(version, row[0], seq));
            return;
        }
        String openRun = " from time_limit_run r where r.case_id = ? and r.stage = ? and r.stopped_at is null";
        write(caseId, "delete from time_limit_due where version_no = ? and run_id in (select r.run_id" + openRun + ")", seq, caseId, stage);
        write(caseId, DUE_COLUMNS + "select r.run_id, ?, ?, ?, ?, ?" + openRun, with(version, caseId, stage));
        // the run's copy of its latest version (a version applied again replaces it; an older one leaves it)
        write(caseId, SET_DUE_COPY + "case_id = ? and stage = ? and stopped_at is null and (due_version is null or due_version <= ?)",
                with(version, caseId, stage, seq));
    }
}
