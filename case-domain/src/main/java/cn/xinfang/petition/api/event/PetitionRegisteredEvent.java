package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 登记 – a petition was received and recorded; {@code firstUnit} is the first receiver (首接), {@code unit} the unit assigned to handle it.
 * Revision 2 adds {@code accusedUnit} (检举控告类: the unit accused), {@code parentCaseId} and {@code reviewLevel}
 * (a review case, 复查 / 复核); all null in revision 1 payloads. {@code visitId} and {@code receptionId} (issue 14,
 * same revision): the visit or reception the case was raised from; null when absent from the stored JSON.
 * {@code field} (重点领域) and {@code repeatOf} (the earlier cases this one repeats, found at
 * registration, 重复访) are null in older payloads (issue 15).
 */
@Revision("2")
public record PetitionRegisteredEvent(
        CaseId caseId,
        String caseNo,
        Track track,
        Channel channel,
        Category category,
        Petitioner petitioner,
        int headcount,
        boolean collective,
        String subject,
        String content,
        String unit,
        String firstUnit,
        String accusedUnit,
        CaseId parentCaseId,
        ReviewLevel reviewLevel,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt,
        String visitId,
        String receptionId,
        KeyField field,
        java.util.List<CaseId> repeatOf) implements CaseEvent {

    /** A registration not raised from a visit or a reception, without a key field and earlier cases. */
    public PetitionRegisteredEvent(CaseId caseId, String caseNo, Track track, Channel channel, Category category,
                                   Petitioner petitioner, int headcount, boolean collective, String subject, String content,
                                   String unit, String firstUnit, String accusedUnit, CaseId parentCaseId, ReviewLevel reviewLevel,
                                   Actor actor, Instant occurredAt, Instant recordedAt) {
        this(caseId, caseNo, track, channel, category, petitioner, headcount, collective, subject, content, unit, firstUnit,
                accusedUnit, parentCaseId, reviewLevel, actor, occurredAt, recordedAt, null, null, null, null);
    }
}
