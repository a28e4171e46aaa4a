package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 办理见面 / 办结见面 – a meeting with the petitioner took place.
 */
@Revision("1")
public record MeetingRecordedEvent(
        CaseId caseId,
        MeetingKind kind,
        String place,
        String summary,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
