package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 预警 – 75 % of a stage's allowed working time was used; {@code occurredAt} is the warning instant.
 */
@Revision("1")
public record TimeLimitWarningRaisedEvent(
        CaseId caseId,
        String unit,
        Stage stage,
        Instant due,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
