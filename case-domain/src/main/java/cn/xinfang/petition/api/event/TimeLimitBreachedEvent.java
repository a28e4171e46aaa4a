package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 超期 – a stage's due instant passed with the stage open; {@code occurredAt} is the due instant.
 */
@Revision("1")
public record TimeLimitBreachedEvent(
        CaseId caseId,
        String unit,
        Stage stage,
        Instant due,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
