package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** 包案推进 – what the leader (or the unit) did on the backlog case; restarts LEADER_PROGRESS. */
@Revision("1")
public record LeaderProgressRecordedEvent(
        CaseId caseId,
        String leader,
        ProgressKind kind,
        String text,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
