package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 重复访 – the case repeats {@code earlierCaseId}, linked by hand ({@code LinkRepeatCommand}); the repeats found
 * at registration are in {@link PetitionRegisteredEvent#repeatOf}.
 */
@Revision("1")
public record RepeatLinkedEvent(
        CaseId caseId,
        CaseId earlierCaseId,
        String reason,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
