package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.EscalationReason;
import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.RecomputeReason;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.StopReason;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.event.PetitionEscalatedEvent;
import cn.xinfang.petition.api.event.TimeLimitBreachedEvent;
import cn.xinfang.petition.api.event.TimeLimitExtendedEvent;
import cn.xinfang.petition.api.event.TimeLimitRecomputedEvent;
import cn.xinfang.petition.api.event.TimeLimitStartedEvent;
import cn.xinfang.petition.api.event.TimeLimitStoppedEvent;
import cn.xinfang.petition.api.event.TimeLimitWarningRaisedEvent;
import cn.xinfang.petition.api.lifecycle.StageRun;
import cn.xinfang.petition.time.ExtensionRule;
import cn.xinfang.petition.time.TimeLimitCalculator;
import cn.xinfang.petition.time.TimeLimitPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 计时中的环节 – the stages of a case that run against their limits now, with their warnings and
 * breaches, and the stages whose breach has already escalated the case. Immutable: each method that
 * decides answers the events to apply (none when there is nothing to record), and {@link #apply}
 * answers the value after one event.
 */
public final class OpenTimeLimits {

    private final Map<Stage, StageRun> open;
    private final Set<Stage> escalatedForBreach;

    private OpenTimeLimits(Map<Stage, StageRun> open, Set<Stage> escalatedForBreach) {
        this.open = open;
        this.escalatedForBreach = escalatedForBreach;
    }

    public static OpenTimeLimits none() {
        return new OpenTimeLimits(Collections.unmodifiableMap(new EnumMap<>(Stage.class)),
                Collections.unmodifiableSet(EnumSet.noneOf(Stage.class)));
    }

    /** The limit of a running stage. */
    public Optional<TimeLimit> limit(Stage stage) {
        return Optional.ofNullable(open.get(stage)).map(StageRun::limit);
    }

    /** The running stages, in lifecycle order. */
    public Set<Stage> stages() {
        return open.keySet();
    }

    // ---------------------------------------------------------------- start and stop

    /**
     * 时限停止 – the stages that no longer run, or no longer run for {@code unit} from the same start
     * (after a transfer or a return the receiving unit starts them anew): the one the step completed
     * first, then the others for {@code othersReason}. Met when stopped by the due instant.
     */
    public List<TimeLimitStoppedEvent> stopNotRunning(CaseId caseId, String unit, Map<Stage, Instant> running, Stage completed,
                                                      StopReason othersReason, Instant at, Instant recordedAt) {
        List<TimeLimitStoppedEvent> stops = new ArrayList<>();
        if (completed != null && open.containsKey(completed)) {
            stops.add(stopped(caseId, open.get(completed), StopReason.COMPLETED, at, recordedAt));
        }
        open.forEach((stage, run) -> {
            if (stage != completed && (!run.limit().start().equals(running.get(stage)) || !unit.equals(run.unit()))) {
                stops.add(stopped(caseId, run, othersReason, at, recordedAt));
            }
        });
        return stops;
    }

    /** 时限开始 – every running stage not yet open, counted by the policy from its start. */
    public List<TimeLimitStartedEvent> startRunning(CaseId caseId, String unit, Track track, Map<Stage, Instant> running,
                                                    TimeLimitCalculator calc, Instant recordedAt) {
        List<TimeLimitStartedEvent> starts = new ArrayList<>();
        running.forEach((stage, start) -> {
            if (!open.containsKey(stage)) {
                calc.start(track, stage, start).ifPresent(limit ->
                        starts.add(new TimeLimitStartedEvent(caseId, unit, limit, start, recordedAt)));
            }
        });
        return starts;
    }

    /** The stop of a run: met when by its due instant and never breached (an extension does not undo a breach). */
    private static TimeLimitStoppedEvent stopped(CaseId caseId, StageRun run, StopReason reason, Instant at, Instant recordedAt) {
        return new TimeLimitStoppedEvent(caseId, run.stage(), run.limit().due(), run.metIfStoppedAt(at), reason, at, recordedAt);
    }

    // ---------------------------------------------------------------- extend, reclassify, recompute

    /**
     * 延期: only a running stage the policy lets be extended, as often and by as much as it allows
     * (default: CONCLUDE once by at most 30 days, OPINION once by at most its own length; 条例 第三十四条).
     */
    public Optional<Rejection> checkExtension(Stage stage, long amount, TimeLimitPolicy policy) {
        StageRun run = open.get(stage);
        if (run == null) {
            return Optional.of(Rejection.of(RuleCode.STAGE_NOT_OPEN, stage, List.copyOf(open.keySet())));
        }
        Optional<ExtensionRule> rule = policy.extensionRule(stage);
        if (rule.isEmpty()) {
            return Optional.of(Rejection.of(RuleCode.EXTENSION_NOT_ALLOWED, stage));
        }
        TimeLimit limit = run.limit();
        long max = rule.get().maxAmount(limit.limit());
        long already = limit.extendedBy();
        if (limit.extensions().size() >= rule.get().times() || already + amount > max) {
            return Optional.of(Rejection.of(RuleCode.EXTENSION_LIMIT_EXCEEDED, stage, (long) rule.get().times(),
                    new LimitAmount(max, limit.limit().unit()), already, (long) limit.extensions().size()));
        }
        return Optional.empty();
    }

    /**
     * 延期 – the stage's limit extended by {@code amount} of its own unit. The handling meeting shares
     * the opinion's due instant ("with OPINION"), so it moves with it.
     */
    public List<TimeLimitExtendedEvent> extend(CaseId caseId, Track track, Stage stage, long amount, String reason,
                                               String approvedBy, Instant petitionerToldAt, TimeLimitCalculator calc,
                                               Actor actor, Instant at, Instant recordedAt) {
        TimeLimit current = open.get(stage).limit();
        LimitAmount extension = new LimitAmount(amount, current.limit().unit());
        List<TimeLimitExtendedEvent> events = new ArrayList<>();
        events.add(new TimeLimitExtendedEvent(caseId, stage, extension, reason, approvedBy, petitionerToldAt, current.due(),
                calc.extend(current, track, extension), actor, at, recordedAt));
        StageRun meeting = open.get(Stage.MEET_HANDLING);
        if (stage == Stage.OPINION && meeting != null && meeting.limit().limit().unit() == extension.unit()) {
            events.add(new TimeLimitExtendedEvent(caseId, Stage.MEET_HANDLING, extension, reason, approvedBy, petitionerToldAt,
                    meeting.limit().due(), calc.extend(meeting.limit(), track, extension), actor, at, recordedAt));
        }
        return events;
    }

    /**
     * 改变办理程序 – after the track changed: each open stage that still runs is counted again from the
     * start the new track gives it (extensions granted so far applied again); one the new track has
     * no limit for stops.
     */
    public List<Object> reclassify(CaseId caseId, Track track, Map<Stage, Instant> running, TimeLimitCalculator calc,
                                   Actor actor, Instant at, Instant recordedAt) {
        List<Object> events = new ArrayList<>();
        open.forEach((stage, run) -> {
            TimeLimit old = run.limit();
            Optional<TimeLimit> fresh = running.containsKey(stage)
                    ? calc.recompute(old, track, running.get(stage)) : Optional.empty();
            events.add(fresh.<Object>map(l -> new TimeLimitRecomputedEvent(caseId, stage, RecomputeReason.RECLASSIFIED,
                            calc.time().calendar().version(), old.due(), old.warning(), l, actor, at, recordedAt))
                    .orElseGet(() -> stopped(caseId, run, StopReason.RECLASSIFIED, at, recordedAt)));
        });
        return events;
    }

    /**
     * 日历修订 – every open stage counted on a calendar other than the one in force is counted again;
     * a stage whose instants do not move records nothing. A stage already on the calendar in force is
     * left alone, so a resumed revision never recomputes a stage twice.
     */
    public List<TimeLimitRecomputedEvent> recomputeOnCalendar(CaseId caseId, Track track, TimeLimitCalculator calc,
                                                              Actor actor, Instant recordedAt) {
        String version = calc.time().calendar().version();
        List<TimeLimitRecomputedEvent> events = new ArrayList<>();
        for (StageRun run : open.values()) {
            TimeLimit current = run.limit();
            if (version.equals(current.explanation().calendarVersion())) {
                continue;
            }
            calc.recompute(current, track)
                    .filter(fresh -> fresh.instantsDifferFrom(current))
                    .ifPresent(fresh -> events.add(new TimeLimitRecomputedEvent(caseId, current.stage(),
                            RecomputeReason.CALENDAR_REVISED, version, current.due(), current.warning(), fresh, actor,
                            recordedAt, recordedAt)));
        }
        return events;
    }

    // ---------------------------------------------------------------- warning and breach

    /**
     * 预警 – recorded once per due instant of a running stage; nothing when the stage stopped, its due
     * instant moved, or it was already warned or breached (a late timer is normal).
     */
    public Optional<TimeLimitWarningRaisedEvent> warn(CaseId caseId, String unit, Stage stage, Instant due, Instant recordedAt) {
        StageRun run = open.get(stage);
        if (run == null || !run.limit().due().equals(due) || run.isWarned() || run.isBreached()) {
            return Optional.empty();
        }
        return Optional.of(new TimeLimitWarningRaisedEvent(caseId, unit, stage, due, run.limit().warning(), recordedAt));
    }

    /**
     * 超期 – recorded once per due instant of a running stage; and when the policy escalates a breach
     * of this stage, the escalation to the supervisors, once per stage for the life of the case.
     */
    public List<Object> breach(CaseId caseId, String unit, Stage stage, Instant due, Instant recordedAt, TimeLimitPolicy policy) {
        StageRun run = open.get(stage);
        if (run == null || !run.limit().due().equals(due) || run.isBreached()) {
            return List.of();
        }
        List<Object> events = new ArrayList<>();
        events.add(new TimeLimitBreachedEvent(caseId, unit, stage, due, due, recordedAt));
        if (policy.escalatesOnBreach(stage) && !escalatedForBreach.contains(stage)) {
            events.add(new PetitionEscalatedEvent(caseId, EscalationReason.BREACH, null, null, stage, Actor.SYSTEM,
                    recordedAt, recordedAt));
        }
        return events;
    }

    // ---------------------------------------------------------------- events

    /** The value after {@code event}; events that do not concern time limits leave it as it is. */
    public OpenTimeLimits apply(Object event) {
        if (event instanceof TimeLimitStartedEvent e) {
            return withRun(e.timeLimit().stage(), StageRun.started(e.timeLimit(), e.unit()));
        }
        if (event instanceof TimeLimitStoppedEvent e) {
            return withRun(e.stage(), null);
        }
        if (event instanceof TimeLimitExtendedEvent e) {
            return replaced(e.stage(), e.timeLimit());
        }
        if (event instanceof TimeLimitRecomputedEvent e) {
            return replaced(e.stage(), e.timeLimit());
        }
        if (event instanceof TimeLimitWarningRaisedEvent e && open.containsKey(e.stage())) {
            return withRun(e.stage(), open.get(e.stage()).warned(e.occurredAt()));
        }
        if (event instanceof TimeLimitBreachedEvent e && open.containsKey(e.stage())) {
            return withRun(e.stage(), open.get(e.stage()).breached(e.occurredAt()));
        }
        if (event instanceof PetitionEscalatedEvent e && e.reason() == EscalationReason.BREACH && e.stage() != null) {
            Set<Stage> escalated = EnumSet.of(e.stage());
            escalated.addAll(escalatedForBreach);
            return new OpenTimeLimits(open, Collections.unmodifiableSet(escalated));
        }
        return this;
    }

    private OpenTimeLimits replaced(Stage stage, TimeLimit fresh) {
        StageRun run = open.get(stage);
        return withRun(stage, run == null ? StageRun.started(fresh, null) : run.replaced(fresh));
    }

    private OpenTimeLimits withRun(Stage stage, StageRun run) {
        Map<Stage, StageRun> next = new EnumMap<>(Stage.class);
        next.putAll(open);
        if (run == null) {
            next.remove(stage);
        } else {
            next.put(stage, run);
        }
        return new OpenTimeLimits(Collections.unmodifiableMap(next), escalatedForBreach);
    }
}
