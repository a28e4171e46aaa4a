package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseStatus;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Decision;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.NoticeKind;
import cn.xinfang.petition.api.ReviewLevel;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.command.CaseCommand;
import cn.xinfang.petition.api.event.CaseEvent;
import cn.xinfang.petition.api.event.MeetingRecordedEvent;
import cn.xinfang.petition.api.event.MeetingWaivedEvent;
import cn.xinfang.petition.api.event.OpinionGivenEvent;
import cn.xinfang.petition.api.event.PetitionAcceptedEvent;
import cn.xinfang.petition.api.event.PetitionDeclinedEvent;
import cn.xinfang.petition.api.event.PetitionEscalatedEvent;
import cn.xinfang.petition.api.event.PetitionReclassifiedEvent;
import cn.xinfang.petition.api.event.PetitionRegisteredEvent;
import cn.xinfang.petition.api.event.PetitionResolvedEvent;
import cn.xinfang.petition.api.event.PetitionReturnedEvent;
import cn.xinfang.petition.api.event.PetitionSignedEvent;
import cn.xinfang.petition.api.event.PetitionTransferredEvent;
import cn.xinfang.petition.api.event.PetitionerNotifiedEvent;
import cn.xinfang.petition.api.event.PetitionerRespondedEvent;
import cn.xinfang.petition.api.event.ReplyDeliveredEvent;
import cn.xinfang.petition.api.event.ReviewDecidedEvent;
import cn.xinfang.petition.api.event.ReviewRequestedEvent;
import cn.xinfang.petition.api.event.TimeLimitExtendedEvent;
import cn.xinfang.petition.api.event.BacklogSettledEvent;
import cn.xinfang.petition.api.event.LeaderAssignedEvent;
import cn.xinfang.petition.api.event.LeaderProgressRecordedEvent;
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
 * 办理流程 – where a case stands and what it allows: the status table (one for an original case, one
 * for a review case, 复查 / 复核), who may take each step (首接首办), the prerequisites of 一回应两见面,
 * the written notice (书面告知), delivery of the reply (送达), the review rounds, the transfer and
 * return rules (an accusation never reaches the unit it accuses, 条例 第三十条), and the stages that run
 * in the current state. Immutable and pure: {@link #evolve} answers the lifecycle after an event,
 * {@link #check} the refusal of a step, if any. The aggregate keeps one; the service can fold one from
 * the same events to show what is allowed now.
 */
public final class CaseLifecycle {

    /** The status table of an original case: which steps each status allows at all (finer conditions on top). */
    private static final Map<CaseStatus, Set<CaseAction>> TABLE = new EnumMap<>(Map.of(
            CaseStatus.REGISTERED, EnumSet.of(SIGN, NOTIFY, ESCALATE, TRANSFER, RETURN, RECLASSIFY, EXTEND),
            CaseStatus.SIGNED, EnumSet.of(ACCEPT, DECLINE, NOTIFY, ESCALATE, TRANSFER, RETURN, RECLASSIFY, EXTEND),
            CaseStatus.ACCEPTED, EnumSet.of(RESPOND, MEET_HANDLING, WAIVE_MEETING, GIVE_OPINION, NOTIFY, ESCALATE, RECLASSIFY, EXTEND),
            CaseStatus.OPINION_GIVEN, EnumSet.of(MEET_CONCLUSION, WAIVE_MEETING, DELIVER, RESOLVE, NOTIFY, ESCALATE, EXTEND),
            // closed: the written notice and the delivery of the reply are still owed (条例 第二十三、三十四条)
            CaseStatus.RESOLVED, EnumSet.of(DELIVER, NOTIFY),
            CaseStatus.DECLINED, EnumSet.of(NOTIFY)));

    /** The status table of a review case: decide, deliver the decision; then it is closed. */
    private static final Map<CaseStatus, Set<CaseAction>> REVIEW_TABLE = new EnumMap<>(Map.of(
            CaseStatus.REGISTERED, EnumSet.of(DECIDE_REVIEW, ESCALATE, EXTEND),
            CaseStatus.SIGNED, EnumSet.noneOf(CaseAction.class),
            CaseStatus.ACCEPTED, EnumSet.noneOf(CaseAction.class),
            CaseStatus.OPINION_GIVEN, EnumSet.of(DELIVER),
            CaseStatus.RESOLVED, EnumSet.noneOf(CaseAction.class),
            CaseStatus.DECLINED, EnumSet.noneOf(CaseAction.class)));

    private final CaseStatus status;
    private final Track track;
    private final Category category;
    private final String unit;
    private final String accusedUnit;
    private final ReviewLevel reviewLevel;
    private final String transferredFrom;
    private final Instant returnableUntil;
    private final boolean everTransferred;
    private final Instant phaseStart;
    private final Instant signedAt;
    private final Instant acceptedAt;
    private final Instant opinionAt;
    private final boolean responded;
    private final boolean handlingMet;
    private final boolean conclusionMet;
    private final boolean notified;
    private final Instant deliveredAt;
    private final Instant reviewRequestDeadline;
    private final boolean reviewRequested;
    private final boolean reviewDecided;
    private final Instant lastOccurredAt;
    private final Backlog backlog;

    private CaseLifecycle(Draft d) {
        status = d.status;
        track = d.track;
        category = d.category;
        unit = d.unit;
        accusedUnit = d.accusedUnit;
        reviewLevel = d.reviewLevel;
        transferredFrom = d.transferredFrom;
        returnableUntil = d.returnableUntil;
        everTransferred = d.everTransferred;
        phaseStart = d.phaseStart;
        signedAt = d.signedAt;
        acceptedAt = d.acceptedAt;
        opinionAt = d.opinionAt;
        responded = d.responded;
        handlingMet = d.handlingMet;
        conclusionMet = d.conclusionMet;
        notified = d.notified;
        deliveredAt = d.deliveredAt;
        reviewRequestDeadline = d.reviewRequestDeadline;
        reviewRequested = d.reviewRequested;
        reviewDecided = d.reviewDecided;
        lastOccurredAt = d.lastOccurredAt;
        backlog = d.backlog;
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

    /** The unit an accusation accuses; null for other cases. */
    public String accusedUnit() {
        return accusedUnit;
    }

    /** REVIEW or RE_REVIEW for a review case; null for an original one. */
    public ReviewLevel reviewLevel() {
        return reviewLevel;
    }

    /** The occurrence time of the last step: a later step may not say it happened before it. */
    public Instant lastOccurredAt() {
        return lastOccurredAt;
    }

    /** The unit that sent the case here, while it may still be returned to it; null otherwise. */
    public String transferredFrom() {
        return transferredFrom;
    }

    /** 积案 / 包案, 重复访, 越级访, 重点领域 (issue 15). */
    public Backlog backlog() {
        return backlog;
    }

    /** The level a review requested on this case would have. */
    public ReviewLevel nextReviewLevel() {
        return reviewLevel == null ? ReviewLevel.REVIEW : ReviewLevel.RE_REVIEW;
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
            d.category = e.category();
            d.unit = e.unit();
            d.accusedUnit = e.accusedUnit();
            d.reviewLevel = e.reviewLevel();
            d.phaseStart = e.occurredAt();
        } else if (event instanceof PetitionSignedEvent e) {
            d.signedAt = e.occurredAt();
        } else if (event instanceof PetitionAcceptedEvent e) {
            d.acceptedAt = e.occurredAt();
        } else if (event instanceof PetitionerRespondedEvent) {
            d.responded = true;
        } else if (event instanceof MeetingRecordedEvent e) {
            d.meetingHeld(e.kind());
        } else if (event instanceof MeetingWaivedEvent e) {
            d.meetingHeld(e.kind());
        } else if (event instanceof OpinionGivenEvent e) {
            d.opinionAt = e.occurredAt();
        } else if (event instanceof ReviewDecidedEvent e) {
            d.opinionAt = e.occurredAt();
            d.reviewDecided = true;
        } else if (event instanceof PetitionerNotifiedEvent) {
            d.notified = true;
        } else if (event instanceof ReplyDeliveredEvent e) {
            d.deliveredAt = e.occurredAt();
            d.reviewRequestDeadline = e.reviewRequestDeadline();
        } else if (event instanceof ReviewRequestedEvent) {
            d.reviewRequested = true;
        } else if (event instanceof PetitionTransferredEvent e) {
            d.transferredFrom = e.fromUnit();
            d.returnableUntil = e.returnableUntil();
            d.everTransferred = true;
            d.restartPhase(e.toUnit(), e.occurredAt());
        } else if (event instanceof PetitionReturnedEvent e) {
            d.transferredFrom = null;
            d.returnableUntil = null;
            d.restartPhase(e.toUnit(), e.occurredAt());
        } else if (event instanceof PetitionReclassifiedEvent e) {
            d.track = e.toTrack();
        }
        d.backlog = backlog.evolve(event);
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
                || event instanceof PetitionerRespondedEvent || event instanceof MeetingRecordedEvent
                || event instanceof MeetingWaivedEvent || event instanceof OpinionGivenEvent
                || event instanceof PetitionResolvedEvent || event instanceof PetitionTransferredEvent
                || event instanceof PetitionReturnedEvent || event instanceof PetitionReclassifiedEvent
                || event instanceof TimeLimitExtendedEvent || event instanceof PetitionerNotifiedEvent
                || event instanceof ReplyDeliveredEvent || event instanceof ReviewDecidedEvent
                // issue 15
                || event instanceof LeaderAssignedEvent || event instanceof LeaderProgressRecordedEvent
                || event instanceof BacklogSettledEvent;
    }

    // ---------------------------------------------------------------- checks

    /** Who may register a petition (before any case exists). */
    public static Optional<Rejection> mayRegister(Actor actor) {
        return roleCheck(REGISTER, actor);
    }

    /** Who may ask for a review (复查 / 复核) and open its case. */
    public static Optional<Rejection> mayRequestReview(Actor actor) {
        return roleCheck(REQUEST_REVIEW, actor);
    }

    /**
     * The rules of a registration's data: an accusation (检举控告类) names the unit it accuses, and is
     * never registered into that unit or a unit under it (条例 第三十条).
     */
    public static Optional<Rejection> checkRegistration(Category category, String accusedUnit, String intoUnit,
                                                        UnitHierarchy units) {
        if (category == Category.ACCUSATION && (accusedUnit == null || accusedUnit.isBlank())) {
            return Optional.of(Rejection.of(RuleCode.ACCUSED_UNIT_REQUIRED));
        }
        if (accusedUnit != null && units.isWithin(intoUnit, accusedUnit)) {
            return Optional.of(Rejection.of(RuleCode.ACCUSED_UNIT, accusedUnit, intoUnit));
        }
        return Optional.empty();
    }

    /**
     * The one entry point of the rules on steps: the refusal of {@code action} by {@code actor} now,
     * or nothing. Who may act is checked before what the case allows: someone who may not act on the
     * case is refused as such (403), whatever state it is in.
     */
    public Optional<Rejection> check(CaseAction action, Actor actor) {
        if (action.backlogStep()) {
            return backlogCheck(action, actor);
        }
        Optional<Rejection> who = whoMayAct(action, actor);
        if (who.isPresent() || action == RECOMPUTE) {
            return who;
        }
        if (action == REQUEST_REVIEW) {
            return reviewRequestRule();
        }
        Set<CaseAction> allowed = table().get(status);
        if (status.isClosed() && !allowed.contains(action)) {
            return Optional.of(closed(true));
        }
        if (allowed.contains(action) && conditionHolds(action)) {
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

    /** A case goes to another unit, never to the one it is with, and an accusation never to the accused. */
    public Optional<Rejection> checkTransfer(String toUnit, UnitHierarchy units) {
        if (toUnit.equals(unit)) {
            return Optional.of(Rejection.of(RuleCode.TRANSFER_TO_SAME_UNIT, unit));
        }
        return accusedRule(toUnit, units);
    }

    /**
     * 退回 within the window the transfer set (条例 第二十三条); after that the case is the unit's own
     * (首接首办). An accusation is never returned to the unit it accuses.
     */
    public Optional<Rejection> checkReturn(Instant at, UnitHierarchy units) {
        if (at.isAfter(returnableUntil)) {
            return Optional.of(Rejection.of(RuleCode.RETURN_PERIOD_EXPIRED, returnableUntil));
        }
        return accusedRule(transferredFrom, units);
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
     * 延期 is approved by the head of the body (条例 第三十四条): a supervisor, an administrator, or the
     * leader (单位负责人) of the case's unit.
     */
    public Optional<Rejection> checkApprover(Actor approver) {
        boolean ok = approver.is(Role.SUPERVISOR) || approver.is(Role.ADMIN)
                || (approver.is(Role.LEADER) && unit.equals(approver.unit()));
        return ok ? Optional.empty()
                : Optional.of(Rejection.of(RuleCode.APPROVER_NOT_PERMITTED, approver.userId(), approver.role(), unit));
    }

    /** A proposal's opinion adopts it or not; the other categories support, explain or do not support (条例 第三十二条). */
    public Optional<Rejection> checkDecision(Decision decision) {
        return decision.fits(category) ? Optional.empty()
                : Optional.of(Rejection.of(RuleCode.DECISION_NOT_FOR_CATEGORY, decision, category));
    }

    /**
     * 书面告知 says what happened: "accepted" once the case is accepted, "not accepted" once it is
     * declined, "sent on" once it was transferred or assigned.
     */
    public Optional<Rejection> checkNotice(NoticeKind kind) {
        boolean fits = switch (kind) {
            case ACCEPTED -> acceptedAt != null;
            case NOT_ACCEPTED -> status == CaseStatus.DECLINED;
            case TRANSFERRED -> everTransferred;
        };
        return fits ? Optional.empty() : Optional.of(Rejection.of(RuleCode.NOTICE_KIND_MISMATCH, kind, status));
    }

    /** 复查 / 复核 is requested within the window after delivery (条例 第三十五、三十六条). */
    public Optional<Rejection> checkReviewWindow(Instant at) {
        return at.isAfter(reviewRequestDeadline)
                ? Optional.of(Rejection.of(RuleCode.REVIEW_WINDOW_CLOSED, reviewRequestDeadline)) : Optional.empty();
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
            boolean byTable = table().get(status).contains(a) && conditionHolds(a) && (a != RETURN || transferredFrom != null);
            boolean byBacklog = (a == ASSIGN_LEADER || a == RECORD_PROGRESS || a == SETTLE) && backlogState(a, false).isEmpty();
            if (byTable || byBacklog || (a == REQUEST_REVIEW && reviewRequestRule().isEmpty())) {
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
     * (since registration or the last transfer) and until its own step is done. The written notice
     * and the delivery of the reply (CONCLUDE) run on after a case is closed until they are done.
     */
    public Map<Stage, Instant> runningStages(TimeLimitPolicy policy) {
        Map<Stage, Instant> running = new LinkedHashMap<>();
        if (status == null) {
            return running;
        }
        for (StageRule rule : policy.stagesOf(track, reviewLevel != null)) {
            Instant from = startOf(rule.startsAt());
            if (from != null && !done(rule.stage())) {
                running.put(rule.stage(), from);
            }
        }
        return running;
    }

    private Instant startOf(StageStart start) {
        return switch (start) {
            case REGISTRATION_OR_TRANSFER, REVIEW_REQUEST -> phaseStart;
            case SIGNING -> signedAt;
            case ACCEPTANCE -> acceptedAt;
            case OPINION -> opinionAt;
            case LEADER_ASSIGNMENT_OR_PROGRESS -> backlog.progressFrom();
        };
    }

    private boolean done(Stage stage) {
        boolean declined = status == CaseStatus.DECLINED;
        return switch (stage) {
            case SIGN -> signedAt != null;
            case ACCEPT -> acceptedAt != null || declined;
            case RESPOND -> responded;
            case MEET_HANDLING -> handlingMet;
            case OPINION -> opinionAt != null;
            case MEET_CONCLUSION -> conclusionMet || status == CaseStatus.RESOLVED;
            case CONCLUDE -> deliveredAt != null;
            case NOTIFY -> notified;
            case REVIEW_DECISION -> reviewDecided;
            case LEADER_PROGRESS -> status.isClosed() || backlog.ended();
            // issue 16: never in the policy's stage table; the case keeps it running until the reply
            case SUPERVISION -> false;
        };
    }

    // ---------------------------------------------------------------- the rules behind check

    private Map<CaseStatus, Set<CaseAction>> table() {
        return reviewLevel == null ? TABLE : REVIEW_TABLE;
    }

    private Optional<Rejection> whoMayAct(CaseAction action, Actor actor) {
        if (action.roles().contains(actor.role())) {
            return Optional.empty();
        }
        boolean ofThisUnit = unit != null && unit.equals(actor.unit());
        if ((action.byUnitHandler() && actor.is(Role.HANDLER) && ofThisUnit)
                || (action.byUnitLeader() && actor.is(Role.LEADER) && ofThisUnit)) {
            return Optional.empty();
        }
        if (action.byUnitHandler()) {
            Object actorUnit = actor.unit() == null ? Part.EMPTY : Part.of("rule.part.of-unit", actor.unit());
            return Optional.of(Rejection.of(RuleCode.NOT_HANDLER_OF_UNIT, unit, action, actor.role(), actorUnit));
        }
        return Optional.of(Rejection.of(RuleCode.ROLE_NOT_PERMITTED, actor.role(), action, rolesOf(action)));
    }

    private static Optional<Rejection> roleCheck(CaseAction action, Actor actor) {
        return action.roles().contains(actor.role()) ? Optional.empty()
                : Optional.of(Rejection.of(RuleCode.ROLE_NOT_PERMITTED, actor.role(), action, rolesOf(action)));
    }

    private static List<Role> rolesOf(CaseAction action) {
        List<Role> roles = new ArrayList<>(action.roles());
        if (action.byUnitLeader()) {
            roles.add(Role.LEADER);
        }
        return roles;
    }

    // issue 15
    /**
     * The backlog steps: the case's leader records progress and settles besides the roles of the
     * step; an assignment and progress need an open case, an outcome only an escalated one.
     */
    private Optional<Rejection> backlogCheck(CaseAction action, Actor actor) {
        boolean byLeader = (action == RECORD_PROGRESS || action == SETTLE) && backlog.isLeader(actor);
        if (!byLeader) {
            Optional<Rejection> who = whoMayAct(action, actor);
            if (who.isPresent()) {
                return action == RECORD_PROGRESS
                        ? Optional.of(Rejection.of(RuleCode.NOT_CASE_LEADER, backlog.leader() == null ? "-" : backlog.leader(), unit, actor.userId()))
                        : who;
            }
        }
        return backlogState(action, true);
    }

    /** The refusal of a backlog step by the case's state; {@code explain}: with what is allowed now (not while computing it). */
    private Optional<Rejection> backlogState(CaseAction action, boolean explain) {
        if (status == null) {
            return Optional.of(Rejection.of(RuleCode.NOT_ESCALATED));
        }
        return switch (action) {
            case ASSIGN_LEADER -> status.isClosed() ? Optional.of(closed(explain)) : backlog.assignmentRule(false);
            case RECORD_PROGRESS -> status.isClosed() ? Optional.of(closed(explain)) : backlog.progressRule();
            case SETTLE -> backlog.settleRule();
            default -> Optional.empty();
        };
    }

    private Optional<Rejection> accusedRule(String toUnit, UnitHierarchy units) {
        if (accusedUnit != null && toUnit != null && units.isWithin(toUnit, accusedUnit)) {
            return Optional.of(Rejection.of(RuleCode.ACCUSED_UNIT, accusedUnit, toUnit));
        }
        return Optional.empty();
    }

    /** After 复核 the matter is not accepted again; a review needs a delivered reply, and one at a time. */
    private Optional<Rejection> reviewRequestRule() {
        if (reviewLevel == ReviewLevel.RE_REVIEW) {
            return Optional.of(Rejection.of(RuleCode.REVIEW_EXHAUSTED));
        }
        if (deliveredAt == null) {
            return Optional.of(Rejection.of(RuleCode.REPLY_NOT_DELIVERED));
        }
        if (reviewRequested) {
            return Optional.of(Rejection.of(RuleCode.REVIEW_ALREADY_REQUESTED));
        }
        return Optional.empty();
    }

    private boolean conditionHolds(CaseAction action) {
        return switch (action) {
            case RESPOND -> !responded;
            case MEET_HANDLING -> !handlingMet;
            case MEET_CONCLUSION -> !conclusionMet;
            case WAIVE_MEETING -> meetingDue(MeetingKind.HANDLING) || meetingDue(MeetingKind.CONCLUSION);
            case GIVE_OPINION -> responded && handlingMet;
            case RESOLVE -> conclusionMet;
            case NOTIFY -> !notified;
            case DELIVER -> deliveredAt == null;
            case DECIDE_REVIEW -> !reviewDecided;
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

    /**
     * The case is closed: the step is refused, and (with {@code explain}) what is still allowed is said: a resolved case
     * still delivers its reply and gives its written notice, a declined one its notice.
     */
    private Rejection closed(boolean explain) {
        return Rejection.of(RuleCode.CASE_CLOSED, status, explain ? allowedNowPart() : Part.EMPTY);
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
        d.category = category;
        d.unit = unit;
        d.accusedUnit = accusedUnit;
        d.reviewLevel = reviewLevel;
        d.transferredFrom = transferredFrom;
        d.returnableUntil = returnableUntil;
        d.everTransferred = everTransferred;
        d.phaseStart = phaseStart;
        d.signedAt = signedAt;
        d.acceptedAt = acceptedAt;
        d.opinionAt = opinionAt;
        d.responded = responded;
        d.handlingMet = handlingMet;
        d.conclusionMet = conclusionMet;
        d.notified = notified;
        d.deliveredAt = deliveredAt;
        d.reviewRequestDeadline = reviewRequestDeadline;
        d.reviewRequested = reviewRequested;
        d.reviewDecided = reviewDecided;
        d.lastOccurredAt = lastOccurredAt;
        d.backlog = backlog;
        return d;
    }

    /** The fields of the next lifecycle while {@link #evolve} builds it. */
    private static final class Draft {
        CaseStatus status;
        Track track;
        Category category;
        String unit;
        String accusedUnit;
        ReviewLevel reviewLevel;
        String transferredFrom;
        Instant returnableUntil;
        boolean everTransferred;
        Instant phaseStart;
        Instant signedAt;
        Instant acceptedAt;
        Instant opinionAt;
        boolean responded;
        boolean handlingMet;
        boolean conclusionMet;
        boolean notified;
        Instant deliveredAt;
        Instant reviewRequestDeadline;
        boolean reviewRequested;
        boolean reviewDecided;
        Instant lastOccurredAt;
        Backlog backlog = Backlog.none();

        void meetingHeld(MeetingKind kind) {
            if (kind == MeetingKind.HANDLING) {
                handlingMet = true;
            } else {
                conclusionMet = true;
            }
        }

        /**
         * A transfer or a return: the receiving unit starts the case anew (it signs, or accepts, again,
         * and owes its own written notice).
         */
        void restartPhase(String newUnit, Instant at) {
            unit = newUnit;
            phaseStart = at;
            signedAt = null;
            notified = false;
        }
    }
}
