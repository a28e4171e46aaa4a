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

/**
 * 时限规则 – the stage table as data: which stages run against a limit on each track, their limits
 * and the step each counts from, the warning fraction, which breaches escalate the case, how long a
 * receiving unit may return a transferred case and how far CONCLUDE may be extended. The id and
 * version travel in every {@code TimeLimitStarted}, so a case replayed years later keeps the limits
 * it had.
 *
 * @param id                the policy's name, e.g. {@code town-225-510}
 * @param version           the version of the table; bump it when a deployment changes a limit
 * @param warningFraction   the share of allowed working time after which the warning is raised (0.75)
 * @param stages            per track, the stage rules in lifecycle order
 * @param escalateOnBreach  stages whose breach escalates the case to the supervisors
 * @param maxConcludeExtensionDays the most the CONCLUDE stage may be extended in total (条例 第三十四条: 30 days)
 * @param returnWindow      how long after a transfer the receiving unit may return the case (条例 第二十三条: 5 working days)
 */
public record TimeLimitPolicy(String id, int version, double warningFraction, Map<Track, List<StageRule>> stages,
                              Set<Stage> escalateOnBreach, long maxConcludeExtensionDays, LimitAmount returnWindow) {

    public static final String DEFAULT_ID = "town-225-510";

    public TimeLimitPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(returnWindow, "returnWindow");
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
        escalateOnBreach = escalateOnBreach == null || escalateOnBreach.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(escalateOnBreach));
    }

    /** The town's policy (曹办〔2023〕59号): "225" for simple matters, "510" for general ones, with 一回应两见面. */
    public static TimeLimitPolicy townDefault() {
        return withLimits(1, 0.75,
                LimitAmount.workingHours(2), LimitAmount.workingHours(2), LimitAmount.workingDays(5),
                LimitAmount.workingDays(5), LimitAmount.workingDays(10),
                LimitAmount.workingDays(1), LimitAmount.workingDays(3), LimitAmount.calendarDays(60));
    }

    /** The default table shape with other limits, as a deployment configures them. */
    public static TimeLimitPolicy withLimits(int version, double warningFraction,
                                             LimitAmount simpleSign, LimitAmount simpleAccept, LimitAmount simpleOpinion,
                                             LimitAmount generalAccept, LimitAmount generalOpinion,
                                             LimitAmount respond, LimitAmount meetConclusion, LimitAmount conclude) {
        List<StageRule> simple = List.of(
                StageRule.limit(Stage.SIGN, simpleSign, StageStart.REGISTRATION_OR_TRANSFER),
                StageRule.limit(Stage.ACCEPT, simpleAccept, StageStart.SIGNING),
                StageRule.limit(Stage.RESPOND, respond, StageStart.ACCEPTANCE),
                StageRule.sameDueAs(Stage.MEET_HANDLING, Stage.OPINION, StageStart.ACCEPTANCE),
                StageRule.limit(Stage.OPINION, simpleOpinion, StageStart.ACCEPTANCE),
                StageRule.limit(Stage.MEET_CONCLUSION, meetConclusion, StageStart.OPINION),
                StageRule.limit(Stage.CONCLUDE, conclude, StageStart.ACCEPTANCE));
        List<StageRule> general = List.of(
                StageRule.limit(Stage.ACCEPT, generalAccept, StageStart.REGISTRATION_OR_TRANSFER),
                StageRule.limit(Stage.RESPOND, respond, StageStart.ACCEPTANCE),
                StageRule.sameDueAs(Stage.MEET_HANDLING, Stage.OPINION, StageStart.ACCEPTANCE),
                StageRule.limit(Stage.OPINION, generalOpinion, StageStart.ACCEPTANCE),
                StageRule.limit(Stage.MEET_CONCLUSION, meetConclusion, StageStart.OPINION),
                StageRule.limit(Stage.CONCLUDE, conclude, StageStart.ACCEPTANCE));
        return new TimeLimitPolicy(DEFAULT_ID, version, warningFraction, Map.of(Track.SIMPLE, simple, Track.GENERAL, general),
                EnumSet.of(Stage.ACCEPT, Stage.RESPOND, Stage.MEET_HANDLING, Stage.OPINION, Stage.MEET_CONCLUSION, Stage.CONCLUDE),
                30, LimitAmount.workingDays(5));
    }

    public Optional<StageRule> rule(Track track, Stage stage) {
        return stages.get(track).stream().filter(r -> r.stage() == stage).findFirst();
    }

    /** Whether a stage runs against a limit on a track (a GENERAL case has no SIGN limit). */
    public boolean hasLimit(Track track, Stage stage) {
        return rule(track, stage).isPresent();
    }

    public boolean escalatesOnBreach(Stage stage) {
        return escalateOnBreach.contains(stage);
    }
}
