package cn.xinfang.petition.api.lifecycle;

import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.StopReason;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.TimeLimitStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * 时限运行 – one run of a stage against its limit, from {@code TimeLimitStarted} to
 * {@code TimeLimitStopped}, with its warning and breach. Immutable; each method answers the run after
 * one event. The aggregate keeps the open runs, the case view all of them: both move them here, so
 * the two never disagree on what an extension or a recomputation does to a warning or a breach.
 *
 * @param limit      the limit in force (replaced by an extension or a recomputation)
 * @param unit       the unit responsible while the stage runs
 * @param status     where the run stands
 * @param warnedAt   when the warning (预警) was recorded as due, or null
 * @param breachedAt when the breach (超期) was recorded as due, or null
 * @param stoppedAt  when the stage stopped, or null while it runs
 * @param stopReason why it stopped, or null while it runs
 */
public record StageRun(TimeLimit limit, String unit, TimeLimitStatus status, Instant warnedAt, Instant breachedAt,
                       Instant stoppedAt, StopReason stopReason) {

    public StageRun {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(status, "status");
    }

    /** A run that has just started. */
    public static StageRun started(TimeLimit limit, String unit) {
        return new StageRun(limit, unit, TimeLimitStatus.OPEN, null, null, null, null);
    }

    public Stage stage() {
        return limit.stage();
    }

    public boolean isOpen() {
        return stoppedAt == null;
    }

    public boolean isWarned() {
        return warnedAt != null;
    }

    public boolean isBreached() {
        return breachedAt != null;
    }

    /**
     * 延期 or 重算 – the run under a new limit. A breach already recorded stays (a stage breached
     * before an extension and done after the breach is late, whatever the new due instant: it ends
     * MET_LATE). Otherwise, when the
     * due or the warning instant moves, the warning no longer holds (it is raised again at the new
     * instant).
     */
    public StageRun replaced(TimeLimit fresh) {
        if (breachedAt != null) {
            return new StageRun(fresh, unit, status, warnedAt, breachedAt, stoppedAt, stopReason);
        }
        boolean moved = !fresh.due().equals(limit.due()) || !fresh.warning().equals(limit.warning());
        Instant warned = moved ? null : warnedAt;
        return new StageRun(fresh, unit, statusOf(warned, null), warned, null, stoppedAt, stopReason);
    }

    /**
     * Whether a stop at {@code at} meets the limit: by the due instant, and not after a breach. A
     * breach is dated at the due instant it passed, so a back-entered step that happened before it
     * still meets the limit, while a step after a breach that an extension followed does not.
     */
    public boolean metIfStoppedAt(Instant at) {
        return !at.isAfter(limit.due()) && (breachedAt == null || !at.isAfter(breachedAt));
    }

    /** 预警 recorded. */
    public StageRun warned(Instant at) {
        return new StageRun(limit, unit, statusOf(at, breachedAt), at, breachedAt, stoppedAt, stopReason);
    }

    /** 超期 recorded. */
    public StageRun breached(Instant at) {
        return new StageRun(limit, unit, TimeLimitStatus.BREACHED, warnedAt, at, stoppedAt, stopReason);
    }

    /** The stage stopped at {@code at}: met when by its due instant. */
    public StageRun stopped(boolean met, StopReason reason, Instant at) {
        return new StageRun(limit, unit, met ? TimeLimitStatus.MET : TimeLimitStatus.MET_LATE, warnedAt, breachedAt, at, reason);
    }

    private static TimeLimitStatus statusOf(Instant warned, Instant breached) {
        if (breached != null) {
            return TimeLimitStatus.BREACHED;
        }
        return warned != null ? TimeLimitStatus.WARNED : TimeLimitStatus.OPEN;
    }
}
