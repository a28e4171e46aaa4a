package cn.xinfang.petition.projection.escalation;

import cn.xinfang.petition.api.CaseStatus;
import cn.xinfang.petition.api.event.*;
import cn.xinfang.petition.api.lifecycle.CaseStatusEvolution;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static cn.xinfang.petition.projection.support.Sql.ts;

/**
 * Builds {@code escalation_case} (every case, its unit, and {@code OPEN} or the status it closed
 * with) and {@code escalation_entry} (each escalation).
 */
@Component
@ProcessingGroup(EscalationProjection.NAME)
public class EscalationProjection {

    public static final String NAME = "escalations";

    private final JdbcTemplate jdbc;

    public EscalationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PetitionRegisteredEvent e) {
        jdbc.update("delete from escalation_case where case_id = ?", e.caseId().value());
        jdbc.update("insert into escalation_case (case_id, case_no, subject, unit, status) values (?, ?, ?, ?, 'OPEN')",
                e.caseId().value(), e.caseNo(), e.subject(), e.unit());
    }

    @EventHandler
    void on(PetitionEscalatedEvent e, @MessageIdentifier String eventId) {
        jdbc.update("delete from escalation_entry where event_id = ?", eventId);
        jdbc.update("insert into escalation_entry (event_id, case_id, reason, leader, plan, stage, by_user, by_role, at_time, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", eventId, e.caseId().value(), e.reason().name(), e.leader(), e.plan(),
                e.stage() == null ? null : e.stage().name(), e.actor().userId(), e.actor().role().name(), ts(e.occurredAt()),
                ts(e.recordedAt()));
    }

    @EventHandler
    void on(PetitionTransferredEvent e) {
        jdbc.update("update escalation_case set unit = ? where case_id = ?", e.toUnit(), e.caseId().value());
    }

    @EventHandler
    void on(PetitionReturnedEvent e) {
        jdbc.update("update escalation_case set unit = ? where case_id = ?", e.toUnit(), e.caseId().value());
    }

    @EventHandler
    void on(PetitionResolvedEvent e) {
        jdbc.update("update escalation_case set status = ? where case_id = ?", CaseStatusEvolution.nameAfter(e), e.caseId().value());
    }

    @EventHandler
    void on(PetitionDeclinedEvent e) {
        jdbc.update("update escalation_case set status = ? where case_id = ?", CaseStatusEvolution.nameAfter(e), e.caseId().value());
    }

    /**
     * A review case (复查 / 复核) closes when its decision is delivered ({@code concludes}), not with a
     * resolution: {@link CaseStatusEvolution} says which delivery closes a case.
     */
    @EventHandler
    void on(ReplyDeliveredEvent e) {
        CaseStatusEvolution.statusAfter(e).filter(CaseStatus::isClosed).ifPresent(status ->
                jdbc.update("update escalation_case set status = ? where case_id = ?", status.name(), e.caseId().value()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from escalation_entry");
        jdbc.update("delete from escalation_case");
    }
}
