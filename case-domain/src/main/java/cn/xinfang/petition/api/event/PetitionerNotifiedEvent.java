package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * 书面告知 – the petitioner was told in writing (accepted, not accepted, or sent on); {@code unit} is the unit that told them.
 */
@Revision("1")
public record PetitionerNotifiedEvent(
        CaseId caseId,
        String unit,
        NoticeKind kind,
        NoticeMode mode,
        String text,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
