package cn.xinfang.petition.projection.caseview;

import cn.xinfang.petition.api.LeaderPlan;

import java.time.Instant;
import java.util.List;

/**
 * 积案 / 包案 of a case view (issue 15): the one active leader with the plan, the leaders before,
 * the progress entries, the outcome, and the skip-level visits (越级访).
 */
public record BacklogView(String leader, String leaderUnit, LeaderPlan plan, Instant assignedAt, List<Assignment> assignments,
                          List<Progress> progress, Settlement settlement, List<SkipLevelVisit> skipLevels) {

    /** One assignment of a leader; {@code previousLeader} the one replaced, {@code reason} why. */
    public record Assignment(String leader, String leaderUnit, LeaderPlan plan, String previousLeader, String reason, String by,
                             Instant at) {
    }

    public record Progress(String kind, String text, String by, Instant at) {
    }

    public record Settlement(String outcome, String text, String by, Instant at) {
    }

    public record SkipLevelVisit(String level, String place, String text, String unit, String by, Instant at) {
    }
}
