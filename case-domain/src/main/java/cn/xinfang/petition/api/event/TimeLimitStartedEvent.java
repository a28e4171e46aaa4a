package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 时限开始 – a stage started running against its limit; {@code timeLimit} carries what the policy computed. {@code unit} is the responsible unit.
 */
@Revision("1")
public record TimeLimitStartedEvent(
        CaseId caseId,
        String unit,
        TimeLimit timeLimit,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
