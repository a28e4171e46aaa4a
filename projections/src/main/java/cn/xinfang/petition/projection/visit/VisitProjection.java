package cn.xinfang.petition.projection.visit;

import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.event.PetitionRegisteredEvent;
import cn.xinfang.petition.api.event.PetitionReturnedEvent;
import cn.xinfang.petition.api.event.PetitionTransferredEvent;
import cn.xinfang.petition.api.visit.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.List;
import java.util.Objects;

import static cn.xinfang.petition.projection.support.Sql.ts;

/**
 * Builds {@code visit_entry}, {@code visit_visitor}, {@code rota_entry}, {@code reception_entry} and
 * {@code visit_case_person} (each case's petitioner and unit, for the coverage).
 * Every write sets absolute values (or deletes and inserts the same rows), so a handler applied twice
 * leaves the same rows. The processor is subscribing: the rows are written in the transaction that
 * records the event, so a list read after a 201 shows what was recorded.
 */
@Component
@ProcessingGroup(VisitProjection.NAME)
public class VisitProjection {

    public static final String NAME = "visits";

    private final JdbcTemplate jdbc;

    public VisitProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VisitRecordedEvent e) {
        jdbc.update("delete from visit_entry where visit_id = ?", e.visitId());
        VisitDetails d = e.details();
        Petitioner p = d.person();
        jdbc.update("insert into visit_entry (visit_id, visit_no, unit, visited_at, visitors, person_name, id_number, phone, address, "
                        + "work_unit_or_address, demands, resolution, resolution_at, remarks, recorded_at, recorded_by, person_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.visitId(), e.visitNo(), e.unit(), Date.valueOf(d.visitedAt()), String.join(",", d.visitors()), p.name(),
                p.idNumber(), p.phone(), p.address(), d.workUnitOrAddress(), d.demands(), d.resolution(),
                d.resolution() == null ? null : ts(e.recordedAt()), d.remarks(), ts(e.recordedAt()), e.actor().userId(), p.personId());
        visitors(e.visitId(), e.unit(), d);
    }

    @EventHandler
    void on(VisitCorrectedEvent e) {
        VisitDetails d = e.details();
        Petitioner p = d.person();
        List<String> current = jdbc.queryForList("select resolution from visit_entry where visit_id = ?", String.class, e.visitId());
        boolean resolutionChanged = current.isEmpty() || !Objects.equals(current.get(0), d.resolution());
        jdbc.update("update visit_entry set visited_at = ?, visitors = ?, person_name = ?, id_number = ?, phone = ?, address = ?, "
                        + "work_unit_or_address = ?, demands = ?, resolution = ?, remarks = ?, corrected_at = ?, corrected_by = ?, "
                        + "person_id = ? where visit_id = ?",
                Date.valueOf(d.visitedAt()), String.join(",", d.visitors()), p.name(), p.idNumber(), p.phone(), p.address(),
                d.workUnitOrAddress(), d.demands(), d.resolution(), d.remarks(), ts(e.recordedAt()), e.actor().userId(), p.personId(),
                e.visitId());
        if (resolutionChanged) {
            jdbc.update("update visit_entry set resolution_at = ? where visit_id = ?",
                    d.resolution() == null ? null : ts(e.recordedAt()), e.visitId());
        }
        visitors(e.visitId(), e.unit(), d);
    }

    @EventHandler
    void on(VisitCaseLinkedEvent e) {
        jdbc.update("update visit_entry set case_id = ? where visit_id = ?", e.caseId(), e.visitId());
    }

    @EventHandler
    void on(RotaGeneratedEvent e) {
        jdbc.update("delete from rota_entry where unit = ? and rota_date >= ? and rota_date <= ?", e.unit(), Date.valueOf(e.from()),
                Date.valueOf(e.to()));
        for (RotaEntry x : e.entries()) {
            jdbc.update("insert into rota_entry (unit, rota_date, leader, reason) values (?, ?, ?, ?)", e.unit(),
                    Date.valueOf(x.date()), x.leader(), x.reason());
        }
    }

    @EventHandler
    void on(RotaDaySwappedEvent e) {
        jdbc.update("update rota_entry set leader = ?, reason = ? where unit = ? and rota_date = ?", e.leader(), e.reason(), e.unit(),
                Date.valueOf(e.date()));
    }

    @EventHandler
    void on(ReceptionRecordedEvent e) {
        jdbc.update("delete from reception_entry where reception_id = ?", e.receptionId());
        Petitioner p = e.person();
        jdbc.update("insert into reception_entry (reception_id, unit, reception_date, leader, kind, person_name, id_number, phone, "
                        + "address, headcount, demands, recorded_at, recorded_by, person_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.receptionId(), e.unit(), Date.valueOf(e.date()), e.leader(), e.kind().name(), p.name(), p.idNumber(), p.phone(),
                p.address(), e.headcount(), e.demands(), ts(e.recordedAt()), e.actor().userId(), p.personId());
    }

    @EventHandler
    void on(ReceptionCaseLinkedEvent e) {
        jdbc.update("update reception_entry set case_id = ? where reception_id = ?", e.caseId(), e.receptionId());
    }

    @EventHandler
    void on(PetitionRegisteredEvent e) {
        jdbc.update("delete from visit_case_person where case_id = ?", e.caseId().value());
        jdbc.update("insert into visit_case_person (case_id, unit, first_unit, petitioner_name, id_number, phone, registered_at, person_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", e.caseId().value(), e.unit(), e.firstUnit(), e.petitioner().name(),
                e.petitioner().idNumber(), e.petitioner().phone(), ts(e.recordedAt()), e.petitioner().personId());
    }

    @EventHandler
    void on(PetitionTransferredEvent e) {
        jdbc.update("update visit_case_person set unit = ? where case_id = ?", e.toUnit(), e.caseId().value());
    }

    @EventHandler
    void on(PetitionReturnedEvent e) {
        jdbc.update("update visit_case_person set unit = ? where case_id = ?", e.toUnit(), e.caseId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from visit_entry");
        jdbc.update("delete from visit_visitor");
        jdbc.update("delete from rota_entry");
        jdbc.update("delete from reception_entry");
        jdbc.update("delete from visit_case_person");
    }

    private void visitors(String visitId, String unit, VisitDetails d) {
        jdbc.update("delete from visit_visitor where visit_id = ?", visitId);
        for (String u : d.visitors().stream().distinct().toList()) {
            jdbc.update("insert into visit_visitor (visit_id, username, unit, visited_at) values (?, ?, ?, ?)", visitId, u, unit,
                    Date.valueOf(d.visitedAt()));
        }
    }
}
