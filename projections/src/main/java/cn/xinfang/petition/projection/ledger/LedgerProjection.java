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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static cn.xinfang.petition.projection.support.Sql.ts;

/**
 * Builds {@code ledger_case} and {@code ledger_stage}. Every write sets absolute values, so a
 * handler applied twice leaves the same rows. In a batch of events the writes are sent just before
 * it commits (issue 18: one round trip per event was most of a rebuild's time in this view).
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
        String status = CaseStatusEvolution.nameAfter(e);
        // issue 17: the ID number and phone are kept masked (the ledger only ever shows them masked), with the person's id
        Object[] values = {e.caseNo(), e.petitioner().name(), ResidentIdNumber.mask(e.petitioner().idNumber()),
                PhoneNumber.mask(e.petitioner().phone()), e.petitioner().address(), e.subject(), e.content(), e.channel().name(), e.category().name(), e.track().name(),
                e.unit(), e.firstUnit(), handler(e.actor()), e.headcount(), e.collective(), remark, ts(e.occurredAt()),
                ts(e.recordedAt()), status, e.accusedUnit(), e.parentCaseId() == null ? null : e.parentCaseId().value(),
                e.reviewLevel() == null ? null : e.reviewLevel().name(), e.petitioner().personId(),
                // issue 15: the key field (重点领域), a filter of the ledger
                e.field() == null ? null : e.field().name(), e.caseId().value()};
        // the update sets the row when it is there (applied twice), the insert writes it when it is not:
        // two writes of the case that need no answer, so they wait for the batch like the others
        write(e.caseId().value(), "update ledger_case set case_no = ?, petitioner_name = ?, id_number = ?, phone = ?, address = ?, "
                + "subject = ?, content = ?, channel = ?, category = ?, track = ?, unit = ?, first_unit = ?, handler = ?, "
                + "headcount = ?, collective = ?, remark = ?, registered_at = ?, recorded_at = ?, status = ?, "
                + "accused_unit = ?, parent_case_id = ?, review_level = ?, person_id = ?, key_field = ?, escalated = false "
                + "where case_id = ?", values);
        Object[] insert = Arrays.copyOf(values, values.length + 1);
        insert[values.length] = e.caseId().value();
        write(e.caseId().value(), "insert into ledger_case (case_no, petitioner_name, id_number, phone, address, subject, content, "
                + "channel, category, track, unit, first_unit, handler, headcount, collective, remark, registered_at, recorded_at, "
                + "status, accused_unit, parent_case_id, review_level, person_id, key_field, case_id, escalated) "
                + "select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false "
                + "where not exists (select 1 from ledger_case c where c.case_id = ?)", insert);
    }

    @EventHandler
    void on(PetitionSignedEvent e) {
        write(e.caseId().value(), "update ledger_case set status = ?, handler = ? where case_id = ?", CaseStatusEvolution.nameAfter(e),
                e.actor().userId(), e.caseId().value());
    }

    @EventHandler
    void on(PetitionAcceptedEvent e) {
        write(e.caseId().value(), "update ledger_case set status = ?, accepted_at = ?, handler = ? where case_id = ?",
                CaseStatusEvolution.nameAfter(e), ts(e.occurredAt()), e.actor().userId(), e.caseId().value());
    }

    @EventHandler
    void on(PetitionDeclinedEvent e) {
        String resolution = "不予受理：" + e.reason() + (e.guidance() == null ? "" : "（" + e.guidance() + "）");
        write(e.caseId().value(), "update ledger_case set status = ?, declined_at = ?, resolution = ?, handler = ? where case_id = ?",
                CaseStatusEvolution.nameAfter(e), ts(e.occurredAt()), resolution, e.actor().userId(), e.caseId().value());
    }

    @EventHandler
    void on(PetitionerRespondedEvent e) {
        write(e.caseId().value(), "update ledger_case set responded_at = ? where case_id = ?", ts(e.occurredAt()), e.caseId().value());
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
        write(caseId, "update ledger_case set " + column + "_at = ?, " + column + "_waived = ? where case_id = ?",
                ts(e.occurredAt()), waived, caseId);
    }

    @EventHandler
    void on(PetitionerNotifiedEvent e) {
        write(e.caseId().value(), "update ledger_case set notified_at = ? where case_id = ?", ts(e.occurredAt()), e.caseId().value());
    }

    /** 送达; the delivery of a review's decision also concludes the review case. */
    @EventHandler
    void on(ReplyDeliveredEvent e) {
        write(e.caseId().value(), "update ledger_case set delivered_at = ?, review_request_deadline = ? where case_id = ?", ts(e.occurredAt()),
                ts(e.reviewRequestDeadline()), e.caseId().value());
        CaseStatusEvolution.statusAfter(e).ifPresent(status -> write(e.caseId().value(),
                "update ledger_case set status = ?, resolved_at = ? where case_id = ?", status.name(), ts(e.occurredAt()),
                e.caseId().value()));
    }

    @EventHandler
    void on(ReviewDecidedEvent e) {
        write(e.caseId().value(), "update ledger_case set status = ?, opinion_at = ? where case_id = ?",
                CaseStatusEvolution.nameAfter(e), ts(e.occurredAt()), e.caseId().value());
    }

    @EventHandler
    void on(OpinionGivenEvent e) {
        write(e.caseId().value(), "update ledger_case set status = ?, opinion_at = ? where case_id = ?",
                CaseStatusEvolution.nameAfter(e), ts(e.occurredAt()), e.caseId().value());
    }

    @EventHandler
    void on(PetitionResolvedEvent e) {
        write(e.caseId().value(), "update ledger_case set status = ?, resolved_at = ?, resolution = ?, satisfaction = ?, satisfaction_source = ?, "
                        + "handler = ? where case_id = ?", CaseStatusEvolution.nameAfter(e), ts(e.occurredAt()), e.summary(),
                e.satisfaction() == null ? null : e.satisfaction().name(),
                e.satisfactionSource() == null ? null : e.satisfactionSource().name(), e.actor().userId(), e.caseId().value());
    }

    @EventHandler
    void on(PetitionEscalatedEvent e) {
        String remark = "提级（" + e.reason().name() + "）" + (e.leader() == null ? "" : "，包案领导：" + e.leader());
        write(e.caseId().value(), "update ledger_case set escalated = true, remark = ? where case_id = ?", remark, e.caseId().value());
    }

    @EventHandler
    void on(PetitionTransferredEvent e) {
        write(e.caseId().value(), "update ledger_case set unit = ?, status = ? where case_id = ?", e.toUnit(), CaseStatusEvolution.nameAfter(e),
                e.caseId().value());
    }

    @EventHandler
    void on(PetitionReturnedEvent e) {
        write(e.caseId().value(), "update ledger_case set unit = ?, status = ? where case_id = ?", e.toUnit(), CaseStatusEvolution.nameAfter(e),
                e.caseId().value());
    }

    @EventHandler
    void on(cn.xinfang.petition.api.event.KeyFieldSetEvent e) {
        write(e.caseId().value(), "update ledger_case set key_field = ? where case_id = ?", e.field() == null ? null : e.field().name(),
                e.caseId().value());
    }

    @EventHandler
    void on(PetitionReclassifiedEvent e) {
        write(e.caseId().value(), "update ledger_case set track = ? where case_id = ?", e.toTrack().name(), e.caseId().value());
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
    }

    /**
     * The case row's writes ({@code ledger_case}) wait for the batch of events: they are sent just
     * before it commits, as JDBC batches in rounds ({@link KeyedWrites}: each case's in the order of
     * its events). Outside a unit of work a write runs at once.
     */
    private void write(String caseId, String sql, Object... args) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        batch().cases().add(caseId, sql, args);
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
        if (!CurrentUnitOfWork.isStarted()) {
            StageWrites now = new StageWrites();
            change.accept(now);
            now.flush();
            return;
        }
        change.accept(batch().stages());
    }

    /** The writes of the current batch of events, sent when it is about to commit. */
    private Batch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(WRITES_RESOURCE, key -> {
            Batch pending = new Batch(new KeyedWrites(jdbc), new StageWrites());
            root.onPrepareCommit(u -> pending.flush());
            return pending;
        });
    }

    /** The case rows first: the current stage is set in a row the batch may have inserted. */
    private record Batch(KeyedWrites cases, StageWrites stages) {
        void flush() {
            cases.flush();
            stages.flush();
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
