package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 办结 – the case was concluded.
 * Revision 2 adds {@code satisfactionSource} (who gave the rating, 条例 第二十一条); null in revision 1 payloads.
 */
@Revision("2")
public record PetitionResolvedEvent(
        CaseId caseId,
        String summary,
        Satisfaction satisfaction,
        SatisfactionSource satisfactionSource,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
