package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** 重复访 – the link of the case to {@code earlierCaseId} was removed by hand. */
@Revision("1")
public record RepeatUnlinkedEvent(
        CaseId caseId,
        CaseId earlierCaseId,
        String reason,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
