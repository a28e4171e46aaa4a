package cn.xinfang.petition.bench;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Channel;
import cn.xinfang.petition.api.Decision;
import cn.xinfang.petition.api.EscalationReason;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.ResponseMode;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.Satisfaction;
import cn.xinfang.petition.api.SatisfactionSource;
import cn.xinfang.petition.api.DeliveryMode;
import cn.xinfang.petition.api.NoticeKind;
import cn.xinfang.petition.api.NoticeMode;
import cn.xinfang.petition.api.event.PetitionerNotifiedEvent;
import cn.xinfang.petition.api.event.ReplyDeliveredEvent;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.StopReason;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.event.MeetingRecordedEvent;
import cn.xinfang.petition.api.event.OpinionGivenEvent;
import cn.xinfang.petition.api.event.PetitionAcceptedEvent;
import cn.xinfang.petition.api.event.PetitionEscalatedEvent;
import cn.xinfang.petition.api.event.PetitionRegisteredEvent;
import cn.xinfang.petition.api.event.PetitionResolvedEvent;
import cn.xinfang.petition.api.event.PetitionSignedEvent;
import cn.xinfang.petition.api.event.PetitionerRespondedEvent;
import cn.xinfang.petition.api.event.TimeLimitBreachedEvent;
import cn.xinfang.petition.api.event.TimeLimitStartedEvent;
import cn.xinfang.petition.api.event.TimeLimitStoppedEvent;
import cn.xinfang.petition.api.event.TimeLimitWarningRaisedEvent;
import cn.xinfang.petition.time.TimeLimitCalculator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Histories of "225" cases as the case aggregate would have recorded them, for loading in bulk:
 * the same events in the same order (compared with a case run through the real commands before
 * any bulk load, see {@link #sameShapeAs}), time limits computed by the service's own
 * {@link TimeLimitCalculator}. A case is registered some time before now and takes each step
 * before the step's warning instant; a share of cases gets stuck at some step, and for the
 * stages still running the warnings, breaches and breach escalations the time-limit saga would
 * have recorded are added at their instants.
 */
final class CaseHistories {

    /** One event to store: when it was recorded, its payload, and the command (trace id) it came from. */
    record Event(Instant timestamp, Object payload, String traceId) {
    }

    /**
     * The nine steps after registration and the stage whose warning each one is taken before: sign, accept,
     * 书面告知, respond, handling meeting, opinion, conclusion meeting, 送达 (stops CONCLUDE), resolve
     * (no stage of its own left: taken shortly after the delivery).
     */
    private static final Stage[] STEP_STAGE = {Stage.SIGN, Stage.ACCEPT, Stage.NOTIFY, Stage.RESPOND, Stage.MEET_HANDLING,
            Stage.OPINION, Stage.MEET_CONCLUSION, Stage.CONCLUDE, Stage.CONCLUDE};

    private final TimeLimitCalculator calculator;
    private final Samples samples;
    private final Instant now;
    private final Duration maxAge;
    private final double stuckShare;

    CaseHistories(TimeLimitCalculator calculator, Samples samples, Instant now, Duration maxAge, double stuckShare) {
        this.calculator = calculator;
        this.samples = samples;
        this.now = now;
        this.maxAge = maxAge;
        this.stuckShare = stuckShare;
    }

    /**
     * The events of one case registered at a random time within {@code maxAge} before now;
     * {@code caseNo} numbers it from its registration instant.
     */
    List<Event> history(CaseId id, String unit, Function<Instant, String> caseNo) {
        var random = samples.random();
        Instant t = now.minusSeconds((long) (random.nextDouble() * maxAge.toSeconds()));
        int stuckAt = random.nextDouble() < stuckShare ? 1 + random.nextInt(STEP_STAGE.length) : Integer.MAX_VALUE;
        Actor handler = new Actor("h-" + unit, unit, Role.HANDLER);
        Builder b = new Builder(id, unit);

        String subject = samples.subject();
        Petitioner petitioner = samples.petitioner();
        b.step();
        b.add(t, new PetitionRegisteredEvent(id, caseNo.apply(t), Track.SIMPLE, Channel.values()[random.nextInt(Channel.values().length)],
                Category.values()[random.nextInt(Category.values().length)], petitioner, 1, false, subject, samples.content(subject),
                unit, unit, null, null, null, handler, t, t));
        b.start(Stage.SIGN, t);
        b.start(Stage.NOTIFY, t);
        for (int step = 1; step <= STEP_STAGE.length; step++) {
            TimeLimit governing = b.open.get(STEP_STAGE[step - 1]);
            Duration room = governing == null ? Duration.ofMinutes(10) : Duration.between(t, governing.warning());
            Instant next = room.isNegative() || room.isZero()
                    ? t.plusSeconds(60)
                    : t.plusMillis((long) (room.toMillis() * (0.05 + 0.55 * random.nextDouble())));
            if (step >= stuckAt || next.isAfter(now)) {
                break;
            }
            t = next;
            b.step();
            switch (step) {
                case 1 -> {
                    b.add(t, new PetitionSignedEvent(id, unit, handler, t, t));
                    b.stop(Stage.SIGN, t);
                    b.start(Stage.ACCEPT, t);
                }
                case 2 -> {
                    b.add(t, new PetitionAcceptedEvent(id, unit, handler, t, t));
                    b.stop(Stage.ACCEPT, t);
                    for (Stage s : List.of(Stage.RESPOND, Stage.MEET_HANDLING, Stage.OPINION, Stage.CONCLUDE)) {
                        b.start(s, t);
                    }
                }
                case 3 -> {
                    b.add(t, new PetitionerNotifiedEvent(id, unit, NoticeKind.ACCEPTED, NoticeMode.POST, "受理告知书", handler, t, t));
                    b.stop(Stage.NOTIFY, t);
                }
                case 4 -> {
                    b.add(t, new PetitionerRespondedEvent(id, ResponseMode.PHONE, "电话告知信访人已受理", handler, t, t));
                    b.stop(Stage.RESPOND, t);
                }
                case 5 -> {
                    b.add(t, new MeetingRecordedEvent(id, MeetingKind.HANDLING, "镇信访接待室", "当面听取信访人诉求", handler, t, t));
                    b.stop(Stage.MEET_HANDLING, t);
                }
                case 6 -> {
                    b.add(t, new OpinionGivenEvent(id, Decision.values()[random.nextInt(Decision.values().length)],
                            "经调查核实，依法依规作出处理意见", handler, t, t));
                    b.stop(Stage.OPINION, t);
                    b.start(Stage.MEET_CONCLUSION, t);
                }
                case 7 -> {
                    b.add(t, new MeetingRecordedEvent(id, MeetingKind.CONCLUSION, "信访人家中", "当面送达处理意见书", handler, t, t));
                    b.stop(Stage.MEET_CONCLUSION, t);
                }
                case 8 -> {
                    b.add(t, new ReplyDeliveredEvent(id, DeliveryMode.IN_PERSON, "信访人本人", calculator.reviewRequestDeadline(t), false,
                            handler, t, t));
                    b.stop(Stage.CONCLUDE, t);
                }
                default -> b.add(t, new PetitionResolvedEvent(id, "按处理意见落实到位", Satisfaction.values()[random.nextInt(3)],
                        SatisfactionSource.PHONE_CALLBACK, handler, t, t));
            }
        }
        b.alerts();
        return b.events;
    }

    /** The events of a case registered now whose SIGN stage warns and falls due at the given instants (the deadline scenario). */
    List<Event> registeredWithDeadlines(CaseId id, String caseNo, String unit, Instant warning, Instant due) {
        Instant t = Instant.now();
        Actor handler = new Actor("h-" + unit, unit, Role.HANDLER);
        Builder b = new Builder(id, unit);
        String subject = samples.subject();
        b.step();
        b.add(t, new PetitionRegisteredEvent(id, caseNo, Track.SIMPLE, Channel.VISIT, Category.COMPLAINT, samples.petitioner(), 1,
                false, subject, samples.content(subject), unit, unit, null, null, null, handler, t, t));
        TimeLimit computed = calculator.start(Track.SIMPLE, Stage.SIGN, t).orElseThrow();
        var x = computed.explanation();
        var explanation = new cn.xinfang.petition.api.DeadlineExplanation(x.rule(), x.ruleChinese(), x.zone(), x.start(), x.limit(),
                x.countedFrom(), x.countedDays(), x.countedSegments(), x.nominalLastDay(), x.holidaysSkipped(), x.makeUpDaysUsed(),
                x.fallback(), x.fallbackYears(), x.allowedWorkingTime(), x.warningFraction(), due, warning, x.calendarVersion(),
                x.workingHours());
        TimeLimit limit = new TimeLimit(Stage.SIGN, t, computed.limit(), List.of(), due, warning, computed.rule(), computed.policyId(),
                computed.policyVersion(), explanation);
        b.add(t, new TimeLimitStartedEvent(id, unit, limit, t, t));
        return b.events;
    }

    /**
     * Whether generated histories have the event types, in order, of a case run through the real
     * commands (register to resolve, every step in time).
     */
    static boolean sameShapeAs(List<String> realTypes, List<Event> generated) {
        return realTypes.equals(generated.stream().map(e -> e.payload().getClass().getName()).toList());
    }

    /** A case resolved step by step, for comparing with a real one. */
    List<Event> resolvedNow(CaseId id) {
        CaseHistories complete = new CaseHistories(calculator, samples, now, Duration.ofDays(400), 0);
        List<Event> events;
        do {
            events = complete.history(id, "check", at -> "2000-000001");
        } while (events.stream().noneMatch(e -> e.payload() instanceof PetitionResolvedEvent));
        return events;
    }

    /** Collects one case's events; tracks the running stages as the aggregate does. */
    private final class Builder {
        final CaseId id;
        final String unit;
        final List<Event> events = new ArrayList<>();
        final Map<Stage, TimeLimit> open = new EnumMap<>(Stage.class);
        String trace;

        Builder(CaseId id, String unit) {
            this.id = id;
            this.unit = unit;
        }

        /** A new command: the events that follow share its trace id. */
        void step() {
            trace = UUID.randomUUID().toString();
        }

        void add(Instant at, Object payload) {
            events.add(new Event(at, payload, trace));
        }

        void start(Stage stage, Instant at) {
            calculator.start(Track.SIMPLE, stage, at).ifPresent(limit -> {
                open.put(stage, limit);
                add(at, new TimeLimitStartedEvent(id, unit, limit, at, at));
            });
        }

        void stop(Stage stage, Instant at) {
            TimeLimit limit = open.remove(stage);
            if (limit != null) {
                add(at, new TimeLimitStoppedEvent(id, stage, limit.due(), !at.isAfter(limit.due()), StopReason.COMPLETED, at, at));
            }
        }

        /** What the saga would have recorded for the stages still running: warnings, breaches, breach escalations. */
        void alerts() {
            List<Event> later = new ArrayList<>();
            for (TimeLimit l : open.values()) {
                if (l.warning().isBefore(now)) {
                    later.add(new Event(l.warning(), new TimeLimitWarningRaisedEvent(id, unit, l.stage(), l.due(), l.warning(), l.warning()),
                            UUID.randomUUID().toString()));
                }
                if (l.due().isBefore(now)) {
                    String breachTrace = UUID.randomUUID().toString();
                    later.add(new Event(l.due(), new TimeLimitBreachedEvent(id, unit, l.stage(), l.due(), l.due(), l.due()), breachTrace));
                    if (calculator.policy().escalatesOnBreach(l.stage())) {
                        later.add(new Event(l.due(), new PetitionEscalatedEvent(id, EscalationReason.BREACH, null, null, l.stage(),
                                Actor.SYSTEM, l.due(), l.due()), UUID.randomUUID().toString()));
                    }
                }
            }
            later.sort(Comparator.comparing(Event::timestamp)); // stable: a breach stays before its escalation
            events.addAll(later);
        }
    }
}
