package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.Track;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * 时限规则 – the stage table as data: which stages run against a limit on each track (and on a review
 * case), their limits and the step each counts from, the warning fraction, which breaches escalate
 * the case, which stages may be extended and by how much, how long a receiving unit may return a
 * transferred case and how long after delivery a review may be requested. The id and version travel
 * in every {@code TimeLimitStarted}, so a case replayed years later keeps the limits it had.
 *
 * @param id               the policy's name, e.g. {@code town-225-510}
 * @param version          the version of the table; bump it when a deployment changes a limit
 * @param warningFraction  the share of allowed working time after which the warning is raised (0.75)
 * @param stages           per track, the stage rules in lifecycle order
 * @param reviewStages     the stage rules of a review case (复查 / 复核), whatever its track
 * @param escalateOnBreach stages whose breach escalates the case to the supervisors
 * @param extensions       which stages may be extended, how often and by how much (条例 第三十四条)
 * @param returnWindow     how long after a transfer the receiving unit may return the case (条例 第二十三条: 5 working days)
 * @param reviewWindow     how long after delivery a review may be requested (条例 第三十五条: 30 days)
 */
public record TimeLimitPolicy(String id, int version, double warningFraction, Map<Track, List<StageRule>> stages,
                              List<StageRule> reviewStages, Set<Stage> escalateOnBreach, Map<Stage, ExtensionRule> extensions,
                              LimitAmount returnWindow, LimitAmount reviewWindow) {

    public static final String DEFAULT_ID = "town-225-510";
    /** 包案推进 (issue 15): a backlog case's leader records progress within 10 working days of the assignment or the last entry. */
    public static final LimitAmount DEFAULT_LEADER_PROGRESS = LimitAmount.workingDays(10);

    public TimeLimitPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(returnWindow, "returnWindow");
        Objects.requireNonNull(reviewWindow, "reviewWindow");
        if (!(warningFraction > 0 && warningFraction <= 1)) {
            throw new IllegalArgumentException("warning fraction must be in (0, 1], got " + warningFraction);
        }
        Map<Track, List<StageRule>> copy = new EnumMap<>(Track.class);
        stages.forEach((track, rules) -> copy.put(track, List.copyOf(rules)));
        for (Track t : Track.values()) {
            if (!copy.containsKey(t)) {
                throw new IllegalArgumentException("policy " + id + " has no stage table for track " + t);
            }
            for (StageRule r : copy.get(t)) {
                if (r.sameDueAs() != null && copy.get(t).stream().noneMatch(o -> o.stage() == r.sameDueAs() && o.limit() != null)) {
                    throw new IllegalArgumentException("policy " + id + ", track " + t + ": " + r.stage()
                            + " shares the due instant of " + r.sameDueAs() + ", which has no limit of its own");
                }
            }
        }
        stages = Map.copyOf(copy);
        reviewStages = reviewStages == null ? List.of() : List.copyOf(reviewStages);
        escalateOnBreach = escalateOnBreach == null || escalateOnBreach.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(escalateOnBreach));
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** The town's policy (曹办〔2023〕59号): "225" for simple matters, "510" for general ones, with 一回应两见面. */
    public static TimeLimitPolicy townDefault() {
        return withLimits(1, 0.75,
                LimitAmount.workingHours(2), LimitAmount.workingHours(2), LimitAmount.workingDays(5),
                LimitAmount.workingDays(5), LimitAmount.workingDays(10),
                LimitAmount.workingDays(1), LimitAmount.workingDays(3), LimitAmount.calendarDays(60));
    }

    /** The default table shape with other limits, as a deployment configures them; the 条例's periods as the 条例 sets them. */
    public static TimeLimitPolicy withLimits(int version, double warningFraction,
                                             LimitAmount simpleSign, LimitAmount simpleAccept, LimitAmount simpleOpinion,
                                             LimitAmount generalAccept, LimitAmount generalOpinion,
                                             LimitAmount respond, LimitAmount meetConclusion, LimitAmount conclude) {
        return withLimits(version, warningFraction, simpleSign, simpleAccept, simpleOpinion, generalAccept, generalOpinion,
                respond, meetConclusion, conclude, LimitAmount.calendarDays(15), LimitAmount.calendarDays(30));
    }

    /**
     * The default table shape with every limit given: the town's 225/510 stages, 一回应两见面, the
     * written notice (书面告知, {@code notify}) on both tracks, and a review case's decision
     * ({@code reviewDecision}). CONCLUDE may be extended once by at most 30 calendar days, OPINION
     * once by at most its own length; breaches of every stage but SIGN and NOTIFY escalate.
     */
    public static TimeLimitPolicy withLimits(int version, double warningFraction,
                                             LimitAmount simpleSign, LimitAmount simpleAccept, LimitAmount simpleOpinion,
                                             LimitAmount generalAccept, LimitAmount generalOpinion,
                                             LimitAmount respond, LimitAmount meetConclusion, LimitAmount conclude,
                                             LimitAmount notify, LimitAmount reviewDecision) {
        List<StageRule> simple = List.of(
                StageRule.limit(Stage.SIGN, simpleSign, StageStart.REGISTRATION_OR_TRANSFER),
                StageRule.limit(Stage.ACCEPT, simpleAccept, StageStart.SIGNING),
                StageRule.limit(Stage.RESPOND, respond, StageStart.ACCEPTANCE),
                StageRule.sameDueAs(Stage.MEET_HANDLING, Stage.OPINION, StageStart.ACCEPTANCE),
                StageRule.limit(Stage.OPINION, simpleOpinion, StageStart.ACCEPTANCE),
                StageRule.limit(Stage.MEET_CONCLUSION, meetConclusion, StageStart.OPINION),
                StageRule.limit(Stage.CONCLUDE, conclude, StageStart.ACCEPTANCE),
                StageRule.limit(Stage.NOTIFY, notify, StageStart.REGISTRATION_OR_TRANSFER),
                StageRule.limit(Stage.LEADER_PROGRESS, DEFAULT_LEADER_PROGRESS, StageStart.LEADER_ASSIGNMENT_OR_PROGRESS));
        List<StageRule> general = List.of(
                StageRule.limit(Stage.ACCEPT, generalAccept, StageStart.REGISTRATION_OR_TRANSFER),
                StageRule.limit(Stage.RESPOND, respond, StageStart.ACCEPTANCE),
                StageRule.sameDueAs(Stage.MEET_HANDLING, Stage.OPINION, StageStart.ACCEPTANCE),
                StageRule.limit(Stage.OPINION, generalOpinion, StageStart.ACCEPTANCE),
                StageRule.limit(Stage.MEET_CONCLUSION, meetConclusion, StageStart.OPINION),
                StageRule.limit(Stage.CONCLUDE, conclude, StageStart.ACCEPTANCE),
                StageRule.limit(Stage.NOTIFY, notify, StageStart.REGISTRATION_OR_TRANSFER),
                StageRule.limit(Stage.LEADER_PROGRESS, DEFAULT_LEADER_PROGRESS, StageStart.LEADER_ASSIGNMENT_OR_PROGRESS));
        List<StageRule> review = List.of(StageRule.limit(Stage.REVIEW_DECISION, reviewDecision, StageStart.REVIEW_REQUEST));
        Map<Stage, ExtensionRule> extensions = Map.of(
                Stage.CONCLUDE, new ExtensionRule(Stage.CONCLUDE, 1, LimitAmount.calendarDays(30)),
                Stage.OPINION, new ExtensionRule(Stage.OPINION, 1, null));
        return new TimeLimitPolicy(DEFAULT_ID, version, warningFraction, Map.of(Track.SIMPLE, simple, Track.GENERAL, general),
                review,
                EnumSet.of(Stage.ACCEPT, Stage.RESPOND, Stage.MEET_HANDLING, Stage.OPINION, Stage.MEET_CONCLUSION, Stage.CONCLUDE,
                        Stage.REVIEW_DECISION),
                extensions, LimitAmount.workingDays(5), LimitAmount.calendarDays(30));
    }

    /** The stage rules of a case: its track's, or a review case's. */
    public List<StageRule> stagesOf(Track track, boolean review) {
        return review ? reviewStages : stages.get(track);
    }

    /** The rule of a stage on a track, or of a review case's stage. */
    public Optional<StageRule> rule(Track track, Stage stage) {
        return Stream.concat(stages.get(track).stream(), reviewStages.stream()).filter(r -> r.stage() == stage).findFirst();
    }

    /** Whether a stage runs against a limit on a track (a GENERAL case has no SIGN limit). */
    public boolean hasLimit(Track track, Stage stage) {
        return rule(track, stage).isPresent();
    }

    public boolean escalatesOnBreach(Stage stage) {
        return escalateOnBreach.contains(stage);
    }

    /** How a stage may be extended; empty when it may not. */
    public Optional<ExtensionRule> extensionRule(Stage stage) {
        return Optional.ofNullable(extensions.get(stage));
    }

    /** The most CONCLUDE may be extended in total, in calendar days (0 when it may not be). */
    public long maxConcludeExtensionDays() {
        return extensionRule(Stage.CONCLUDE).map(r -> r.max() == null ? 0 : r.max().amount()).orElse(0L);
    }

    // issue 15
    /** The same policy with another LEADER_PROGRESS limit on both tracks (a deployment's setting). */
    public TimeLimitPolicy withLeaderProgress(LimitAmount limit) {
        Map<Track, List<StageRule>> copy = new EnumMap<>(Track.class);
        stages.forEach((track, rules) -> copy.put(track, rules.stream()
                .map(r -> r.stage() == Stage.LEADER_PROGRESS ? StageRule.limit(Stage.LEADER_PROGRESS, limit, r.startsAt()) : r)
                .toList()));
        return new TimeLimitPolicy(id, version, warningFraction, copy, reviewStages, escalateOnBreach, extensions,
                returnWindow, reviewWindow);
    }
}
