package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.StopReason;
import cn.xinfang.petition.api.command.AcceptPetitionCommand;
import cn.xinfang.petition.api.command.CaseCommand;
import cn.xinfang.petition.api.command.DeclinePetitionCommand;
import cn.xinfang.petition.api.command.EscalatePetitionCommand;
import cn.xinfang.petition.api.command.ExtendTimeLimitCommand;
import cn.xinfang.petition.api.command.GiveOpinionCommand;
import cn.xinfang.petition.api.command.ReclassifyPetitionCommand;
import cn.xinfang.petition.api.command.RecomputeTimeLimitsCommand;
import cn.xinfang.petition.api.command.RecordMeetingCommand;
import cn.xinfang.petition.api.command.RecordTimeLimitBreachCommand;
import cn.xinfang.petition.api.command.RecordTimeLimitWarningCommand;
import cn.xinfang.petition.api.command.RegisterPetitionCommand;
import cn.xinfang.petition.api.command.ResolvePetitionCommand;
import cn.xinfang.petition.api.command.RespondToPetitionerCommand;
import cn.xinfang.petition.api.command.ReturnPetitionCommand;
import cn.xinfang.petition.api.command.SignPetitionCommand;
import cn.xinfang.petition.api.command.TransferPetitionCommand;
import cn.xinfang.petition.api.command.WaiveMeetingCommand;
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
import cn.xinfang.petition.api.event.PetitionerRespondedEvent;
import cn.xinfang.petition.time.TimeRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * 信访事项 – one petition case, from registration to conclusion. It decides and records; the rules
 * live in the values it holds: {@link CaseLifecycle} (status, who may act, 一回应两见面, transfers)
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

    @CommandHandler
    public PetitionCase(RegisterPetitionCommand cmd, TimeRules rules) {
        CaseLifecycle.mayRegister(cmd.actor()).ifPresent(PetitionCase::refuse);
        Instant at = CaseLifecycle.occurrence(cmd, null, rules.clockSkew());
        String idNumber = cmd.petitioner().idNumber();
        if (idNumber != null && ResidentIdNumber.birthDateInFuture(idNumber, LocalDate.ofInstant(cmd.recordedAt(), rules.zone()))) {
            refuse(Rejection.of(RuleCode.ID_NUMBER_BIRTH_DATE_IN_FUTURE));
        }
        String firstUnit = cmd.actor().unit() != null ? cmd.actor().unit() : cmd.unit();
        apply(new PetitionRegisteredEvent(cmd.caseId(), cmd.caseNo(), cmd.track(), cmd.channel(), cmd.category(),
                cmd.petitioner(), cmd.headcount(), cmd.headcount() >= COLLECTIVE_HEADCOUNT, cmd.subject(),
                cmd.content(), cmd.unit(), firstUnit, cmd.actor(), at, cmd.recordedAt()))
                // in a constructor Axon applies events after it returns, so the new state is read in andThen
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
        Instant at = begin(CaseAction.GIVE_OPINION, cmd, rules);
        apply(new OpinionGivenEvent(caseId, cmd.decision(), cmd.text(), cmd.actor(), at, cmd.recordedAt()));
        settle(Stage.OPINION, null, at, cmd, rules);
    }

    @CommandHandler
    void handle(ResolvePetitionCommand cmd, TimeRules rules) {
        Instant at = begin(CaseAction.RESOLVE, cmd, rules);
        apply(new PetitionResolvedEvent(caseId, cmd.summary(), cmd.satisfaction(), cmd.actor(), at, cmd.recordedAt()));
        settle(Stage.CONCLUDE, StopReason.RESOLVED, at, cmd, rules);
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
    void handle(TransferPetitionCommand cmd, TimeRules rules) {
        check(CaseAction.TRANSFER, cmd);
        lifecycle.checkTransfer(cmd.toUnit()).ifPresent(PetitionCase::refuse);
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        apply(new PetitionTransferredEvent(caseId, lifecycle.unit(), cmd.toUnit(), cmd.reason(),
                rules.calculator().returnableUntil(at), cmd.actor(), at, cmd.recordedAt()));
        settle(null, StopReason.TRANSFERRED, at, cmd, rules);
    }

    @CommandHandler
    void handle(ReturnPetitionCommand cmd, TimeRules rules) {
        check(CaseAction.RETURN, cmd);
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        lifecycle.checkReturn(at).ifPresent(PetitionCase::refuse);
        apply(new PetitionReturnedEvent(caseId, lifecycle.unit(), lifecycle.transferredFrom(), cmd.reason(), cmd.actor(), at,
                cmd.recordedAt()));
        settle(null, StopReason.RETURNED, at, cmd, rules);
    }

    // ---------------------------------------------------------------- 改变办理程序

    @CommandHandler
    void handle(ReclassifyPetitionCommand cmd, TimeRules rules) {
        check(CaseAction.RECLASSIFY, cmd);
        lifecycle.checkReclassification(cmd.track()).ifPresent(PetitionCase::refuse);
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        apply(new PetitionReclassifiedEvent(caseId, lifecycle.track(), cmd.track(), cmd.actor(), at, cmd.recordedAt()));
        limits.reclassify(caseId, lifecycle.track(), lifecycle.runningStages(rules.policy()), rules.calculator(),
                cmd.actor(), at, cmd.recordedAt()).forEach(AggregateLifecycle::apply);
        settle(null, StopReason.RECLASSIFIED, at, cmd, rules);
    }

    // ---------------------------------------------------------------- 延期, 日历修订

    @CommandHandler
    void handle(ExtendTimeLimitCommand cmd, TimeRules rules) {
        check(CaseAction.EXTEND, cmd);
        limits.checkExtension(cmd.stage(), cmd.amount(), rules.policy()).ifPresent(PetitionCase::refuse);
        Instant at = lifecycle.occurrence(cmd, rules.clockSkew());
        limits.extend(caseId, lifecycle.track(), cmd.stage(), cmd.amount(), cmd.reason(), rules.calculator(), cmd.actor(),
                at, cmd.recordedAt()).forEach(AggregateLifecycle::apply);
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
        var running = lifecycle.runningStages(rules.policy());
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
