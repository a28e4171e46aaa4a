package cn.xinfang.petition.process;

import java.time.Instant;

/** The schedule ids the saga keeps for one open stage, so that it cancels exactly those deadlines. */
public record ScheduledStage(String warningScheduleId, String dueScheduleId, Instant due) {
}
