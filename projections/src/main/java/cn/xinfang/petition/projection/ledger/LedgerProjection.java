package cn.xinfang.petition.projection.ledger;

import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.PhoneNumber;
import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.event.*;
import cn.xinfang.petition.api.lifecycle.CaseStatusEvolution;
import cn.xinfang.petition.projection.support.KeyedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import static cn.xinfang.petition.projection.support.Sql.ts;

/**
 * Builds {@code ledger_case} and {@code ledger_stage}. Every write sets absolute values, so a
 * handler applied twice leaves the same rows. In a batch of events the writes are kept and sent just
 * before it commits, one update per case row (issue 18: one round trip per event was most of a
 * rebuild's time in this view).
 */
@Component
@ProcessingGroup(LedgerProjection.NAME)
public class LedgerProjection {

    public static final String NAME = "ledger";

    private final JdbcTemplate jdbc;

    public LedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PetitionRegisteredEvent e) {
        String remark = e.collective() ? "集体访（" + e.headcount() + "人）" : null;
        // issue 17: the ID number and phone are kept masked (the ledger only ever shows them masked), with the person's id;
        // issue 15: the key field (重点领域), a filter of the ledger
        register(e.caseId().value(), "case_no", e.caseNo(), "petitioner_name", e.petitioner().name(),
                "id_number", ResidentIdNumber.mask(e.petitioner().idNumber()), "phone", PhoneNumber.mask(e.petitioner().phone()),
                "address", e.petitioner().address(), "subject", e.subject(), "content", e.content(), "channel", e.channel().name(),
                "category", e.category().name(), "track", e.track().name(), "unit", e.unit(), "first_unit", e.firstUnit(),
                "handler", handler(e.actor()), "headcount", e.headcount(), "collective", e.collective(), "remark", remark,
                "registered_at", ts(e.occurredAt()), "recorded_at", ts(e.recordedAt()), "status", CaseStatusEvolution.nameAfter(e),
                "accused_unit", e.accusedUnit(), "parent_case_id", e.parentCaseId() == null ? null : e.parentCaseId().value(),
                "review_level", e.reviewLevel() == null ? null : e.reviewLevel().name(), "person_id", e.petitioner().personId(),
                "key_field", e.field() == null ? null : e.field().name(), "escalated", false);
    }

    @EventHandler
    void on(PetitionSignedEvent e) {
        set(e.caseId().value(), "status", CaseStatusEvolution.nameAfter(e), "handler", e.actor().userId());
    }

    @EventHandler
    void on(PetitionAcceptedEvent e) {
        set(e.caseId().value(), "status", CaseStatusEvolution.nameAfter(e), "accepted_at", ts(e.occurredAt()), "handler",
                e.actor().userId());
    }

    @EventHandler
    void on(PetitionDeclinedEvent e) {
        String resolution = "不予受理：" + e.reason() + (e.guidance() == null ? "" : "（" + e.guidance() + "）");
        set(e.caseId().value(), "status", CaseStatusEvolution.nameAfter(e), "declined_at", ts(e.occurredAt()), "resolution", resolution,
                "handler", e.actor().userId());
    }

    @EventHandler
    void on(PetitionerRespondedEvent e) {
        set(e.caseId().value(), "responded_at", ts(e.occurredAt()));
    }

    @EventHandler
    void on(MeetingRecordedEvent e) {
        meeting(e.caseId().value(), e.kind(), e, false);
    }

    /** A waived meeting counts as done for the case, and is kept apart from held ones in the statistics. */
    @EventHandler
    void on(MeetingWaivedEvent e) {
        meeting(e.caseId().value(), e.kind(), e, true);
    }

    private void meeting(String caseId, MeetingKind kind, CaseEvent e, boolean waived) {
        String column = kind == MeetingKind.HANDLING ? "handling_meeting" : "conclusion_meeting";
        set(caseId, column + "_at", ts(e.occurredAt()), column + "_waived", waived);
    }

    @EventHandler
    void on(PetitionerNotifiedEvent e) {
        set(e.caseId().value(), "notified_at", ts(e.occurredAt()));
    }

    /** 送达; the delivery of a review's decision also concludes the review case. */
    @EventHandler
    void on(ReplyDeliveredEvent e) {
        set(e.caseId().value(), "delivered_at", ts(e.occurredAt()), "review_request_deadline", ts(e.reviewRequestDeadline()));
        CaseStatusEvolution.statusAfter(e).ifPresent(status -> set(e.caseId().value(), "status", status.name(), "resolved_at",
                ts(e.occurredAt())));
    }

    @EventHandler
    void on(ReviewDecidedEvent e) {
        set(e.caseId().value(), "status", CaseStatusEvolution.nameAfter(e), "opinion_at", ts(e.occurredAt()));
    }

    @EventHandler
    void on(OpinionGivenEvent e) {
        set(e.caseId().value(), "status", CaseStatusEvolution.nameAfter(e), "opinion_at", ts(e.occurredAt()));
    }

    @EventHandler
    void on(PetitionResolvedEvent e) {
        set(e.caseId().value(), "status", CaseStatusEvolution.nameAfter(e), "resolved_at", ts(e.occurredAt()), "resolution", e.summary(),
                "satisfaction", e.satisfaction() == null ? null : e.satisfaction().name(),
                "satisfaction_source", e.satisfactionSource() == null ? null : e.satisfactionSource().name(), "handler", e.actor().userId());
    }

    @EventHandler
    void on(PetitionEscalatedEvent e) {
        String remark = "提级（" + e.reason().name() + "）" + (e.leader() == null ? "" : "，包案领导：" + e.leader());
        set(e.caseId().value(), "escalated", true, "remark", remark);
    }

    @EventHandler
    void on(PetitionTransferredEvent e) {
        set(e.caseId().value(), "unit", e.toUnit(), "status", CaseStatusEvolution.nameAfter(e));
    }

    @EventHandler
    void on(PetitionReturnedEvent e) {
        set(e.caseId().value(), "unit", e.toUnit(), "status", CaseStatusEvolution.nameAfter(e));
    }

    @EventHandler
    void on(cn.xinfang.petition.api.event.KeyFieldSetEvent e) {
        set(e.caseId().value(), "key_field", e.field() == null ? null : e.field().name());
    }

    @EventHandler
    void on(PetitionReclassifiedEvent e) {
        set(e.caseId().value(), "track", e.toTrack().name());
    }

    @EventHandler
    void on(TimeLimitStartedEvent e) {
        writes(w -> w.start(e.caseId().value(), e.timeLimit().stage().name(), e.timeLimit().due()));
    }

    @EventHandler
    void on(TimeLimitStoppedEvent e) {
        writes(w -> w.stop(e.caseId().value(), e.stage().name()));
    }

    @EventHandler
    void on(TimeLimitExtendedEvent e) {
        writes(w -> w.due(e.caseId().value(), e.stage().name(), e.timeLimit().due()));
    }

    @EventHandler
    void on(TimeLimitRecomputedEvent e) {
        writes(w -> w.due(e.caseId().value(), e.stage().name(), e.timeLimit().due()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from ledger_stage");
        jdbc.update("delete from ledger_case");
        jdbc.update("delete from " + CaseCounts.TABLE);
    }

    /**
     * The case's registration: sets the columns in its row (applied twice: the row is there) or
     * inserts the row with them.
     */
    private void register(String caseId, Object... columnsAndValues) {
        change(caseId, row -> row.register(columnsAndValues));
    }

    /** Sets columns of the case's row (absolute values: the same after a second time). */
    private void set(String caseId, Object... columnsAndValues) {
        change(caseId, row -> row.set(columnsAndValues));
    }

    /** Changes the case's row as kept for the batch of events; outside a unit of work, at once. */
    private void change(String caseId, Consumer<CaseRow> change) {
        inBatch(batch -> change.accept(batch.row(caseId)));
    }

    /**
     * What a batch of events does to one case's row in {@code ledger_case}: the last value of each
     * column it sets, and (from the case's registration on) the row to insert if there is none. As
     * every event sets absolute values, one update with the last value of each column leaves the row
     * that the events' updates one by one would leave, and the insert the row that the registration's
     * insert and the updates after it would (issue 18: a rebuild brings a case's whole history in one
     * batch, one statement for it instead of one per event).
     */
    static final class CaseRow {

        /** Columns by name (sorted: the same columns give the same statement text), their last values. */
        private final Map<String, Object> set = new TreeMap<>();
        /** The columns set since the case's registration, null before it. */
        private Map<String, Object> insert;

        void register(Object... columnsAndValues) {
            if (insert == null) {
                insert = new TreeMap<>();
            }
            set(columnsAndValues);
        }

        void set(Object... columnsAndValues) {
            for (int i = 0; i < columnsAndValues.length; i += 2) {
                set.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
                if (insert != null) {
                    insert.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
                }
            }
        }

        /** Whether the row's unit or status may change (or the row be inserted): only then do the counts. */
        boolean movesCount() {
            return insert != null || set.containsKey("unit") || set.containsKey("status");
        }

        /**
         * The unit and status the row has after {@link #send}, given the row as stored ({@code null}:
         * none); {@code null} when there is no row after it either (an update of a row that is not there).
         */
        CaseCounts.Key after(CaseCounts.Key stored) {
            if (stored != null) {
                return new CaseCounts.Key((String) set.getOrDefault("unit", stored.unit()),
                        (String) set.getOrDefault("status", stored.status()));
            }
            return insert == null ? null : new CaseCounts.Key((String) insert.get("unit"), (String) insert.get("status"));
        }

        /** The update of the row, then (registered) the insert of it when there is none. */
        void send(String caseId, BiConsumer<String, Object[]> statement) {
            List<Object> args = new ArrayList<>(set.values());
            args.add(caseId);
            statement.accept("update ledger_case set " + String.join(" = ?, ", set.keySet()) + " = ? where case_id = ?",
                    args.toArray());
            if (insert != null) {
                List<Object> values = new ArrayList<>(insert.values());
                values.add(caseId);
                statement.accept("insert into ledger_case (" + String.join(", ", insert.keySet()) + ", case_id) values ("
                        + "?, ".repeat(insert.size()) + "?) on conflict do nothing", values.toArray());
            }
        }
    }

    /**
     * The running stages ({@code ledger_stage}) and 当前环节 / 当前时限 change once per batch of events:
     * the batch's changes are kept per case and stage (only the last one of each counts) and written
     * just before the batch commits, one JDBC batch per kind of statement, so a case whose stages change
     * several times in one batch (a step stops one stage and starts the next; a replay brings a case's
     * whole history at once) costs a few statements, not three per change. Outside a unit of work the
     * change is written at once.
     */
    private void writes(Consumer<StageWrites> change) {
        inBatch(batch -> change.accept(batch.stages()));
    }

    /**
     * Makes a change in the writes of the current batch of events, sent when it is about to commit; outside a unit of
     * work, in writes of its own sent at once.
     */
    private void inBatch(Consumer<Batch> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            Batch now = newBatch();
            change.accept(now);
            now.flush();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        change.accept(root.getOrComputeResource(WRITES_RESOURCE, key -> {
            Batch pending = newBatch();
            root.onPrepareCommit(u -> pending.flush());
            return pending;
        }));
    }

    private Batch newBatch() {
        return new Batch(new LinkedHashMap<>(), new KeyedWrites(jdbc), new StageWrites(), new CaseCounts(jdbc));
    }

    /**
     * The case rows first: the current stage is set in a row the batch may have inserted. The counts
     * last: their rows are the only ones two batches of different cases both change, and the
     * shorter their locks are held the less the batches wait for each other.
     */
    private record Batch(Map<String, CaseRow> cases, KeyedWrites writes, StageWrites stages, CaseCounts counts) {

        CaseRow row(String caseId) {
            return cases.computeIfAbsent(caseId, id -> new CaseRow());
        }

        void flush() {
            counts.before(cases);
            cases.forEach((caseId, row) -> row.send(caseId, (sql, args) -> writes.add(caseId, sql, args)));
            cases.clear();
            writes.flush();
            stages.flush();
            counts.flush();
        }
    }

    private static final String WRITES_RESOURCE = LedgerProjection.class.getName() + ".writes";
    /** The running stage due first (none: both null); one statement, no round trip to read it first. */
    private static final String CURRENT = "update ledger_case set (current_stage, current_due) = (select s.stage, s.due_at "
            + "from ledger_stage s where s.case_id = ? order by s.due_at, s.stage limit 1) where case_id = ?";

    /** What a batch does to a stage row: replace it (started), delete it (stopped), or change its due instant if it is there. */
    private enum StageChange { REPLACE, DELETE, UPDATE }

    private record StageWrite(String caseId, String stage, StageChange change, Instant due) {
    }

    /** The stage rows a batch changes, the last change of each (case, stage) only, and the cases whose current stage is to be set. */
    private final class StageWrites {

        private final Map<List<String>, StageWrite> stages = new LinkedHashMap<>();
        private final Set<String> cases = new LinkedHashSet<>();

        void start(String caseId, String stage, Instant due) {
            stages.put(List.of(caseId, stage), new StageWrite(caseId, stage, StageChange.REPLACE, due));
            cases.add(caseId);
        }

        void stop(String caseId, String stage) {
            stages.put(List.of(caseId, stage), new StageWrite(caseId, stage, StageChange.DELETE, null));
            cases.add(caseId);
        }

        /** A new due instant: of the row started in this batch, of the row as stored (if any), of none once stopped. */
        void due(String caseId, String stage, Instant due) {
            StageWrite before = stages.get(List.of(caseId, stage));
            StageChange change = before == null ? StageChange.UPDATE : before.change();
            if (change != StageChange.DELETE) {
                stages.put(List.of(caseId, stage), new StageWrite(caseId, stage, change, due));
            }
            cases.add(caseId);
        }

        void flush() {
            List<Object[]> deletes = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            for (StageWrite w : stages.values()) {
                switch (w.change()) {
                    case REPLACE -> {
                        deletes.add(new Object[]{w.caseId(), w.stage()});
                        inserts.add(new Object[]{w.caseId(), w.stage(), ts(w.due())});
                    }
                    case DELETE -> deletes.add(new Object[]{w.caseId(), w.stage()});
                    case UPDATE -> updates.add(new Object[]{ts(w.due()), w.caseId(), w.stage()});
                }
            }
            batch("delete from ledger_stage where case_id = ? and stage = ?", deletes);
            batch("insert into ledger_stage (case_id, stage, due_at) values (?, ?, ?)", inserts);
            batch("update ledger_stage set due_at = ? where case_id = ? and stage = ?", updates);
            batch(CURRENT, cases.stream().map(id -> new Object[]{id, id}).toList());
            stages.clear();
            cases.clear();
        }

        private void batch(String sql, List<Object[]> rows) {
            if (rows.size() == 1) {
                jdbc.update(sql, rows.get(0));
            } else if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
            }
        }
    }

    private static String handler(cn.xinfang.petition.api.Actor actor) {
        return actor.role() == Role.HANDLER ? actor.userId() : null;
    }
}
