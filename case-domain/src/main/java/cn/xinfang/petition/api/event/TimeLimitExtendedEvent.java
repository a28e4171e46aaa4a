package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 延期 – a supervisor extended an open stage; {@code timeLimit} is the new limit.
 * Revision 2 adds {@code approvedBy} (the approving leader or supervisor, 条例 第三十四条) and {@code petitionerToldAt}
 * (when the petitioner was told why); both null in revision 1 payloads.
 */
@Revision("2")
public record TimeLimitExtendedEvent(
        CaseId caseId,
        Stage stage,
        LimitAmount extension,
        String reason,
        String approvedBy,
        Instant petitionerToldAt,
        Instant previousDue,
        TimeLimit timeLimit,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
