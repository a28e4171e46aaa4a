package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.*;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** 包案 – {@code leader} (a user id, of {@code leaderUnit}) is now the one active leader of the case with {@code plan}; {@code previousLeader} is the leader replaced (null for the first), {@code reason} why. */
@Revision("1")
public record LeaderAssignedEvent(
        CaseId caseId,
        String leader,
        String leaderUnit,
        LeaderPlan plan,
        String reason,
        String previousLeader,
        Actor actor,
        Instant occurredAt,
        Instant recordedAt) implements CaseEvent {
}
