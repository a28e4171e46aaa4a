package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 复查 / 复核申请 – the petitioner asked for a review of this case's reply; the review is the case {@code reviewCaseId}.
 */
@Revision("1")
public record ReviewRequestedEvent(
        CaseId caseId,
        CaseId reviewCaseId,
        ReviewLevel level,
        String unit,
        String reason,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
