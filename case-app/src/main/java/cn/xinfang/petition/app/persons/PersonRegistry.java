package cn.xinfang.petition.app.persons;

import cn.xinfang.petition.api.Channel;
import cn.xinfang.petition.api.EscalationReason;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.SkipLevel;
import cn.xinfang.petition.api.event.PetitionEscalatedEvent;
import cn.xinfang.petition.api.event.PetitionRegisteredEvent;
import cn.xinfang.petition.api.event.PetitionReturnedEvent;
import cn.xinfang.petition.api.event.PetitionTransferredEvent;
import cn.xinfang.petition.api.event.RepeatLinkedEvent;
import cn.xinfang.petition.api.event.RepeatUnlinkedEvent;
import cn.xinfang.petition.api.event.SkipLevelPetitionRecordedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The person registry (信访人, issue 15) as a read model of the events (subscribing processor
 * {@value #NAME}, written in the transaction that records each event: {@code PersonsConfiguration}):
 * each registration files its case under the petitioner's person id ({@link PersonIdentity}), with
 * the facts the flags are derived from (collective, online, repeat links, 越级访). Visits and
 * receptions come in through {@link #recordVisit}, to be called from the event handlers of those
 * records in this same processing group (so that the catch-up's replay files them too,
 * {@link PersonRegistryCatchUp}). Idempotent: every
 * event sets rows, none counts.
 */
@Component
@ProcessingGroup(PersonRegistry.NAME)
public class PersonRegistry {

    public static final String NAME = "persons";

    private final JdbcTemplate jdbc;
    private final PersonIdentity identity;

    /** The zone a visit's or reception's day starts in (the cases' zone). */
    private final java.time.ZoneId zone;

    @org.springframework.beans.factory.annotation.Autowired
    public PersonRegistry(JdbcTemplate jdbc, PersonIdentity identity, cn.xinfang.petition.time.TimeRules rules) {
        this(jdbc, identity, rules.zone());
    }

    PersonRegistry(JdbcTemplate jdbc, PersonIdentity identity, java.time.ZoneId zone) {
        this.zone = zone;
        this.jdbc = jdbc;
        this.identity = identity;
    }

    @EventHandler
    void on(PetitionRegisteredEvent e) {
        String personId = person(e.petitioner(), e.recordedAt());
        String caseId = e.caseId().value();
        jdbc.update("delete from person_case where case_id = ?", caseId);
        jdbc.update("insert into person_case (case_id, person_id, case_no, category, subject, unit, registered_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", caseId, personId, e.caseNo(), e.category().name(), e.subject(), e.unit(),
                Timestamp.from(e.occurredAt()));
        if (e.collective()) {
            flag(caseId, "COLLECTIVE");
        }
        if (e.channel() == Channel.ONLINE) {
            flag(caseId, "ONLINE_PROVINCIAL_COMPLAINT");
        }
        if (e.repeatOf() != null) {
            e.repeatOf().forEach(earlier -> repeat(caseId, earlier.value()));
        }
    }

    @EventHandler
    void on(SkipLevelPetitionRecordedEvent e) {
        if (e.level() == SkipLevel.BEIJING) {
            flag(e.caseId().value(), "SKIP_LEVEL_BEIJING");
        } else if (e.level() == SkipLevel.PROVINCE) {
            flag(e.caseId().value(), "SKIP_LEVEL_PROVINCE");
        }
    }

    @EventHandler
    void on(RepeatLinkedEvent e) {
        repeat(e.caseId().value(), e.earlierCaseId().value());
    }

    @EventHandler
    void on(RepeatUnlinkedEvent e) {
        jdbc.update("delete from person_case_repeat where case_id = ? and earlier_case_id = ?", e.caseId().value(),
                e.earlierCaseId().value());
    }

    @EventHandler
    void on(PetitionEscalatedEvent e) {
        if (e.reason() == EscalationReason.REPEAT) {
            flag(e.caseId().value(), "REPEAT");
        }
    }

    @EventHandler
    void on(PetitionTransferredEvent e) {
        jdbc.update("update person_case set unit = ? where case_id = ?", e.toUnit(), e.caseId().value());
    }

    @EventHandler
    void on(PetitionReturnedEvent e) {
        jdbc.update("update person_case set unit = ? where case_id = ?", e.toUnit(), e.caseId().value());
    }

    /** 走访 (issue 14): the visited person is filed with the visit. */
    @EventHandler
    void on(cn.xinfang.petition.api.visit.VisitRecordedEvent e) {
        recordVisit(e.details().person(), e.visitId(), "VISIT", e.details().visitedAt().atStartOfDay(zone).toInstant());
    }

    /** A corrected visit may name another person: it is filed again under the corrected one. */
    @EventHandler
    void on(cn.xinfang.petition.api.visit.VisitCorrectedEvent e) {
        recordVisit(e.details().person(), e.visitId(), "VISIT", e.details().visitedAt().atStartOfDay(zone).toInstant());
    }

    /** 接访 (issue 14): the received person is filed with the reception. */
    @EventHandler
    void on(cn.xinfang.petition.api.visit.ReceptionRecordedEvent e) {
        recordVisit(e.person(), e.receptionId(), "RECEPTION", e.date().atStartOfDay(zone).toInstant());
    }

    /**
     * The hook for visits and receptions (来访登记, 领导接访): files {@code visitId} under the person of
     * {@code petitioner}; {@code kind} e.g. VISIT or RECEPTION. Idempotent.
     */
    public void recordVisit(Petitioner petitioner, String visitId, String kind, Instant at) {
        String personId = person(petitioner, at);
        jdbc.update("delete from person_visit where visit_id = ?", visitId);
        jdbc.update("insert into person_visit (visit_id, person_id, kind, at_time) values (?, ?, ?, ?)", visitId, personId, kind,
                Timestamp.from(at));
    }

    /**
     * The person of {@code p}, created or brought up to date (the latest name and phone), by person id.
     * Two registrations of a new person may run at once (each in its command's transaction): the
     * insert that comes second waits for the first, then does nothing, and the person is updated.
     */
    private String person(Petitioner p, Instant at) {
        // the id the store gave (after a shred the fields read 已删除, the id stays); else derived
        String personId = p.personId() != null ? p.personId() : identity.personIdOf(p);
        String hash = p.idNumber() == null || p.isErased() ? null : identity.idNumberHash(p.idNumber());
        Object[] update = {p.name(), p.idNumber(), hash, p.phone(), Timestamp.from(at), personId};
        String updateSql = "update person set name = ?, id_number = coalesce(?, id_number), id_hash = coalesce(?, id_hash), "
                + "phone = coalesce(?, phone), updated_at = ? where person_id = ?";
        if (jdbc.update(updateSql, update) == 0
                && jdbc.update("insert into person (person_id, name, id_number, id_hash, phone, updated_at) values (?, ?, ?, ?, ?, ?) "
                + "on conflict do nothing", personId, p.name(), p.idNumber(), hash, p.phone(), Timestamp.from(at)) == 0) {
            jdbc.update(updateSql, update); // the other transaction's row, committed meanwhile
        }
        return personId;
    }

    private void flag(String caseId, String flag) {
        jdbc.update("delete from person_case_flag where case_id = ? and flag = ?", caseId, flag);
        jdbc.update("insert into person_case_flag (case_id, flag) values (?, ?)", caseId, flag);
    }

    private void repeat(String caseId, String earlier) {
        jdbc.update("delete from person_case_repeat where case_id = ? and earlier_case_id = ?", caseId, earlier);
        jdbc.update("insert into person_case_repeat (case_id, earlier_case_id) values (?, ?)", caseId, earlier);
    }
}
