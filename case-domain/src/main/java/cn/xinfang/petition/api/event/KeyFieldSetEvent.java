package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** 重点领域 – the key field of the case changed from {@code previous} to {@code field} (either may be null). */
@Revision("1")
public record KeyFieldSetEvent(
        CaseId caseId,
        KeyField previous,
        KeyField field,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
