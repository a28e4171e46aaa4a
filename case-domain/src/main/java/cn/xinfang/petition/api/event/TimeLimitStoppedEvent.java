package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 时限停止 – a stage stopped running; {@code met} is whether it stopped by its due instant.
 */
@Revision("1")
public record TimeLimitStoppedEvent(
        CaseId caseId,
        Stage stage,
        Instant due,
        boolean met,
        StopReason reason,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
