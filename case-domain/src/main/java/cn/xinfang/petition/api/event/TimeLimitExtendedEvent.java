package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 延期 – a supervisor extended an open stage; {@code timeLimit} is the new limit.
 */
@Revision("1")
public record TimeLimitExtendedEvent(
        CaseId caseId,
        Stage stage,
        LimitAmount extension,
        String reason,
        Instant previousDue,
        TimeLimit timeLimit,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
