package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.EscalationReason;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.ReviewLevel;
import cn.xinfang.petition.api.TransferKind;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.StopReason;
import cn.xinfang.petition.api.command.*;
import cn.xinfang.petition.api.event.*;
import cn.xinfang.petition.time.TimeRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ApplyMore;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * 信访事项 – one petition case, from registration to conclusion. It decides and records; the rules
 * live in the values it holds: {@link CaseLifecycle} (status, who may act, 一回应两见面, notices,
 * delivery, reviews, transfers)
 * and {@link OpenTimeLimits} (the stages running against their limits, warnings, breaches and what a
 * breach leads to), with the policy's stage table in {@link TimeRules}. Handlers appear in
 * lifecycle order; every step checks, applies its event, then stops the stages it ended and starts
 * the ones its new state runs.
 */
public class PetitionCase {

    /** Metadata key of the version(s) a step was decided on (the case view's ETag, comma-separated); absent: any version. */
    public static final String EXPECTED_VERSION = "expectedVersion";
    /** Collective visit (集体访): five or more petitioners. */
    static final int COLLECTIVE_HEADCOUNT = 5;

    @AggregateIdentifier
    private CaseId caseId;
    private CaseLifecycle lifecycle = CaseLifecycle.none();
    private OpenTimeLimits limits = OpenTimeLimits.none();

    // for Axon event sourcing
    protected PetitionCase() {
    }

    /**
     * A step sent with the version it was decided on is refused if the case has moved on since. The
     * check runs while the case is locked for the command, so two steps decided on the same version
     * cannot both pass.
     */
    @CommandHandlerInterceptor
    Object checkExpectedVersion(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        Long current = AggregateLifecycle.getVersion();
        if (expected != null && !Arrays.asList(String.valueOf(expected).split(",")).contains(String.valueOf(current))) {
            throw Rejection.of(RuleCode.VERSION_MISMATCH, String.valueOf(expected), current).toException();
        }
        return chain.proceed();
    }

    // ---------------------------------------------------------------- 登记 register

    /**
     * A handler registers into their own unit (the first receiver, 首接); a case registered for another
     * unit is assigned to it at once (交办), with the same events as a transfer, so the target may return
     * it within the return window. A supervisor registers straight into the unit given.
     */
    @CommandHandler
    public PetitionCase(RegisterPetitionCommand cmd, TimeRules rules, UnitHierarchy units) {
        if (!leaderRaisesFromOwnRecord(cmd)) {
            CaseLifecycle.mayRegister(cmd.actor()).ifPresent(PetitionCase::refuse);
        }
        String accused = cmd.category() == Category.ACCUSATION ? cmd.accusedUnit() : null;
        CaseLifecycle.checkRegistration(cmd.category(), accused, cmd.unit(), units).ifPresent(PetitionCase::refuse);
        Instant at = CaseLifecycle.occurrence(cmd, null, rules.clockSkew());
        String idNumber = cmd.petitioner().idNumber();
        if (idNumber != null && ResidentIdNumber.birthDateInFuture(idNumber, LocalDate.ofInstant(cmd.recordedAt(), rules.zone()))) {
            refuse(Rejection.of(RuleCode.ID_NUMBER_BIRTH_DATE_IN_FUTURE));
        }
        String firstUnit = cmd.actor().unit() != null ? cmd.actor().unit() : cmd.unit();
        ApplyMore registered = apply(new PetitionRegisteredEvent(cmd.caseId(), cmd.caseNo(), cmd.track(), cmd.channel(),
                cmd.category(), cmd.petitioner(), cmd.headcount(), cmd.headcount() >= COLLECTIVE_HEADCOUNT, cmd.subject(),
                cmd.content(), firstUnit, firstUnit, accused, null, null, cmd.actor(), at, cmd.recordedAt(), cmd.visitId(),
                cmd.receptionId(), cmd.field(),
                cmd.repeatOf() == null || cmd.repeatOf().isEmpty() ? null : java.util.List.copyOf(cmd.repeatOf())));
        if (!firstUnit.equals(cmd.unit())) {
            registered = registered.andThenApply(() -> new PetitionTransferredEvent(cmd.caseId(), firstUnit, cmd.unit(), null,
                    TransferKind.ASSIGNMENT, rules.calculator().returnableUntil(at), cmd.actor(), at, cmd.recordedAt()));
        }
        // issue 15: a repeat petition (重复访) found by the service is escalated once, by the system
        if (cmd.repeatOf() != null && !cmd.repeatOf().isEmpty()) {
            registered = registered.andThenApply(() -> new PetitionEscalatedEvent(cmd.caseId(), EscalationReason.REPEAT, null, null,
                    null, Actor.SYSTEM, at, cmd.recordedAt()));
        }
        // in a constructor Axon applies events after it returns, so the new state is read in andThen
        registered.andThen(() -> settle(null, null, at, cmd, rules));
    }

    /**
     * Issue 14: a unit leader (单位负责人) raises the case of a visit or a reception of their own unit
     * (领导接访); any other registration follows the case's role rule.
     */
    static boolean leaderRaisesFromOwnRecord(RegisterPetitionCommand cmd) {
        return (cmd.visitId() != null || cmd.receptionId() != null) && cmd.actor().is(cn.xinfang.petition.api.Role.LEADER)
                && cmd.unit().equals(cmd.actor().unit());
    }

    /** 复查 / 复核: the review case of a request its parent has recorded; one stage runs, the review decision. */
    @CommandHandler
    public PetitionCase(RegisterReviewCaseCommand cmd, TimeRules rules, UnitHierarchy units) {
        CaseLifecycle.mayRequestReview(cmd.actor()).ifPresent(PetitionCase::refuse);
        CaseLifecycle.checkRegistration(cmd.category(), cmd.accusedUnit(), cmd.unit(), units).ifPresent(PetitionCase::refuse);
        Instant at = CaseLifecycle.occurrence(cmd, null, rules.clockSkew());
        apply(new PetitionRegisteredEvent(cmd.caseId(), cmd.caseNo(), cmd.track(), cmd.channel(), cmd.category(),
                cmd.petitioner(), cmd.headcount(), cmd.headcount() >= COLLECTIVE_HEADCOUNT, cmd.subject(), cmd.content(),
                cmd.unit(), cmd.unit(), cmd.accusedUnit(), cmd.parentCaseId(), cmd.level(), cmd.actor(), at, cmd.recordedAt()))
                .andThen(() -> settle(null, null, at, cmd, rules));
    }

    // ---------------------------------------------------------------- 签收, 受理, 不予受理

    @CommandHandler
    void handle(SignPetitionCommand cmd, TimeRules rules) {
        Instant at = begin(CaseAction.SIGN, cmd, rules);
        apply(new PetitionSignedEvent(caseId, lifecycle.unit(), cmd.actor(), at, cmd.recordedAt()));
        settle(Stage.SIGN, null, at, cmd, rules);
    }

    @CommandHandler
    void handle(AcceptPetitionCommand cmd, TimeRules rules) {
        Instant at = begin(CaseAction.ACCEPT, cmd, rules);
        apply(new PetitionAcceptedEvent(caseId, lifecycle.unit(), cmd.actor(), at, cmd.recordedAt()));
        settle(Stage.ACCEPT, null, at, cmd, rules);
    }

    @CommandHandler
    void handle(DeclinePetitionCommand cmd, TimeRules rules) {
        Instant at = begin(CaseAction.DECLINE, cmd, rules);
        apply(new PetitionDeclinedEvent(caseId, lifecycle.unit(), cmd.reason(), cmd.guidance(), cmd.actor(), at,
                cmd.recordedAt()));
        settle(Stage.ACCEPT, StopReason.DECLINED, at, cmd, rules);
    }

    // ---------------------------------------------------------------- 一回应两见面

    @CommandHandler
    void handle(RespondToPetitionerCommand cmd, TimeRules rules) {
        Instant at = begin(CaseAction.RESPOND, cmd, rules);
        apply(new PetitionerRespondedEvent(caseId, cmd.mode(), cmd.summary(), cmd.actor(), at, cmd.recordedAt()));
        settle(Stage.RESPOND, null, at, cmd, rules);
    }

    @CommandHandler
    void handle(RecordMeetingCommand cmd, TimeRules rules) {
        boolean handling = cmd.kind() == MeetingKind.HANDLING;
        Instant at = begin(handling ? CaseAction.MEET_HANDLING : CaseAction.MEET_CONCLUSION, cmd, rules);
        apply(new MeetingRecordedEvent(caseId, cmd.kind(), cmd.place(), cmd.summary(), cmd.actor(), at, cmd.recordedAt()));
        settle(meetingStage(cmd.kind()), null, at, cmd, rules);
    }

    @CommandHandler
    void handle(WaiveMeetingCommand cmd, TimeRules rules) {
        check(CaseAction.WAIVE_MEETING, cmd);
        lifecycle.checkWaiver(cmd.kind()).ifPresent(PetitionCase::refuse);
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        apply(new MeetingWaivedEvent(caseId, cmd.kind(), cmd.reason(), cmd.actor(), at, cmd.recordedAt()));
        settle(meetingStage(cmd.kind()), null, at, cmd, rules);
    }

    // ---------------------------------------------------------------- 处理意见, 办结

    @CommandHandler
    void handle(GiveOpinionCommand cmd, TimeRules rules) {
        check(CaseAction.GIVE_OPINION, cmd);
        lifecycle.checkDecision(cmd.decision()).ifPresent(PetitionCase::refuse);
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        apply(new OpinionGivenEvent(caseId, cmd.decision(), cmd.text(), cmd.actor(), at, cmd.recordedAt()));
        settle(Stage.OPINION, null, at, cmd, rules);
    }

    @CommandHandler
    void handle(ResolvePetitionCommand cmd, TimeRules rules) {
        Instant at = begin(CaseAction.RESOLVE, cmd, rules);
        apply(new PetitionResolvedEvent(caseId, cmd.summary(), cmd.satisfaction(), cmd.satisfactionSource(), cmd.actor(), at,
                cmd.recordedAt()));
        // CONCLUDE runs on until the reply is delivered, and NOTIFY until the written notice is given
        settle(null, StopReason.RESOLVED, at, cmd, rules);
    }

    // ---------------------------------------------------------------- 书面告知, 送达

    @CommandHandler
    void handle(NotifyPetitionerCommand cmd, TimeRules rules) {
        check(CaseAction.NOTIFY, cmd);
        lifecycle.checkNotice(cmd.kind()).ifPresent(PetitionCase::refuse);
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        apply(new PetitionerNotifiedEvent(caseId, lifecycle.unit(), cmd.kind(), cmd.mode(), cmd.text(), cmd.actor(), at,
                cmd.recordedAt()));
        settle(Stage.NOTIFY, null, at, cmd, rules);
    }

    /** 送达 of the reply stops CONCLUDE (条例 第三十四条); a review may be requested within the window after it. */
    @CommandHandler
    void handle(DeliverReplyCommand cmd, TimeRules rules) {
        Instant at = begin(CaseAction.DELIVER, cmd, rules);
        boolean review = lifecycle.reviewLevel() != null;
        Instant deadline = lifecycle.reviewLevel() == ReviewLevel.RE_REVIEW ? null : rules.calculator().reviewRequestDeadline(at);
        apply(new ReplyDeliveredEvent(caseId, cmd.mode(), cmd.receivedBy(), deadline, review, cmd.actor(), at, cmd.recordedAt()));
        settle(Stage.CONCLUDE, null, at, cmd, rules);
    }

    // ---------------------------------------------------------------- 复查 / 复核

    /** The parent records the request; the service then registers the review case ({@link RegisterReviewCaseCommand}). */
    @CommandHandler
    void handle(RequestReviewCommand cmd, TimeRules rules) {
        check(CaseAction.REQUEST_REVIEW, cmd);
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        lifecycle.checkReviewWindow(at).ifPresent(PetitionCase::refuse);
        apply(new ReviewRequestedEvent(caseId, cmd.reviewCaseId(), lifecycle.nextReviewLevel(), cmd.unit(), cmd.reason(),
                cmd.actor(), at, cmd.recordedAt()));
    }

    @CommandHandler
    void handle(GiveReviewDecisionCommand cmd, TimeRules rules) {
        Instant at = begin(CaseAction.DECIDE_REVIEW, cmd, rules);
        apply(new ReviewDecidedEvent(caseId, cmd.decision(), cmd.text(), cmd.actor(), at, cmd.recordedAt()));
        settle(Stage.REVIEW_DECISION, null, at, cmd, rules);
    }

    // ---------------------------------------------------------------- 提级 / 包案

    @CommandHandler
    void handle(EscalatePetitionCommand cmd, TimeRules rules) {
        check(CaseAction.ESCALATE, cmd);
        if (cmd.leader() == null || cmd.leader().isBlank()) {
            refuse(Rejection.of(RuleCode.LEADER_REQUIRED));
        }
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        apply(new PetitionEscalatedEvent(caseId, cmd.reason(), cmd.leader(), cmd.plan(), cmd.stage(), cmd.actor(), at,
                cmd.recordedAt()));
    }

    // ---------------------------------------------------------------- 转送 / 交办, 退回

    @CommandHandler
    void handle(TransferPetitionCommand cmd, TimeRules rules, UnitHierarchy units) {
        check(CaseAction.TRANSFER, cmd);
        lifecycle.checkTransfer(cmd.toUnit(), units).ifPresent(PetitionCase::refuse);
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        apply(new PetitionTransferredEvent(caseId, lifecycle.unit(), cmd.toUnit(), cmd.reason(), TransferKind.TRANSFER,
                rules.calculator().returnableUntil(at), cmd.actor(), at, cmd.recordedAt()));
        settle(null, StopReason.TRANSFERRED, at, cmd, rules);
    }

    @CommandHandler
    void handle(ReturnPetitionCommand cmd, TimeRules rules, UnitHierarchy units) {
        check(CaseAction.RETURN, cmd);
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        lifecycle.checkReturn(at, units).ifPresent(PetitionCase::refuse);
        apply(new PetitionReturnedEvent(caseId, lifecycle.unit(), lifecycle.transferredFrom(), cmd.reason(), cmd.actor(), at,
                cmd.recordedAt()));
        settle(null, StopReason.RETURNED, at, cmd, rules);
    }

    // ---------------------------------------------------------------- 改变办理程序

    @CommandHandler
    void handle(ReclassifyPetitionCommand cmd, TimeRules rules) {
        if (cmd.track() == null) { // issue 15: the key field alone
            check(CaseAction.SET_FIELD, cmd);
            setField(cmd, CaseLifecycle.occurrence(cmd, null, rules.clockSkew()));
            return;
        }
        check(CaseAction.RECLASSIFY, cmd);
        lifecycle.checkReclassification(cmd.track()).ifPresent(PetitionCase::refuse);
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        apply(new PetitionReclassifiedEvent(caseId, lifecycle.track(), cmd.track(), cmd.actor(), at, cmd.recordedAt()));
        limits.reclassify(caseId, lifecycle.track(), lifecycle.runningStages(rules.policy()), rules.calculator(),
                cmd.actor(), at, cmd.recordedAt()).forEach(AggregateLifecycle::apply);
        settle(null, StopReason.RECLASSIFIED, at, cmd, rules);
        setField(cmd, at);
    }

    private void setField(ReclassifyPetitionCommand cmd, Instant at) {
        if (cmd.field() != null && cmd.field() != lifecycle.backlog().field()) {
            apply(new KeyFieldSetEvent(caseId, lifecycle.backlog().field(), cmd.field(), cmd.actor(), at, cmd.recordedAt()));
        }
    }

    // ---------------------------------------------------------------- issue 15: 包案, 包案推进, 化解, 越级访, 重复访

    /** 一案一包: the one active leader of an escalated case, with the plan (一案一策); LEADER_PROGRESS starts. */
    @CommandHandler
    void handle(AssignLeaderCommand cmd, TimeRules rules) {
        Instant at = begin(CaseAction.ASSIGN_LEADER, cmd, rules);
        lifecycle.backlog().checkAssignment(cmd.leader(), cmd.plan(), cmd.reason()).ifPresent(PetitionCase::refuse);
        apply(new LeaderAssignedEvent(caseId, cmd.leader().userId(), cmd.leader().unit(), cmd.plan(), cmd.reason(),
                lifecycle.backlog().leader(), cmd.actor(), at, cmd.recordedAt()));
        settle(Stage.LEADER_PROGRESS, null, at, cmd, rules);
    }

    /** 包案推进: each entry completes LEADER_PROGRESS and starts it anew from the entry. */
    @CommandHandler
    void handle(RecordLeaderProgressCommand cmd, TimeRules rules) {
        Instant at = begin(CaseAction.RECORD_PROGRESS, cmd, rules);
        apply(new LeaderProgressRecordedEvent(caseId, lifecycle.backlog().leader(), cmd.kind(), cmd.text(), cmd.actor(), at,
                cmd.recordedAt()));
        settle(Stage.LEADER_PROGRESS, null, at, cmd, rules);
    }

    /** 化解: SUBSTANTIVE and PROCEDURAL end the backlog entry (LEADER_PROGRESS stops); CONTAINED keeps it. */
    @CommandHandler
    void handle(SettleBacklogCommand cmd, TimeRules rules) {
        Instant at = begin(CaseAction.SETTLE, cmd, rules);
        apply(new BacklogSettledEvent(caseId, lifecycle.backlog().leader(), cmd.outcome(), cmd.text(), cmd.actor(), at,
                cmd.recordedAt()));
        settle(cmd.outcome().ends() ? Stage.LEADER_PROGRESS : null, null, at, cmd, rules);
    }

    /** 越级访: recorded in any state; the first visit to a level escalates the case SKIP_LEVEL, by the system. */
    @CommandHandler
    void handle(RecordSkipLevelCommand cmd, TimeRules rules) {
        check(CaseAction.RECORD_SKIP_LEVEL, cmd);
        Instant at = CaseLifecycle.occurrence(cmd, null, rules.clockSkew());
        boolean first = !lifecycle.backlog().skipLevelEscalated(cmd.level());
        apply(new SkipLevelPetitionRecordedEvent(caseId, cmd.level(), cmd.place(), cmd.text(), lifecycle.unit(), cmd.actor(), at,
                cmd.recordedAt()));
        if (first) {
            apply(new PetitionEscalatedEvent(caseId, EscalationReason.SKIP_LEVEL, null, null, null, Actor.SYSTEM,
                    cmd.recordedAt(), cmd.recordedAt()));
        }
    }

    /** 重复访 by hand; the first link of a case not yet escalated as a repeat escalates it REPEAT, by the system. */
    @CommandHandler
    void handle(LinkRepeatCommand cmd, TimeRules rules) {
        check(CaseAction.LINK_REPEAT, cmd);
        lifecycle.backlog().checkLink(caseId, cmd.earlierCaseId()).ifPresent(PetitionCase::refuse);
        Instant at = CaseLifecycle.occurrence(cmd, null, rules.clockSkew());
        boolean escalate = !lifecycle.backlog().repeatEscalated();
        apply(new RepeatLinkedEvent(caseId, cmd.earlierCaseId(), cmd.reason(), cmd.actor(), at, cmd.recordedAt()));
        if (escalate) {
            apply(new PetitionEscalatedEvent(caseId, EscalationReason.REPEAT, null, null, null, Actor.SYSTEM,
                    cmd.recordedAt(), cmd.recordedAt()));
        }
    }

    @CommandHandler
    void handle(UnlinkRepeatCommand cmd, TimeRules rules) {
        check(CaseAction.UNLINK_REPEAT, cmd);
        lifecycle.backlog().checkUnlink(cmd.earlierCaseId()).ifPresent(PetitionCase::refuse);
        Instant at = CaseLifecycle.occurrence(cmd, null, rules.clockSkew());
        apply(new RepeatUnlinkedEvent(caseId, cmd.earlierCaseId(), cmd.reason(), cmd.actor(), at, cmd.recordedAt()));
    }

    // ---------------------------------------------------------------- 延期, 日历修订

    /** 延期: approved by the head of the body, the petitioner told why (条例 第三十四条), as the policy allows. */
    @CommandHandler
    void handle(ExtendTimeLimitCommand cmd, TimeRules rules) {
        check(CaseAction.EXTEND, cmd);
        lifecycle.checkApprover(cmd.approver()).ifPresent(PetitionCase::refuse);
        limits.checkExtension(cmd.stage(), cmd.amount(), rules.policy()).ifPresent(PetitionCase::refuse);
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        limits.extend(caseId, lifecycle.track(), cmd.stage(), cmd.amount(), cmd.reason(), cmd.approver().userId(),
                cmd.petitionerToldAt(), rules.calculator(), cmd.actor(), at, cmd.recordedAt()).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(RecomputeTimeLimitsCommand cmd, TimeRules rules) {
        check(CaseAction.RECOMPUTE, cmd);
        // Counted on the calendar in force now, which may be a later revision than the one that sent
        // the command (revisions overlapping).
        if (!lifecycle.status().isClosed()) {
            limits.recomputeOnCalendar(caseId, lifecycle.track(), rules.calculator(), cmd.actor(), cmd.recordedAt())
                    .forEach(AggregateLifecycle::apply);
        }
    }

    // ---------------------------------------------------------------- 预警, 超期 (sent by the deadline saga; tolerant)

    @CommandHandler
    void handle(RecordTimeLimitWarningCommand cmd) {
        limits.warn(caseId, lifecycle.unit(), cmd.stage(), cmd.due(), cmd.recordedAt()).ifPresent(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(RecordTimeLimitBreachCommand cmd, TimeRules rules) {
        limits.breach(caseId, lifecycle.unit(), cmd.stage(), cmd.due(), cmd.recordedAt(), rules.policy())
                .forEach(AggregateLifecycle::apply);
    }

    // ---------------------------------------------------------------- 督办 (issue 16)

    /** 督办: a supervisor adds the running stage SUPERVISION, counted by the business-time engine from the step. */
    @CommandHandler
    void handle(SuperviseCaseCommand cmd, TimeRules rules) {
        if (cmd.actor().role() != cn.xinfang.petition.api.Role.SUPERVISOR) {
            refuse(Rejection.of(RuleCode.SUPERVISOR_REQUIRED, cmd.actor().role()));
        }
        if (limits.limit(Stage.SUPERVISION).isPresent()) {
            refuse(Rejection.of(RuleCode.SUPERVISION_ALREADY_OPEN, limits.limit(Stage.SUPERVISION).get().due()));
        }
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        cn.xinfang.petition.api.TimeLimit limit = cn.xinfang.petition.time.SupervisionLimits.compute(
                cmd.limit(), at, rules);
        apply(new CaseSupervisedEvent(caseId, lifecycle.unit(), cmd.requirement(), cmd.limit(), limit.due(), cmd.actor(),
                at, cmd.recordedAt()));
        apply(new TimeLimitStartedEvent(caseId, lifecycle.unit(), limit, at, cmd.recordedAt()));
    }

    /** 督办回复: the handling unit replies; SUPERVISION stops (met when by its due instant). */
    @CommandHandler
    void handle(ReplyToSupervisionCommand cmd, TimeRules rules) {
        if (!cmd.actor().role().isUnitBound() || !lifecycle.unit().equals(cmd.actor().unit())) {
            refuse(Rejection.of(RuleCode.NOT_OF_UNIT, lifecycle.unit()));
        }
        if (limits.limit(Stage.SUPERVISION).isEmpty()) {
            refuse(Rejection.of(RuleCode.SUPERVISION_NOT_OPEN));
        }
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        apply(new SupervisionRepliedEvent(caseId, lifecycle.unit(), cmd.text(), cmd.actor(), at, cmd.recordedAt()));
        limits.stopNotRunning(caseId, lifecycle.unit(), java.util.Map.of(), Stage.SUPERVISION, StopReason.COMPLETED, at,
                cmd.recordedAt()).stream().filter(e -> e.stage() == Stage.SUPERVISION).forEach(AggregateLifecycle::apply);
    }

    // ---------------------------------------------------------------- state: one handler for every event

    @EventSourcingHandler
    void on(CaseEvent event) {
        if (event instanceof PetitionRegisteredEvent e) {
            caseId = e.caseId();
        }
        lifecycle = lifecycle.evolve(event);
        limits = limits.apply(event);
    }

    // ---------------------------------------------------------------- shared by the handlers

    /** Checks who may act and what the case allows, then answers the time the step counts from. */
    private Instant begin(CaseAction action, CaseCommand cmd, TimeRules rules) {
        check(action, cmd);
        return lifecycle.occurrence(cmd, rules.clockSkew());
    }

    private void check(CaseAction action, CaseCommand cmd) {
        lifecycle.check(action, cmd.actor()).ifPresent(PetitionCase::refuse);
    }

    /**
     * After a step: stops the stage it completed, and every other stage that no longer runs (for
     * {@code othersReason}), then starts the stages the new state runs.
     */
    private void settle(Stage completed, StopReason othersReason, Instant at, CaseCommand cmd, TimeRules rules) {
        var running = new java.util.LinkedHashMap<>(lifecycle.runningStages(rules.policy()));
        // issue 16: 督办 runs until the handling unit replies, whatever the step
        limits.limit(Stage.SUPERVISION).ifPresent(l -> running.put(Stage.SUPERVISION, l.start()));
        limits.stopNotRunning(caseId, lifecycle.unit(), running, completed, Optional.ofNullable(othersReason).orElse(StopReason.COMPLETED),
                at, cmd.recordedAt()).forEach(AggregateLifecycle::apply);
        limits.startRunning(caseId, lifecycle.unit(), lifecycle.track(), running, rules.calculator(), cmd.recordedAt())
                .forEach(AggregateLifecycle::apply);
    }

    private static Stage meetingStage(MeetingKind kind) {
        return kind == MeetingKind.HANDLING ? Stage.MEET_HANDLING : Stage.MEET_CONCLUSION;
    }

    private static void refuse(Rejection rejection) {
        throw rejection.toException();
    }
}
