package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 送达 – the written reply (信访处理意见书, or a review's decision) reached the petitioner; {@code reviewRequestDeadline}
 * is the last instant a review may be requested (30 days, 条例 第三十五条); {@code concludes} is true when the delivery
 * concludes the case (a review case, which has no meetings).
 */
@Revision("1")
public record ReplyDeliveredEvent(
        CaseId caseId,
        DeliveryMode mode,
        String receivedBy,
        Instant reviewRequestDeadline,
        boolean concludes,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
