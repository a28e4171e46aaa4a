package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseStatus;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.command.CaseCommand;
import cn.xinfang.petition.api.event.MeetingRecordedEvent;
import cn.xinfang.petition.api.event.MeetingWaivedEvent;
import cn.xinfang.petition.api.event.OpinionGivenEvent;
import cn.xinfang.petition.api.event.PetitionAcceptedEvent;
import cn.xinfang.petition.api.event.PetitionResolvedEvent;
import cn.xinfang.petition.api.event.PetitionDeclinedEvent;
import cn.xinfang.petition.api.event.PetitionerRespondedEvent;
import cn.xinfang.petition.api.event.PetitionEscalatedEvent;
import cn.xinfang.petition.api.event.PetitionReclassifiedEvent;
import cn.xinfang.petition.api.event.PetitionRegisteredEvent;
import cn.xinfang.petition.api.event.PetitionReturnedEvent;
import cn.xinfang.petition.api.event.PetitionSignedEvent;
import cn.xinfang.petition.api.event.PetitionTransferredEvent;
import cn.xinfang.petition.api.event.CaseEvent;
import cn.xinfang.petition.api.event.TimeLimitExtendedEvent;
import cn.xinfang.petition.api.lifecycle.CaseStatusEvolution;
import cn.xinfang.petition.domain.Rejection.Part;
import cn.xinfang.petition.time.StageRule;
import cn.xinfang.petition.time.StageStart;
import cn.xinfang.petition.time.TimeLimitPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.xinfang.petition.domain.CaseAction.*;

/**
 * 办理流程 – where a case stands and what it allows: the status table, who may take each step
 * (首接首办), the prerequisites of 一回应两见面, the transfer and return rules, and the stages that
 * run in the current state. Immutable and pure: {@link #evolve} answers the lifecycle after an event,
 * {@link #check} the refusal of a step, if any. The aggregate keeps one; the service can fold one
 * from the same events to show what is allowed now.
 */
public final class CaseLifecycle {

    /** The status table: which steps each status allows at all (finer conditions on top). */
    private static final Map<CaseStatus, Set<CaseAction>> TABLE = new EnumMap<>(Map.of(
            CaseStatus.REGISTERED, EnumSet.of(SIGN, TRANSFER, RETURN, RECLASSIFY, ESCALATE, EXTEND),
            CaseStatus.SIGNED, EnumSet.of(ACCEPT, DECLINE, TRANSFER, RETURN, RECLASSIFY, ESCALATE, EXTEND),
            CaseStatus.ACCEPTED, EnumSet.of(RESPOND, MEET_HANDLING, WAIVE_MEETING, GIVE_OPINION, RECLASSIFY, ESCALATE, EXTEND),
            CaseStatus.OPINION_GIVEN, EnumSet.of(MEET_CONCLUSION, WAIVE_MEETING, RESOLVE, ESCALATE, EXTEND),
            CaseStatus.RESOLVED, EnumSet.noneOf(CaseAction.class),
            CaseStatus.DECLINED, EnumSet.noneOf(CaseAction.class)));

    private final CaseStatus status;
    private final Track track;
    private final String unit;
    private final String transferredFrom;
    private final Instant returnableUntil;
    private final Instant phaseStart;
    private final Instant signedAt;
    private final Instant acceptedAt;
    private final Instant opinionAt;
    private final boolean responded;
    private final boolean handlingMet;
    private final boolean conclusionMet;
    private final Instant lastOccurredAt;

    private CaseLifecycle(Draft d) {
        status = d.status;
        track = d.track;
        unit = d.unit;
        transferredFrom = d.transferredFrom;
        returnableUntil = d.returnableUntil;
        phaseStart = d.phaseStart;
        signedAt = d.signedAt;
        acceptedAt = d.acceptedAt;
        opinionAt = d.opinionAt;
        responded = d.responded;
        handlingMet = d.handlingMet;
        conclusionMet = d.conclusionMet;
        lastOccurredAt = d.lastOccurredAt;
    }

    /** Before registration: nothing exists yet. */
    public static CaseLifecycle none() {
        return new CaseLifecycle(new Draft());
    }

    // ---------------------------------------------------------------- reading

    public CaseStatus status() {
        return status;
    }

    public Track track() {
        return track;
    }

    /** The unit the case is with (首接首办: the one whose handlers advance it). */
    public String unit() {
        return unit;
    }

    /** The occurrence time of the last step: a later step may not say it happened before it. */
    public Instant lastOccurredAt() {
        return lastOccurredAt;
    }

    /** The unit that sent the case here, while it may still be returned to it; null otherwise. */
    public String transferredFrom() {
        return transferredFrom;
    }

    // ---------------------------------------------------------------- events

    /** The lifecycle after {@code event}; events that do not concern it leave it as it is. */
    public CaseLifecycle evolve(Object event) {
        Draft d = draft();
        d.status = CaseStatusEvolution.evolve(status, event);
        if (event instanceof PetitionRegisteredEvent e) {
            d = new Draft();
            d.status = CaseStatus.REGISTERED;
            d.track = e.track();
            d.unit = e.unit();
            d.phaseStart = e.occurredAt();
        } else if (event instanceof PetitionSignedEvent e) {
            d.signedAt = e.occurredAt();
        } else if (event instanceof PetitionAcceptedEvent e) {
            d.acceptedAt = e.occurredAt();
        } else if (event instanceof MeetingRecordedEvent e) {
            d.meetingHeld(e.kind());
        } else if (event instanceof MeetingWaivedEvent e) {
            d.meetingHeld(e.kind());
        } else if (event instanceof OpinionGivenEvent e) {
            d.opinionAt = e.occurredAt();
        } else if (event instanceof PetitionTransferredEvent e) {
            d.transferredFrom = e.fromUnit();
            d.returnableUntil = e.returnableUntil();
            d.restartPhase(e.toUnit(), e.occurredAt());
        } else if (event instanceof PetitionReturnedEvent e) {
            d.transferredFrom = null;
            d.returnableUntil = null;
            d.restartPhase(e.toUnit(), e.occurredAt());
        } else if (event instanceof PetitionReclassifiedEvent e) {
            d.track = e.toTrack();
        } else if (event instanceof PetitionerRespondedEvent) {
            d.responded = true;
        }
        if (movesLastStep(event)) {
            d.lastOccurredAt = ((CaseEvent) event).occurredAt();
        }
        return new CaseLifecycle(d);
    }

    /** Steps taken by people move the "previous step" time; what the engine records by itself does not. */
    private static boolean movesLastStep(Object event) {
        if (event instanceof PetitionEscalatedEvent e) {
            return !e.actor().is(Role.SYSTEM);
        }
        return event instanceof PetitionRegisteredEvent || event instanceof PetitionSignedEvent
                || event instanceof PetitionAcceptedEvent || event instanceof PetitionDeclinedEvent
                || event instanceof PetitionerRespondedEvent
                || event instanceof MeetingRecordedEvent || event instanceof MeetingWaivedEvent
                || event instanceof OpinionGivenEvent || event instanceof PetitionResolvedEvent
                || event instanceof PetitionTransferredEvent || event instanceof PetitionReturnedEvent
                || event instanceof PetitionReclassifiedEvent || event instanceof TimeLimitExtendedEvent;
    }

    // ---------------------------------------------------------------- checks

    /** Who may register a petition (before any case exists). */
    public static Optional<Rejection> mayRegister(Actor actor) {
        return roleCheck(REGISTER, actor);
    }

    /**
     * The one entry point of the rules on steps: the refusal of {@code action} by {@code actor} now,
     * or nothing. Who may act is checked before what the case allows: someone who may not act on the
     * case is refused as such (403), whatever state it is in.
     */
    public Optional<Rejection> check(CaseAction action, Actor actor) {
        Optional<Rejection> who = whoMayAct(action, actor);
        if (who.isPresent() || action == RECOMPUTE) {
            return who;
        }
        if (status.isClosed()) {
            return Optional.of(Rejection.of(RuleCode.CASE_CLOSED, status));
        }
        if (TABLE.get(status).contains(action) && conditionHolds(action)) {
            if (action == RETURN && transferredFrom == null) {
                return Optional.of(Rejection.of(RuleCode.NOT_TRANSFERRED, unit, allowedNowPart()));
            }
            return Optional.empty();
        }
        return Optional.of(missingPrerequisite(action).orElseGet(() ->
                Rejection.of(RuleCode.STEP_NOT_ALLOWED, action, status, progressPart(), allowedNowPart())));
    }

    /** A meeting may be waived only while it is due. */
    public Optional<Rejection> checkWaiver(MeetingKind kind) {
        return meetingDue(kind) ? Optional.empty()
                : Optional.of(Rejection.of(RuleCode.MEETING_NOT_DUE, kind, allowedNowPart()));
    }

    /** A case goes to another unit, never to the one it is with. */
    public Optional<Rejection> checkTransfer(String toUnit) {
        return toUnit.equals(unit) ? Optional.of(Rejection.of(RuleCode.TRANSFER_TO_SAME_UNIT, unit)) : Optional.empty();
    }

    /** 退回 within the window the transfer set (条例 第二十三条); after that the case is the unit's own (首接首办). */
    public Optional<Rejection> checkReturn(Instant at) {
        return at.isAfter(returnableUntil) ? Optional.of(Rejection.of(RuleCode.RETURN_PERIOD_EXPIRED, returnableUntil))
                : Optional.empty();
    }

    /** Reclassification changes the track; GENERAL goes back to SIMPLE only before acceptance. */
    public Optional<Rejection> checkReclassification(Track to) {
        if (to == track) {
            return Optional.of(Rejection.of(RuleCode.SAME_TRACK, track));
        }
        if (to == Track.SIMPLE && status == CaseStatus.ACCEPTED) {
            return Optional.of(Rejection.of(RuleCode.RECLASSIFY_AFTER_ACCEPTANCE));
        }
        return Optional.empty();
    }

    /**
     * The time a step counts from. A paper record (补录) may give an earlier occurrence time, but not
     * one after the service's clock (beyond {@code clockSkew}) nor one before the previous step.
     */
    public Instant occurrence(CaseCommand cmd, Duration clockSkew) {
        return occurrence(cmd, lastOccurredAt, clockSkew);
    }

    /** The same rule for a registration, which has no previous step. */
    public static Instant occurrence(CaseCommand cmd, Instant previous, Duration clockSkew) {
        Instant at = cmd.effectiveTime();
        if (cmd.occurredAt() != null && cmd.occurredAt().isAfter(cmd.recordedAt().plus(clockSkew))) {
            throw Rejection.of(RuleCode.OCCURRED_AT_IN_FUTURE, cmd.occurredAt()).toException();
        }
        if (previous != null && at.isBefore(previous)) {
            if (cmd.occurredAt() == null) {
                return previous;
            }
            throw Rejection.of(RuleCode.OCCURRED_AT_BEFORE_PREVIOUS_STEP, at, previous).toException();
        }
        return at;
    }

    /** The steps this case allows now, whoever asks, in lifecycle order. */
    public List<CaseAction> allowedNow() {
        List<CaseAction> allowed = new ArrayList<>();
        if (status == null) {
            return allowed;
        }
        for (CaseAction a : CaseAction.values()) {
            if (TABLE.get(status).contains(a) && conditionHolds(a) && (a != RETURN || transferredFrom != null)) {
                allowed.add(a);
            }
        }
        return allowed;
    }

    /** The steps {@code actor} may take now. */
    public List<CaseAction> allowedNow(Actor actor) {
        return allowedNow().stream().filter(a -> whoMayAct(a, actor).isEmpty()).toList();
    }

    // ---------------------------------------------------------------- stages

    /**
     * The stages that run in the current state, each with the instant it counts from, in the
     * policy's order: a stage runs once the step it counts from has happened in the current phase
     * (since registration or the last transfer) and until its own step is done.
     */
    public Map<Stage, Instant> runningStages(TimeLimitPolicy policy) {
        Map<Stage, Instant> running = new LinkedHashMap<>();
        if (status == null || status.isClosed()) {
            return running;
        }
        for (StageRule rule : policy.stages().get(track)) {
            Instant from = startOf(rule.startsAt());
            if (from != null && !done(rule.stage())) {
                running.put(rule.stage(), from);
            }
        }
        return running;
    }

    private Instant startOf(StageStart start) {
        return switch (start) {
            case REGISTRATION_OR_TRANSFER -> phaseStart;
            case SIGNING -> signedAt;
            case ACCEPTANCE -> acceptedAt;
            case OPINION -> opinionAt;
        };
    }

    private boolean done(Stage stage) {
        return switch (stage) {
            case SIGN -> signedAt != null;
            case ACCEPT -> acceptedAt != null;
            case RESPOND -> responded;
            case MEET_HANDLING -> handlingMet;
            case OPINION -> opinionAt != null;
            case MEET_CONCLUSION -> conclusionMet;
            case CONCLUDE -> status == CaseStatus.RESOLVED;
        };
    }

    // ---------------------------------------------------------------- the rules behind check

    private Optional<Rejection> whoMayAct(CaseAction action, Actor actor) {
        return switch (action.who()) {
            case ROLES -> roleCheck(action, actor);
            case UNIT_HANDLER -> unitHandlerCheck(action, actor);
            case UNIT_HANDLER_OR_ROLES -> action.roles().contains(actor.role()) ? Optional.empty() : unitHandlerCheck(action, actor);
        };
    }

    private static Optional<Rejection> roleCheck(CaseAction action, Actor actor) {
        return action.roles().contains(actor.role()) ? Optional.empty()
                : Optional.of(Rejection.of(RuleCode.ROLE_NOT_PERMITTED, actor.role(), action, action.roles()));
    }

    private Optional<Rejection> unitHandlerCheck(CaseAction action, Actor actor) {
        if (actor.is(Role.HANDLER) && unit.equals(actor.unit())) {
            return Optional.empty();
        }
        Object actorUnit = actor.unit() == null ? Part.EMPTY : Part.of("rule.part.of-unit", actor.unit());
        return Optional.of(Rejection.of(RuleCode.NOT_HANDLER_OF_UNIT, unit, action, actor.role(), actorUnit));
    }

    private boolean conditionHolds(CaseAction action) {
        return switch (action) {
            case RESPOND -> !responded;
            case MEET_HANDLING -> !handlingMet;
            case MEET_CONCLUSION -> !conclusionMet;
            case WAIVE_MEETING -> meetingDue(MeetingKind.HANDLING) || meetingDue(MeetingKind.CONCLUSION);
            case GIVE_OPINION -> responded && handlingMet;
            case RESOLVE -> conclusionMet;
            default -> true;
        };
    }

    /** 一回应两见面: the opinion needs the response and the handling meeting; the resolution the conclusion meeting. */
    private Optional<Rejection> missingPrerequisite(CaseAction action) {
        if (action == GIVE_OPINION && status == CaseStatus.ACCEPTED) {
            return Optional.of(Rejection.of(responded ? RuleCode.HANDLING_MEETING_REQUIRED : RuleCode.RESPONSE_REQUIRED,
                    allowedNowPart()));
        }
        if (action == RESOLVE && status == CaseStatus.OPINION_GIVEN && !conclusionMet) {
            return Optional.of(Rejection.of(RuleCode.CONCLUSION_MEETING_REQUIRED, allowedNowPart()));
        }
        return Optional.empty();
    }

    private boolean meetingDue(MeetingKind kind) {
        return kind == MeetingKind.HANDLING
                ? status == CaseStatus.ACCEPTED && !handlingMet
                : status == CaseStatus.OPINION_GIVEN && !conclusionMet;
    }

    /** "allowed now: …" of a refusal. */
    private Part allowedNowPart() {
        List<CaseAction> allowed = allowedNow();
        return allowed.isEmpty() ? Part.of("rule.part.nothing-allowed") : Part.of("rule.part.allowed-now", allowed);
    }

    /** What of 一回应 and 办理见面 is done, for a refusal on an accepted case. */
    private Part progressPart() {
        if (status != CaseStatus.ACCEPTED) {
            return Part.EMPTY;
        }
        return Part.of("rule.part.progress", responded ? Part.of("rule.part.petitioner-told") : Part.EMPTY,
                handlingMet ? Part.of("rule.part.handling-meeting-done") : Part.EMPTY);
    }

    // ---------------------------------------------------------------- copying

    private Draft draft() {
        Draft d = new Draft();
        d.status = status;
        d.track = track;
        d.unit = unit;
        d.transferredFrom = transferredFrom;
        d.returnableUntil = returnableUntil;
        d.phaseStart = phaseStart;
        d.signedAt = signedAt;
        d.acceptedAt = acceptedAt;
        d.opinionAt = opinionAt;
        d.responded = responded;
        d.handlingMet = handlingMet;
        d.conclusionMet = conclusionMet;
        d.lastOccurredAt = lastOccurredAt;
        return d;
    }

    /** The fields of the next lifecycle while {@link #evolve} builds it. */
    private static final class Draft {
        CaseStatus status;
        Track track;
        String unit;
        String transferredFrom;
        Instant returnableUntil;
        Instant phaseStart;
        Instant signedAt;
        Instant acceptedAt;
        Instant opinionAt;
        boolean responded;
        boolean handlingMet;
        boolean conclusionMet;
        Instant lastOccurredAt;

        void meetingHeld(MeetingKind kind) {
            if (kind == MeetingKind.HANDLING) {
                handlingMet = true;
            } else {
                conclusionMet = true;
            }
        }

        /** A transfer or a return: the receiving unit starts the case anew (it signs, or accepts, again). */
        void restartPhase(String newUnit, Instant at) {
            unit = newUnit;
            phaseStart = at;
            signedAt = null;
        }
    }
}
