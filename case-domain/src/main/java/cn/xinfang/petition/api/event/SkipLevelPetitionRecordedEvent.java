package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.SkipLevel;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 越级访 – the petitioner of the case went to {@code level} ({@code place}) at {@code occurredAt};
 * {@code unit} is the case's handling unit at that time (the unit a 通报 names).
 */
@Revision("1")
public record SkipLevelPetitionRecordedEvent(
        CaseId caseId,
        SkipLevel level,
        String place,
        String text,
        String unit,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
