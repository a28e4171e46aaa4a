package cn.xinfang.petition.projection.backlog;

import cn.xinfang.petition.api.CaseStatus;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.TimeLimitStatus;
import cn.xinfang.petition.api.event.*;
import cn.xinfang.petition.api.lifecycle.CaseStatusEvolution;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

import static cn.xinfang.petition.projection.support.Sql.ts;

/**
 * Builds {@code backlog_case} (积案台账, issue 15): every case, on the backlog once escalated, with
 * the reasons it was escalated for, its leader and plan (一案一策), its last progress entry, the
 * status of LEADER_PROGRESS and the outcome. Idempotent: each event sets values, never counts.
 */
@Component
@ProcessingGroup(BacklogProjection.NAME)
public class BacklogProjection {

    public static final String NAME = "backlog";

    private final JdbcTemplate jdbc;

    public BacklogProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PetitionRegisteredEvent e) {
        jdbc.update("delete from backlog_case where case_id = ?", e.caseId().value());
        jdbc.update("insert into backlog_case (case_id, case_no, subject, category, field, unit, petitioner_name, id_number, phone, "
                        + "status, registered_at, escalated) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, false)",
                e.caseId().value(), e.caseNo(), e.subject(), e.category().name(), e.field() == null ? null : e.field().name(),
                e.unit(), e.petitioner().name(), e.petitioner().idNumber(), e.petitioner().phone(), ts(e.occurredAt()));
    }

    @EventHandler
    void on(PetitionEscalatedEvent e) {
        List<String> reasons = new ArrayList<>(jdbc.query("select reasons from backlog_case where case_id = ?",
                (rs, i) -> rs.getString(1), e.caseId().value()).stream()
                .filter(r -> r != null && !r.isBlank()).flatMap(r -> List.of(r.split(",")).stream()).toList());
        if (!reasons.contains(e.reason().name())) {
            reasons.add(e.reason().name());
        }
        jdbc.update("update backlog_case set escalated = true, reasons = ?, escalated_at = coalesce(escalated_at, ?) where case_id = ?",
                String.join(",", reasons), ts(e.occurredAt()), e.caseId().value());
    }

    @EventHandler
    void on(LeaderAssignedEvent e) {
        jdbc.update("update backlog_case set leader = ?, leader_unit = ?, plan_crux = ?, plan_measures = ?, plan_responsible = ?, "
                        + "plan_target_date = ?, assigned_at = ? where case_id = ?", e.leader(), e.leaderUnit(), e.plan().crux(),
                e.plan().measures(), e.plan().responsible(), Date.valueOf(e.plan().targetDate()), ts(e.occurredAt()),
                e.caseId().value());
    }

    @EventHandler
    void on(LeaderProgressRecordedEvent e) {
        jdbc.update("update backlog_case set last_progress_at = ?, last_progress_kind = ?, last_progress_text = ? where case_id = ?",
                ts(e.occurredAt()), e.kind().name(), e.text(), e.caseId().value());
    }

    @EventHandler
    void on(BacklogSettledEvent e) {
        jdbc.update("update backlog_case set outcome = ?, outcome_text = ?, settled_at = ? where case_id = ?",
                e.outcome().name(), e.text(), ts(e.occurredAt()), e.caseId().value());
    }

    @EventHandler
    void on(KeyFieldSetEvent e) {
        jdbc.update("update backlog_case set field = ? where case_id = ?", e.field() == null ? null : e.field().name(),
                e.caseId().value());
    }

    @EventHandler
    void on(TimeLimitStartedEvent e) {
        if (e.timeLimit().stage() == Stage.LEADER_PROGRESS) {
            jdbc.update("update backlog_case set progress_status = ?, progress_due = ? where case_id = ?",
                    TimeLimitStatus.OPEN.name(), ts(e.timeLimit().due()), e.caseId().value());
        }
    }

    @EventHandler
    void on(TimeLimitWarningRaisedEvent e) {
        if (e.stage() == Stage.LEADER_PROGRESS) {
            jdbc.update("update backlog_case set progress_status = ? where case_id = ? and progress_due = ? and progress_status = ?",
                    TimeLimitStatus.WARNED.name(), e.caseId().value(), ts(e.due()), TimeLimitStatus.OPEN.name());
        }
    }

    @EventHandler
    void on(TimeLimitBreachedEvent e) {
        if (e.stage() == Stage.LEADER_PROGRESS) {
            jdbc.update("update backlog_case set progress_status = ? where case_id = ? and progress_due = ?",
                    TimeLimitStatus.BREACHED.name(), e.caseId().value(), ts(e.due()));
        }
    }

    @EventHandler
    void on(TimeLimitStoppedEvent e) {
        if (e.stage() == Stage.LEADER_PROGRESS) {
            jdbc.update("update backlog_case set progress_status = ? where case_id = ? and progress_due = ?",
                    (e.met() ? TimeLimitStatus.MET : TimeLimitStatus.MET_LATE).name(), e.caseId().value(), ts(e.due()));
        }
    }

    @EventHandler
    void on(PetitionTransferredEvent e) {
        jdbc.update("update backlog_case set unit = ? where case_id = ?", e.toUnit(), e.caseId().value());
    }

    @EventHandler
    void on(PetitionReturnedEvent e) {
        jdbc.update("update backlog_case set unit = ? where case_id = ?", e.toUnit(), e.caseId().value());
    }

    @EventHandler
    void on(PetitionResolvedEvent e) {
        jdbc.update("update backlog_case set status = ? where case_id = ?", CaseStatusEvolution.nameAfter(e), e.caseId().value());
    }

    @EventHandler
    void on(PetitionDeclinedEvent e) {
        jdbc.update("update backlog_case set status = ? where case_id = ?", CaseStatusEvolution.nameAfter(e), e.caseId().value());
    }

    /**
     * A review case (复查 / 复核) closes when its decision is delivered ({@code concludes}), not with a
     * resolution: {@link CaseStatusEvolution} says which delivery closes a case.
     */
    @EventHandler
    void on(ReplyDeliveredEvent e) {
        CaseStatusEvolution.statusAfter(e).filter(CaseStatus::isClosed).ifPresent(status ->
                jdbc.update("update backlog_case set status = ? where case_id = ?", status.name(), e.caseId().value()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from backlog_case");
    }
}
