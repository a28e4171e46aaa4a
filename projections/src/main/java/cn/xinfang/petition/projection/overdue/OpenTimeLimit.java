package cn.xinfang.petition.projection.overdue;

import java.time.Duration;
import java.time.Instant;

/**
 * One running stage in the overdue or soon-due list. For an overdue stage {@code lateBy} is how
 * late it is in calendar time and {@code lateByWorkingTime} in working time; for a soon-due stage
 * {@code dueIn} and {@code dueInWorkingTime} are the time left.
 */
public record OpenTimeLimit(String caseId, String caseNo, String subject, String unit, String stage, String rule,
                            Instant startedAt, Instant dueAt, Instant warningAt, boolean warned, boolean breached,
                            Duration lateBy, Duration lateByWorkingTime, Duration dueIn, Duration dueInWorkingTime) {
}
