package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.EscalationReason;
import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.LimitUnit;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.RecomputeReason;
import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.StopReason;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.Track;
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
import cn.xinfang.petition.api.event.TimeLimitBreachedEvent;
import cn.xinfang.petition.api.event.TimeLimitExtendedEvent;
import cn.xinfang.petition.api.event.TimeLimitRecomputedEvent;
import cn.xinfang.petition.api.event.TimeLimitStartedEvent;
import cn.xinfang.petition.api.event.TimeLimitStoppedEvent;
import cn.xinfang.petition.api.event.TimeLimitWarningRaisedEvent;
import cn.xinfang.petition.time.TimeLimitCalculator;
import cn.xinfang.petition.time.TimeRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * 信访事项 – one petition case, from registration to conclusion. Holds only what its decisions need:
 * status, track, the responsible unit, the step flags of 一回应两见面, and the open time limits.
 * Handlers appear in lifecycle order, each command handler above the event-sourcing handler of
 * the event it applies.
 */
public class PetitionCase {

    /** A paper record may say it happened up to this much after the service's clock (clock skew). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /** Collective visit (集体访): five or more petitioners. */
    static final int COLLECTIVE_HEADCOUNT = 5;
    /** The receiving unit may return a transferred case within this many working days (条例 第二十三条). */
    static final long RETURN_WORKING_DAYS = 5;

    @AggregateIdentifier
    private CaseId caseId;
    private CaseStatus status;
    private Track track;
    private String unit;
    private String transferredFrom;
    private Instant returnableUntil;
    private Instant phaseStart;
    private Instant signedAt;
    private Instant acceptedAt;
    private Instant opinionAt;
    private boolean responded;
    private boolean handlingMeetingDone;
    private boolean conclusionMeetingDone;
    private Instant lastOccurredAt;
    private final Map<Stage, TimeLimit> open = new EnumMap<>(Stage.class);
    private final Set<Stage> warned = EnumSet.noneOf(Stage.class);
    private final Set<Stage> breached = EnumSet.noneOf(Stage.class);
    private final Set<Stage> escalatedForBreach = EnumSet.noneOf(Stage.class);

    // for Axon event sourcing
    protected PetitionCase() {
    }

    /** Metadata key of the version(s) a step was decided on (the case view's ETag, comma-separated); absent: any version. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    /**
     * A step sent with the version it was decided on is refused if the case has moved on since.
     * The check runs while the case is locked for the command, so two steps decided on the same
     * version cannot both pass.
     */
    @CommandHandlerInterceptor
    Object checkExpectedVersion(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        Long current = AggregateLifecycle.getVersion();
        if (expected != null && !java.util.Arrays.asList(String.valueOf(expected).split(",")).contains(String.valueOf(current))) {
            throw new StaleCaseVersionException("version-mismatch",
                    "the case has changed since version " + expected + " (now " + current + "); reload it and decide again",
                    "该事项已被修改（当前版本 " + current + "），请刷新后重新办理");
        }
        return chain.proceed();
    }

    // ---------------------------------------------------------------- 登记 register

    @CommandHandler
    public PetitionCase(RegisterPetitionCommand cmd, TimeRules rules) {
        requireRole(cmd.actor(), "register a petition", "登记信访事项", Role.HANDLER, Role.SUPERVISOR);
        Instant at = occurrence(cmd, null);
        if (cmd.petitioner().idNumber() != null) {
            LocalDate today = LocalDate.ofInstant(cmd.recordedAt(), ZoneOffset.ofHours(8));
            if (ResidentIdNumber.birthDate(cmd.petitioner().idNumber()).isAfter(today)) {
                throw new InvalidStepDataException("id-number-birth-date-in-future",
                        "the petitioner's ID number has a birth date in the future; check the number",
                        "信访人身份证号码中的出生日期晚于今天，请核对号码");
            }
        }
        String firstUnit = cmd.actor().unit() != null ? cmd.actor().unit() : cmd.unit();
        apply(new PetitionRegisteredEvent(cmd.caseId(), cmd.caseNo(), cmd.track(), cmd.channel(), cmd.category(),
                cmd.petitioner(), cmd.headcount(), cmd.headcount() >= COLLECTIVE_HEADCOUNT, cmd.subject(), cmd.content(),
                cmd.unit(), firstUnit, cmd.actor(), at, cmd.recordedAt()))
                // in a constructor Axon applies events after it returns, so the state is read in andThen
                .andThen(() -> startExpectedStages(rules.calculator(), cmd.recordedAt()));
    }

    @EventSourcingHandler
    void on(PetitionRegisteredEvent e) {
        caseId = e.caseId();
        status = CaseStatus.REGISTERED;
        track = e.track();
        unit = e.unit();
        phaseStart = e.occurredAt();
        lastOccurredAt = e.occurredAt();
    }

    // ---------------------------------------------------------------- 签收 sign

    @CommandHandler
    void handle(SignPetitionCommand cmd, TimeRules rules) {
        requireHandlerOfUnit(cmd.actor(), CaseAction.SIGN);
        require(CaseAction.SIGN);
        Instant at = occurrence(cmd, lastOccurredAt);
        apply(new PetitionSignedEvent(caseId, unit, cmd.actor(), at, cmd.recordedAt()));
        stop(Stage.SIGN, StopReason.COMPLETED, at, cmd.recordedAt());
        startExpectedStages(rules.calculator(), cmd.recordedAt());
    }

    @EventSourcingHandler
    void on(PetitionSignedEvent e) {
        status = CaseStatus.SIGNED;
        signedAt = e.occurredAt();
        lastOccurredAt = e.occurredAt();
    }

    // ---------------------------------------------------------------- 受理 accept

    @CommandHandler
    void handle(AcceptPetitionCommand cmd, TimeRules rules) {
        requireHandlerOfUnit(cmd.actor(), CaseAction.ACCEPT);
        require(CaseAction.ACCEPT);
        Instant at = occurrence(cmd, lastOccurredAt);
        apply(new PetitionAcceptedEvent(caseId, unit, cmd.actor(), at, cmd.recordedAt()));
        stop(Stage.ACCEPT, StopReason.COMPLETED, at, cmd.recordedAt());
        startExpectedStages(rules.calculator(), cmd.recordedAt());
    }

    @EventSourcingHandler
    void on(PetitionAcceptedEvent e) {
        status = CaseStatus.ACCEPTED;
        acceptedAt = e.occurredAt();
        lastOccurredAt = e.occurredAt();
    }

    // ---------------------------------------------------------------- 不予受理 decline

    @CommandHandler
    void handle(DeclinePetitionCommand cmd) {
        requireHandlerOfUnit(cmd.actor(), CaseAction.DECLINE);
        require(CaseAction.DECLINE);
        Instant at = occurrence(cmd, lastOccurredAt);
        apply(new PetitionDeclinedEvent(caseId, unit, cmd.reason(), cmd.guidance(), cmd.actor(), at, cmd.recordedAt()));
        stop(Stage.ACCEPT, StopReason.COMPLETED, at, cmd.recordedAt());
        stopAll(StopReason.DECLINED, at, cmd.recordedAt());
    }

    @EventSourcingHandler
    void on(PetitionDeclinedEvent e) {
        status = CaseStatus.DECLINED;
        lastOccurredAt = e.occurredAt();
    }

    // ---------------------------------------------------------------- 受理回应 respond

    @CommandHandler
    void handle(RespondToPetitionerCommand cmd) {
        requireHandlerOfUnit(cmd.actor(), CaseAction.RESPOND);
        require(CaseAction.RESPOND);
        Instant at = occurrence(cmd, lastOccurredAt);
        apply(new PetitionerRespondedEvent(caseId, cmd.mode(), cmd.summary(), cmd.actor(), at, cmd.recordedAt()));
        stop(Stage.RESPOND, StopReason.COMPLETED, at, cmd.recordedAt());
    }

    @EventSourcingHandler
    void on(PetitionerRespondedEvent e) {
        responded = true;
        lastOccurredAt = e.occurredAt();
    }

    // ---------------------------------------------------------------- 办理见面 / 办结见面 meetings

    @CommandHandler
    void handle(RecordMeetingCommand cmd) {
        CaseAction action = cmd.kind() == MeetingKind.HANDLING ? CaseAction.MEET_HANDLING : CaseAction.MEET_CONCLUSION;
        requireHandlerOfUnit(cmd.actor(), action);
        require(action);
        Instant at = occurrence(cmd, lastOccurredAt);
        apply(new MeetingRecordedEvent(caseId, cmd.kind(), cmd.place(), cmd.summary(), cmd.actor(), at, cmd.recordedAt()));
        stop(meetingStage(cmd.kind()), StopReason.COMPLETED, at, cmd.recordedAt());
    }

    @EventSourcingHandler
    void on(MeetingRecordedEvent e) {
        meetingDone(e.kind());
        lastOccurredAt = e.occurredAt();
    }

    @CommandHandler
    void handle(WaiveMeetingCommand cmd) {
        requireRole(cmd.actor(), CaseAction.WAIVE_MEETING.english(), CaseAction.WAIVE_MEETING.chinese(), Role.SUPERVISOR);
        require(CaseAction.WAIVE_MEETING);
        if (!meetingDue(cmd.kind())) {
            throw new StepNotAllowedException("meeting-not-due",
                    "the " + meetingName(cmd.kind()) + " is not due now, so it cannot be waived; " + allowedNowEnglish(),
                    meetingChinese(cmd.kind()) + "当前不在办理期间，不能免除；" + allowedNowChinese());
        }
        Instant at = occurrence(cmd, lastOccurredAt);
        apply(new MeetingWaivedEvent(caseId, cmd.kind(), cmd.reason(), cmd.actor(), at, cmd.recordedAt()));
        stop(meetingStage(cmd.kind()), StopReason.COMPLETED, at, cmd.recordedAt());
    }

    @EventSourcingHandler
    void on(MeetingWaivedEvent e) {
        meetingDone(e.kind());
        lastOccurredAt = e.occurredAt();
    }

    // ---------------------------------------------------------------- 处理意见 opinion

    @CommandHandler
    void handle(GiveOpinionCommand cmd, TimeRules rules) {
        requireHandlerOfUnit(cmd.actor(), CaseAction.GIVE_OPINION);
        require(CaseAction.GIVE_OPINION);
        Instant at = occurrence(cmd, lastOccurredAt);
        apply(new OpinionGivenEvent(caseId, cmd.decision(), cmd.text(), cmd.actor(), at, cmd.recordedAt()));
        stop(Stage.OPINION, StopReason.COMPLETED, at, cmd.recordedAt());
        startExpectedStages(rules.calculator(), cmd.recordedAt());
    }

    @EventSourcingHandler
    void on(OpinionGivenEvent e) {
        status = CaseStatus.OPINION_GIVEN;
        opinionAt = e.occurredAt();
        lastOccurredAt = e.occurredAt();
    }

    // ---------------------------------------------------------------- 办结 resolve

    @CommandHandler
    void handle(ResolvePetitionCommand cmd) {
        requireHandlerOfUnit(cmd.actor(), CaseAction.RESOLVE);
        require(CaseAction.RESOLVE);
        Instant at = occurrence(cmd, lastOccurredAt);
        apply(new PetitionResolvedEvent(caseId, cmd.summary(), cmd.satisfaction(), cmd.actor(), at, cmd.recordedAt()));
        stop(Stage.CONCLUDE, StopReason.COMPLETED, at, cmd.recordedAt());
        stopAll(StopReason.RESOLVED, at, cmd.recordedAt());
    }

    @EventSourcingHandler
    void on(PetitionResolvedEvent e) {
        status = CaseStatus.RESOLVED;
        lastOccurredAt = e.occurredAt();
    }

    // ---------------------------------------------------------------- 提级 / 包案 escalate

    @CommandHandler
    void handle(EscalatePetitionCommand cmd) {
        if (cmd.actor().is(Role.SYSTEM)) {
            // A breach escalates once per stage; a second, late or repeated request records nothing.
            if (status.isClosed() || cmd.reason() != EscalationReason.BREACH || cmd.stage() == null
                    || escalatedForBreach.contains(cmd.stage())) {
                return;
            }
            apply(new PetitionEscalatedEvent(caseId, cmd.reason(), cmd.leader(), cmd.plan(), cmd.stage(), cmd.actor(),
                    cmd.recordedAt(), cmd.recordedAt()));
            return;
        }
        requireRole(cmd.actor(), CaseAction.ESCALATE.english(), CaseAction.ESCALATE.chinese(), Role.SUPERVISOR);
        require(CaseAction.ESCALATE);
        if (cmd.leader() == null || cmd.leader().isBlank()) {
            throw new InvalidStepDataException("leader-required",
                    "an escalation names the responsible leader (包案领导); give leader",
                    "提级须指定包案领导（leader）");
        }
        Instant at = occurrence(cmd, lastOccurredAt);
        apply(new PetitionEscalatedEvent(caseId, cmd.reason(), cmd.leader(), cmd.plan(), cmd.stage(), cmd.actor(), at,
                cmd.recordedAt()));
    }

    @EventSourcingHandler
    void on(PetitionEscalatedEvent e) {
        if (e.reason() == EscalationReason.BREACH && e.stage() != null) {
            escalatedForBreach.add(e.stage());
        }
        if (!e.actor().is(Role.SYSTEM)) {
            lastOccurredAt = e.occurredAt();
        }
    }

    // ---------------------------------------------------------------- 转送 / 交办 transfer, 退回 return

    @CommandHandler
    void handle(TransferPetitionCommand cmd, TimeRules rules) {
        if (!cmd.actor().is(Role.SUPERVISOR)) {
            requireHandlerOfUnit(cmd.actor(), CaseAction.TRANSFER);
        }
        require(CaseAction.TRANSFER);
        if (cmd.toUnit().equals(unit)) {
            throw new StepNotAllowedException("transfer-to-same-unit",
                    "the case is already with unit " + unit + "; transfer it to another unit",
                    "该事项已由 " + unit + " 办理，请转送至其他单位");
        }
        Instant at = occurrence(cmd, lastOccurredAt);
        TimeLimitCalculator calc = rules.calculator();
        Instant returnable = calc.time().compute(at, LimitAmount.workingDays(RETURN_WORKING_DAYS),
                calc.policy().warningFraction(), "return: 5 working days from transfer", "退回：自转送起5个工作日").due();
        apply(new PetitionTransferredEvent(caseId, unit, cmd.toUnit(), cmd.reason(), returnable, cmd.actor(), at,
                cmd.recordedAt()));
        stopAll(StopReason.TRANSFERRED, at, cmd.recordedAt());
        startExpectedStages(calc, cmd.recordedAt());
    }

    @EventSourcingHandler
    void on(PetitionTransferredEvent e) {
        transferredFrom = e.fromUnit();
        returnableUntil = e.returnableUntil();
        restartPhase(e.toUnit(), e.occurredAt());
    }

    @CommandHandler
    void handle(ReturnPetitionCommand cmd, TimeRules rules) {
        requireHandlerOfUnit(cmd.actor(), CaseAction.RETURN);
        require(CaseAction.RETURN);
        if (transferredFrom == null) {
            throw new StepNotAllowedException("not-transferred",
                    "the case was not transferred to unit " + unit + ", so there is nothing to return; " + allowedNowEnglish(),
                    "该事项不是转送而来，不能退回；" + allowedNowChinese());
        }
        Instant at = occurrence(cmd, lastOccurredAt);
        if (at.isAfter(returnableUntil)) {
            throw new ReturnPeriodExpiredException("return-period-expired",
                    "a transferred case may be returned within 5 working days, until " + returnableUntil
                            + "; after that it is the receiving unit's own case (首接首办)",
                    "转送事项须在5个工作日内（" + returnableUntil + " 前）退回，逾期由接收单位办理");
        }
        apply(new PetitionReturnedEvent(caseId, unit, transferredFrom, cmd.reason(), cmd.actor(), at, cmd.recordedAt()));
        stopAll(StopReason.RETURNED, at, cmd.recordedAt());
        startExpectedStages(rules.calculator(), cmd.recordedAt());
    }

    @EventSourcingHandler
    void on(PetitionReturnedEvent e) {
        transferredFrom = null;
        returnableUntil = null;
        restartPhase(e.toUnit(), e.occurredAt());
    }

    private void restartPhase(String newUnit, Instant at) {
        unit = newUnit;
        status = CaseStatus.REGISTERED;
        phaseStart = at;
        signedAt = null;
        lastOccurredAt = at;
    }

    // ---------------------------------------------------------------- 改变办理程序 reclassify

    @CommandHandler
    void handle(ReclassifyPetitionCommand cmd, TimeRules rules) {
        requireRole(cmd.actor(), CaseAction.RECLASSIFY.english(), CaseAction.RECLASSIFY.chinese(), Role.SUPERVISOR);
        require(CaseAction.RECLASSIFY);
        if (cmd.track() == track) {
            throw new StepNotAllowedException("same-track",
                    "the case is already on the " + track + " track", "该事项已按" + track.code() + "程序办理");
        }
        if (cmd.track() == Track.SIMPLE && status == CaseStatus.ACCEPTED) {
            throw new StepNotAllowedException("reclassify-after-acceptance",
                    "a GENERAL case can move back to SIMPLE only before it is accepted",
                    "一般程序事项受理后不能改为简易程序");
        }
        Instant at = occurrence(cmd, lastOccurredAt);
        TimeLimitCalculator calc = rules.calculator();
        Map<Stage, TimeLimit> before = new LinkedHashMap<>(open);
        apply(new PetitionReclassifiedEvent(caseId, track, cmd.track(), cmd.actor(), at, cmd.recordedAt()));
        Map<Stage, Instant> expected = expectedStages();
        for (Map.Entry<Stage, TimeLimit> e : before.entrySet()) {
            Stage stage = e.getKey();
            TimeLimit old = e.getValue();
            Optional<TimeLimit> recomputed = expected.containsKey(stage)
                    ? calc.start(track, stage, expected.get(stage)).map(fresh -> reapplyExtensions(calc, fresh, old))
                    : Optional.empty();
            if (recomputed.isPresent()) {
                apply(new TimeLimitRecomputedEvent(caseId, stage, RecomputeReason.RECLASSIFIED, calc.time().calendar().version(),
                        old.due(), old.warning(), recomputed.get(), cmd.actor(), at, cmd.recordedAt()));
            } else {
                stop(stage, StopReason.RECLASSIFIED, at, cmd.recordedAt());
            }
        }
        startExpectedStages(calc, cmd.recordedAt());
    }

    @EventSourcingHandler
    void on(PetitionReclassifiedEvent e) {
        track = e.toTrack();
        lastOccurredAt = e.occurredAt();
    }

    private TimeLimit reapplyExtensions(TimeLimitCalculator calc, TimeLimit fresh, TimeLimit old) {
        TimeLimit result = fresh;
        if (fresh.limit().unit() == old.limit().unit()) {
            for (LimitAmount ext : old.extensions()) {
                result = calc.extend(result, track, ext);
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- 延期 extend

    @CommandHandler
    void handle(ExtendTimeLimitCommand cmd, TimeRules rules) {
        requireRole(cmd.actor(), CaseAction.EXTEND.english(), CaseAction.EXTEND.chinese(), Role.SUPERVISOR);
        require(CaseAction.EXTEND);
        TimeLimit current = open.get(cmd.stage());
        if (current == null) {
            throw new StageNotOpenException("stage-not-open",
                    "stage " + cmd.stage() + " is not running, so it cannot be extended; running now: " + open.keySet(),
                    "环节" + cmd.stage().chinese() + "未在计时，不能延期；正在计时的环节：" + chineseStages(open.keySet()));
        }
        TimeLimitCalculator calc = rules.calculator();
        LimitUnit unitOfStage = current.limit().unit();
        if (cmd.stage() == Stage.CONCLUDE) {
            long max = calc.policy().maxConcludeExtensionDays();
            if (current.extendedBy() + cmd.amount() > max) {
                throw new ExtensionLimitExceededException("extension-limit-exceeded",
                        "CONCLUDE may be extended by at most " + max + " calendar days in total (条例 第三十四条); already "
                                + current.extendedBy() + ", so at most " + (max - current.extendedBy()) + " more",
                        "办结时限延期累计不得超过" + max + "日（条例第三十四条）；已延期" + current.extendedBy() + "日，最多还可延期"
                                + (max - current.extendedBy()) + "日");
            }
        }
        Instant at = occurrence(cmd, lastOccurredAt);
        LimitAmount extension = new LimitAmount(cmd.amount(), unitOfStage);
        apply(new TimeLimitExtendedEvent(caseId, cmd.stage(), extension, cmd.reason(), current.due(),
                calc.extend(current, track, extension), cmd.actor(), at, cmd.recordedAt()));
        // The handling meeting shares the opinion's due instant ("with OPINION"), so it moves with it.
        TimeLimit meeting = open.get(Stage.MEET_HANDLING);
        if (cmd.stage() == Stage.OPINION && meeting != null && meeting.limit().unit() == unitOfStage) {
            apply(new TimeLimitExtendedEvent(caseId, Stage.MEET_HANDLING, extension, cmd.reason(), meeting.due(),
                    calc.extend(meeting, track, extension), cmd.actor(), at, cmd.recordedAt()));
        }
    }

    @EventSourcingHandler
    void on(TimeLimitExtendedEvent e) {
        replaceLimit(e.timeLimit());
        lastOccurredAt = e.occurredAt();
    }

    // ---------------------------------------------------------------- 日历修订 calendar revision

    @CommandHandler
    void handle(RecomputeTimeLimitsCommand cmd, TimeRules rules) {
        requireRole(cmd.actor(), "recompute time limits", "重算时限", Role.SYSTEM, Role.ADMIN);
        TimeLimitCalculator calc = rules.calculator();
        // Counted on the calendar in force now, which may be a later revision than the one that sent
        // the command (revisions overlapping): a stage already on that calendar is left alone.
        String version = calc.time().calendar().version();
        if (status.isClosed()) {
            return;
        }
        for (TimeLimit current : List.copyOf(open.values())) {
            if (version.equals(current.explanation().calendarVersion())) {
                continue;
            }
            calc.recompute(current, track)
                    .filter(fresh -> fresh.instantsDifferFrom(current))
                    .ifPresent(fresh -> apply(new TimeLimitRecomputedEvent(caseId, current.stage(),
                            RecomputeReason.CALENDAR_REVISED, version, current.due(), current.warning(),
                            fresh, cmd.actor(), cmd.recordedAt(), cmd.recordedAt())));
        }
    }

    @EventSourcingHandler
    void on(TimeLimitRecomputedEvent e) {
        replaceLimit(e.timeLimit());
    }

    // ---------------------------------------------------------------- 时限 time limits

    @EventSourcingHandler
    void on(TimeLimitStartedEvent e) {
        open.put(e.timeLimit().stage(), e.timeLimit());
        warned.remove(e.timeLimit().stage());
        breached.remove(e.timeLimit().stage());
    }

    @EventSourcingHandler
    void on(TimeLimitStoppedEvent e) {
        open.remove(e.stage());
        warned.remove(e.stage());
        breached.remove(e.stage());
    }

    @CommandHandler
    void handle(RecordTimeLimitWarningCommand cmd) {
        TimeLimit limit = open.get(cmd.stage());
        if (limit == null || !limit.due().equals(cmd.due()) || warned.contains(cmd.stage()) || breached.contains(cmd.stage())) {
            return;
        }
        apply(new TimeLimitWarningRaisedEvent(caseId, unit, cmd.stage(), limit.due(), limit.warning(), cmd.recordedAt()));
    }

    @EventSourcingHandler
    void on(TimeLimitWarningRaisedEvent e) {
        warned.add(e.stage());
    }

    @CommandHandler
    void handle(RecordTimeLimitBreachCommand cmd) {
        TimeLimit limit = open.get(cmd.stage());
        if (limit == null || !limit.due().equals(cmd.due()) || breached.contains(cmd.stage())) {
            return;
        }
        apply(new TimeLimitBreachedEvent(caseId, unit, cmd.stage(), limit.due(), limit.due(), cmd.recordedAt()));
    }

    @EventSourcingHandler
    void on(TimeLimitBreachedEvent e) {
        breached.add(e.stage());
    }

    private void replaceLimit(TimeLimit fresh) {
        TimeLimit old = open.put(fresh.stage(), fresh);
        if (old != null && !old.due().equals(fresh.due())) {
            warned.remove(fresh.stage());
            breached.remove(fresh.stage());
        } else if (old != null && !old.warning().equals(fresh.warning())) {
            warned.remove(fresh.stage());
        }
    }

    /**
     * The stages that should be running in the current state, with the instant each counts from
     * (DOMAIN: SIGN and GENERAL's ACCEPT from registration or transfer, SIMPLE's ACCEPT from signing,
     * the rest from acceptance, MEET_CONCLUSION from the opinion).
     */
    private Map<Stage, Instant> expectedStages() {
        Map<Stage, Instant> expected = new EnumMap<>(Stage.class);
        switch (status) {
            case REGISTERED -> {
                if (track == Track.SIMPLE) {
                    expected.put(Stage.SIGN, phaseStart);
                } else {
                    expected.put(Stage.ACCEPT, phaseStart);
                }
            }
            case SIGNED -> expected.put(Stage.ACCEPT, track == Track.SIMPLE ? signedAt : phaseStart);
            case ACCEPTED -> {
                if (!responded) {
                    expected.put(Stage.RESPOND, acceptedAt);
                }
                if (!handlingMeetingDone) {
                    expected.put(Stage.MEET_HANDLING, acceptedAt);
                }
                expected.put(Stage.OPINION, acceptedAt);
                expected.put(Stage.CONCLUDE, acceptedAt);
            }
            case OPINION_GIVEN -> {
                if (!conclusionMeetingDone) {
                    expected.put(Stage.MEET_CONCLUSION, opinionAt);
                }
                expected.put(Stage.CONCLUDE, acceptedAt);
            }
            default -> {
                // closed: nothing runs
            }
        }
        return expected;
    }

    /** Starts every stage the state expects that is not running yet and has a limit on this track. */
    private void startExpectedStages(TimeLimitCalculator calc, Instant recordedAt) {
        expectedStages().forEach((stage, start) -> {
            if (!open.containsKey(stage)) {
                calc.start(track, stage, start).ifPresent(limit ->
                        apply(new TimeLimitStartedEvent(caseId, unit, limit, start, recordedAt)));
            }
        });
    }

    private void stop(Stage stage, StopReason reason, Instant at, Instant recordedAt) {
        TimeLimit limit = open.get(stage);
        if (limit != null) {
            apply(new TimeLimitStoppedEvent(caseId, stage, limit.due(), !at.isAfter(limit.due()), reason, at, recordedAt));
        }
    }

    private void stopAll(StopReason reason, Instant at, Instant recordedAt) {
        for (Stage stage : List.copyOf(open.keySet())) {
            stop(stage, reason, at, recordedAt);
        }
    }

    // ---------------------------------------------------------------- rules shared by the handlers
    // Who may act is checked before what the case allows: someone who may not act on the case is
    // refused as such (403), whatever state it is in.

    /** The status table first, then the finer conditions; the message says what is allowed now. */
    private void require(CaseAction action) {
        if (status.isClosed()) {
            throw new CaseClosedException("case-closed",
                    "the case is " + status.english() + "; no further step is possible",
                    "该事项" + status.chinese() + "，不能再办理任何环节");
        }
        if (!status.allows(action) || !conditionHolds(action)) {
            PrerequisiteMissingException missing = missingPrerequisite(action);
            if (missing != null) {
                throw missing;
            }
            throw new StepNotAllowedException("step-not-allowed",
                    "cannot " + action.english() + ": the case is " + status.english() + describeDone() + "; " + allowedNowEnglish(),
                    "不能" + action.chinese() + "：该事项" + status.chinese() + "；" + allowedNowChinese());
        }
    }

    private boolean conditionHolds(CaseAction action) {
        return switch (action) {
            case RESPOND -> !responded;
            case MEET_HANDLING -> !handlingMeetingDone;
            case MEET_CONCLUSION -> !conclusionMeetingDone;
            case WAIVE_MEETING -> meetingDue(MeetingKind.HANDLING) || meetingDue(MeetingKind.CONCLUSION);
            case GIVE_OPINION -> responded && handlingMeetingDone;
            case RESOLVE -> conclusionMeetingDone;
            case RECLASSIFY -> status != CaseStatus.OPINION_GIVEN;
            default -> true;
        };
    }

    private PrerequisiteMissingException missingPrerequisite(CaseAction action) {
        if (action == CaseAction.GIVE_OPINION && status == CaseStatus.ACCEPTED) {
            if (!responded) {
                return new PrerequisiteMissingException("response-required",
                        "the petitioner must be told the matter is accepted (受理回应) before the opinion is given; " + allowedNowEnglish(),
                        "作出处理意见前须先完成受理回应；" + allowedNowChinese());
            }
            return new PrerequisiteMissingException("handling-meeting-required",
                    "the handling meeting (办理见面) must be recorded or waived before the opinion is given; " + allowedNowEnglish(),
                    "作出处理意见前须记录办理见面或经批准免除；" + allowedNowChinese());
        }
        if (action == CaseAction.RESOLVE && status == CaseStatus.OPINION_GIVEN && !conclusionMeetingDone) {
            return new PrerequisiteMissingException("conclusion-meeting-required",
                    "the conclusion meeting (办结见面) must be recorded or waived before the case is resolved; " + allowedNowEnglish(),
                    "办结前须记录办结见面或经批准免除；" + allowedNowChinese());
        }
        return null;
    }

    private boolean meetingDue(MeetingKind kind) {
        return kind == MeetingKind.HANDLING
                ? status == CaseStatus.ACCEPTED && !handlingMeetingDone
                : status == CaseStatus.OPINION_GIVEN && !conclusionMeetingDone;
    }

    /** The actions this case allows now, whoever asks. */
    List<CaseAction> allowedNow() {
        List<CaseAction> allowed = new ArrayList<>();
        for (CaseAction a : CaseAction.values()) {
            if (status.allows(a) && conditionHolds(a) && (a != CaseAction.RETURN || transferredFrom != null)) {
                allowed.add(a);
            }
        }
        return allowed;
    }

    private String allowedNowEnglish() {
        List<CaseAction> allowed = allowedNow();
        return allowed.isEmpty() ? "nothing is allowed now"
                : "allowed now: " + allowed.stream().map(CaseAction::english).collect(Collectors.joining(", "));
    }

    private String allowedNowChinese() {
        List<CaseAction> allowed = allowedNow();
        return allowed.isEmpty() ? "当前不能办理任何环节"
                : "当前可办理：" + allowed.stream().map(CaseAction::chinese).collect(Collectors.joining("、"));
    }

    private String describeDone() {
        if (status == CaseStatus.ACCEPTED) {
            return (responded ? ", petitioner told" : "") + (handlingMeetingDone ? ", handling meeting done" : "");
        }
        return "";
    }

    private void requireHandlerOfUnit(Actor actor, CaseAction action) {
        if (!actor.is(Role.HANDLER) || !unit.equals(actor.unit())) {
            throw new ActionNotPermittedException("not-handler-of-unit",
                    "only a handler of unit " + unit + " may " + action.english() + " this case (首接首办); you act as "
                            + actor.role() + (actor.unit() == null ? "" : " of unit " + actor.unit()),
                    "只有承办单位 " + unit + " 的经办人可以" + action.chinese() + "（首接首办）");
        }
    }

    private static void requireRole(Actor actor, String what, String whatChinese, Role... roles) {
        for (Role r : roles) {
            if (actor.is(r)) {
                return;
            }
        }
        throw new ActionNotPermittedException("role-not-permitted",
                "the role " + actor.role() + " may not " + what + "; this needs the role " + java.util.Arrays.toString(roles),
                "角色 " + actor.role() + " 无权" + whatChinese);
    }

    /**
     * The time the step counts from. A paper record (补录) may give an earlier occurrence time, but
     * not one in the future (one minute of clock skew allowed) nor one before the previous step.
     */
    private static Instant occurrence(CaseCommand cmd, Instant previous) {
        Instant at = cmd.effectiveTime();
        if (cmd.occurredAt() != null && cmd.occurredAt().isAfter(cmd.recordedAt().plus(CLOCK_SKEW))) {
            throw new InvalidOccurrenceTimeException("occurred-at-in-future",
                    "occurredAt " + cmd.occurredAt() + " is in the future; give the time the step actually happened, or leave it out",
                    "发生时间 " + cmd.occurredAt() + " 晚于当前时间；请填写实际发生时间，或不填");
        }
        if (previous != null && at.isBefore(previous)) {
            if (cmd.occurredAt() == null) {
                return previous;
            }
            throw new InvalidOccurrenceTimeException("occurred-at-before-previous-step",
                    "occurredAt " + at + " is before the case's previous step at " + previous + "; steps are recorded in order",
                    "发生时间 " + at + " 早于上一环节时间 " + previous + "；各环节须按顺序记录");
        }
        return at;
    }

    private static Stage meetingStage(MeetingKind kind) {
        return kind == MeetingKind.HANDLING ? Stage.MEET_HANDLING : Stage.MEET_CONCLUSION;
    }

    private static String meetingName(MeetingKind kind) {
        return kind == MeetingKind.HANDLING ? "handling meeting" : "conclusion meeting";
    }

    private static String meetingChinese(MeetingKind kind) {
        return kind == MeetingKind.HANDLING ? "办理见面" : "办结见面";
    }

    private static String chineseStages(Set<Stage> stages) {
        return stages.stream().map(Stage::chinese).collect(Collectors.joining("、"));
    }

    private void meetingDone(MeetingKind kind) {
        if (kind == MeetingKind.HANDLING) {
            handlingMeetingDone = true;
        } else {
            conclusionMeetingDone = true;
        }
    }
}
