package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 处理意见 – the handling opinion was given.
 */
@Revision("1")
public record OpinionGivenEvent(
        CaseId caseId,
        Decision decision,
        String text,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
