package cn.xinfang.petition.api.command;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;

import java.time.Instant;

/** A command a user (or the engine) sends to one case: who, when it happened and when it was recorded. */
public interface CaseCommand {

    CaseId caseId();

    Actor actor();

    /** When the step happened; null means at {@link #recordedAt()}. */
    Instant occurredAt();

    /** When the step was recorded (the service's clock). */
    Instant recordedAt();

    /** The time the step counts from: {@link #occurredAt()} if given, else {@link #recordedAt()}. */
    default Instant effectiveTime() {
        return occurredAt() != null ? occurredAt() : recordedAt();
    }
}
