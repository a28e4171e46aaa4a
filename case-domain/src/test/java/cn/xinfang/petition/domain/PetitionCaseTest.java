package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.*;
import cn.xinfang.petition.api.command.*;
import cn.xinfang.petition.api.event.*;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.xinfang.petition.time.BusinessCalendar;
import cn.xinfang.petition.time.CalendarFile;
import cn.xinfang.petition.time.CalendarYear;
import cn.xinfang.petition.time.TimeLimitPolicy;
import cn.xinfang.petition.time.TimeRules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;

import static cn.xinfang.petition.domain.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The case lifecycle as given/when/then histories. Times are Asia/Shanghai local. */
class PetitionCaseTest {

    static final String R = "2024-03-04T09:00"; // Monday
    static final String S = "2024-03-04T09:30";
    static final String A = "2024-03-04T10:00";
    static final String P = "2024-03-04T11:00";
    static final String M = "2024-03-05T09:00";
    static final String O = "2024-03-06T09:00";
    static final String C = "2024-03-07T09:00";
    static final String Z = "2024-03-07T10:00";

    AggregateTestFixture<PetitionCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PetitionCase.class);
        fixture.registerInjectableResource(rules());
        fixture.registerInjectableResource(UNITS);
    }

    // ------------------------------------------------------------ histories

    static List<Object> simpleRegistered() {
        return new ArrayList<>(List.of(registered(Track.SIMPLE, R), started(Track.SIMPLE, Stage.SIGN, R),
                started(Track.SIMPLE, Stage.NOTIFY, R)));
    }

    static List<Object> simpleSigned() {
        List<Object> h = simpleRegistered();
        h.addAll(List.of(signed(S), stopped(Track.SIMPLE, Stage.SIGN, R, S, StopReason.COMPLETED),
                started(Track.SIMPLE, Stage.ACCEPT, S)));
        return h;
    }

    static List<Object> simpleAccepted() {
        List<Object> h = simpleSigned();
        h.addAll(List.of(accepted(A), stopped(Track.SIMPLE, Stage.ACCEPT, S, A, StopReason.COMPLETED),
                started(Track.SIMPLE, Stage.RESPOND, A), started(Track.SIMPLE, Stage.MEET_HANDLING, A),
                started(Track.SIMPLE, Stage.OPINION, A), started(Track.SIMPLE, Stage.CONCLUDE, A)));
        return h;
    }

    static List<Object> simpleResponded() {
        List<Object> h = simpleAccepted();
        h.addAll(List.of(responded(P), stopped(Track.SIMPLE, Stage.RESPOND, A, P, StopReason.COMPLETED)));
        return h;
    }

    static List<Object> simpleHandlingMet() {
        List<Object> h = simpleResponded();
        h.addAll(List.of(met(MeetingKind.HANDLING, M), stopped(Track.SIMPLE, Stage.MEET_HANDLING, A, M, StopReason.COMPLETED)));
        return h;
    }

    static List<Object> simpleOpinionGiven() {
        List<Object> h = simpleHandlingMet();
        h.addAll(List.of(opinionGiven(O), stopped(Track.SIMPLE, Stage.OPINION, A, O, StopReason.COMPLETED),
                started(Track.SIMPLE, Stage.MEET_CONCLUSION, O)));
        return h;
    }

    static List<Object> simpleConclusionMet() {
        List<Object> h = simpleOpinionGiven();
        h.addAll(List.of(met(MeetingKind.CONCLUSION, C), stopped(Track.SIMPLE, Stage.MEET_CONCLUSION, O, C, StopReason.COMPLETED)));
        return h;
    }

    static List<Object> simpleResolved() {
        List<Object> h = simpleConclusionMet();
        h.add(resolved(Z));
        return h;
    }

    static List<Object> generalRegistered() {
        return new ArrayList<>(List.of(registered(Track.GENERAL, R), started(Track.GENERAL, Stage.ACCEPT, R),
                started(Track.GENERAL, Stage.NOTIFY, R)));
    }

    /** Captures the events a command published, for assertions on their content. */
    static final class Captured extends BaseMatcher<List<EventMessage<?>>> {
        final List<Object> payloads = new ArrayList<>();

        @Override
        @SuppressWarnings("unchecked")
        public boolean matches(Object actual) {
            payloads.clear();
            ((List<EventMessage<?>>) actual).forEach(m -> payloads.add(m.getPayload()));
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("any events (captured)");
        }

        List<TimeLimit> startedLimits() {
            return payloads.stream().filter(TimeLimitStartedEvent.class::isInstance)
                    .map(p -> ((TimeLimitStartedEvent) p).timeLimit()).toList();
        }

        TimeLimit started(Stage stage) {
            return startedLimits().stream().filter(l -> l.stage() == stage).findFirst().orElseThrow();
        }
    }

    static Captured capture(ResultValidator<?> result) {
        Captured c = new Captured();
        result.expectSuccessfulHandlerExecution().expectEventsMatching(c);
        return c;
    }

    // ------------------------------------------------------------ 登记 register

    @Nested
    class Register {

        @Test
        @DisplayName("登记简易事项：记录登记并开始签收时限（2 个工作小时）")
        void registersASimpleCaseAndStartsSigning() {
            fixture.givenNoPriorActivity()
                    .when(register(Track.SIMPLE, R))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(registered(Track.SIMPLE, R), started(Track.SIMPLE, Stage.SIGN, R),
                            started(Track.SIMPLE, Stage.NOTIFY, R));
        }

        @Test
        void registersAGeneralCaseAndStartsAcceptanceFromRegistration() {
            Captured c = capture(fixture.givenNoPriorActivity().when(register(Track.GENERAL, R)));
            assertThat(c.startedLimits()).extracting(TimeLimit::stage).containsExactly(Stage.ACCEPT, Stage.NOTIFY);
            // Mon 03-04 + 5 working days: 03-05 .. 03-11 (Mon) → 17:30
            assertThat(c.started(Stage.ACCEPT).due()).isEqualTo(at("2024-03-11T17:30"));
        }

        @Test
        @DisplayName("5 人以上为集体访")
        void fiveOrMorePetitionersMakeTheCaseCollective() {
            fixture.givenNoPriorActivity()
                    .when(register(Track.SIMPLE, 5, R))
                    .expectEvents(registered(Track.SIMPLE, 5, R), started(Track.SIMPLE, Stage.SIGN, R),
                            started(Track.SIMPLE, Stage.NOTIFY, R));
        }

        @Test
        void registerIsRefusedForAnAuditor() {
            RegisterPetitionCommand cmd = register(Track.SIMPLE, R);
            fixture.givenNoPriorActivity()
                    .when(new RegisterPetitionCommand(cmd.caseId(), cmd.caseNo(), cmd.track(), cmd.channel(), cmd.category(),
                            cmd.petitioner(), 1, cmd.subject(), cmd.content(), cmd.unit(), null, AUDITOR, null, cmd.recordedAt()))
                    .expectException(refused(RuleCode.ROLE_NOT_PERMITTED, Role.AUDITOR, CaseAction.REGISTER, List.of(Role.HANDLER, Role.SUPERVISOR)))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("补录时间不得晚于当前时间（允许 1 分钟误差）")
        void registerIsRefusedWhenOccurredAtIsInTheFuture() {
            RegisterPetitionCommand cmd = register(Track.SIMPLE, R);
            fixture.givenNoPriorActivity()
                    .when(new RegisterPetitionCommand(cmd.caseId(), cmd.caseNo(), cmd.track(), cmd.channel(), cmd.category(),
                            cmd.petitioner(), 1, cmd.subject(), cmd.content(), cmd.unit(), null, HANDLER,
                            at(R).plusSeconds(61), at(R)))
                    .expectException(refused(RuleCode.OCCURRED_AT_IN_FUTURE, at(R).plusSeconds(61)))
                    .expectNoEvents();
        }

        @Test
        void aPaperRecordCountsFromItsOccurrenceTime() {
            RegisterPetitionCommand cmd = register(Track.SIMPLE, R);
            Captured c = capture(fixture.givenNoPriorActivity()
                    .when(new RegisterPetitionCommand(cmd.caseId(), cmd.caseNo(), cmd.track(), cmd.channel(), cmd.category(),
                            cmd.petitioner(), 1, cmd.subject(), cmd.content(), cmd.unit(), null, HANDLER,
                            at("2024-03-01T16:50"), at(R))));
            PetitionRegisteredEvent e = (PetitionRegisteredEvent) c.payloads.get(0);
            assertThat(e.occurredAt()).isEqualTo(at("2024-03-01T16:50"));
            assertThat(e.recordedAt()).isEqualTo(at(R));
            // the worked example: Fri 16:50 + 2 working hours → Mon 09:50
            assertThat(c.started(Stage.SIGN).due()).isEqualTo(at("2024-03-04T09:50"));
        }

        @Test
        void anIdNumberBornInTheFutureIsRefused() {
            // 2099-01-01 birth date with a valid check character
            Petitioner p = new Petitioner("李四", "110105209901010012", null, null);
            RegisterPetitionCommand cmd = register(Track.SIMPLE, R);
            fixture.givenNoPriorActivity()
                    .when(new RegisterPetitionCommand(cmd.caseId(), cmd.caseNo(), cmd.track(), cmd.channel(), cmd.category(),
                            p, 1, cmd.subject(), cmd.content(), cmd.unit(), null, HANDLER, null, at(R)))
                    .expectException(refused(RuleCode.ID_NUMBER_BIRTH_DATE_IN_FUTURE))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------ If-Match: the version a step was decided on

    @Nested
    class ExpectedVersion {

        @Test
        @DisplayName("按旧版本作出的办理被拒绝，不记录任何事件")
        void aStepDecidedOnAnOlderVersionIsRefused() {
            fixture.given(simpleRegistered())
                    .when(sign(S), java.util.Map.of(PetitionCase.EXPECTED_VERSION, 0L))
                    .expectException(refused(RuleCode.VERSION_MISMATCH, "0", 2L))
                    .expectNoEvents();
        }

        @Test
        void aStepDecidedOnTheCurrentVersionPasses() {
            fixture.given(simpleRegistered())
                    .when(sign(S), java.util.Map.of(PetitionCase.EXPECTED_VERSION, 2L))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(signed(S), stopped(Track.SIMPLE, Stage.SIGN, R, S, StopReason.COMPLETED),
                            started(Track.SIMPLE, Stage.ACCEPT, S));
        }
    }

    // ------------------------------------------------------------ 签收 sign

    @Nested
    class Sign {

        @Test
        @DisplayName("简易事项签收：签收时限停止，受理时限自签收起 2 个工作小时")
        void signingASimpleCaseStopsSigningAndStartsAcceptance() {
            fixture.given(simpleRegistered())
                    .when(sign(S))
                    .expectEvents(signed(S), stopped(Track.SIMPLE, Stage.SIGN, R, S, StopReason.COMPLETED),
                            started(Track.SIMPLE, Stage.ACCEPT, S));
        }

        @Test
        void signingAGeneralCaseStartsNothingNew() {
            fixture.given(generalRegistered())
                    .when(sign(S))
                    .expectEvents(signed(S));
        }

        @Test
        void signIsRefusedWhenAlreadySigned() {
            fixture.given(simpleSigned())
                    .when(sign("2024-03-04T09:40"))
                    .expectException(refused(RuleCode.STEP_NOT_ALLOWED, CaseAction.SIGN, CaseStatus.SIGNED, Rejection.Part.EMPTY,
                            allowedNow(CaseAction.ACCEPT, CaseAction.DECLINE, CaseAction.ESCALATE, CaseAction.TRANSFER,
                                    CaseAction.RECLASSIFY, CaseAction.EXTEND, CaseAction.NOTIFY)))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("首接首办：其他单位经办人不能签收")
        void signIsRefusedForAHandlerOfAnotherUnit() {
            fixture.given(simpleRegistered())
                    .when(new SignPetitionCommand(ID, VILLAGE_HANDLER, null, at(S)))
                    .expectException(refused(RuleCode.NOT_HANDLER_OF_UNIT, TOWN, CaseAction.SIGN, Role.HANDLER, Rejection.Part.of("rule.part.of-unit", VILLAGE)))
                    .expectNoEvents();
        }

        @Test
        void signIsRefusedForASupervisor() {
            fixture.given(simpleRegistered())
                    .when(new SignPetitionCommand(ID, SUPERVISOR, null, at(S)))
                    .expectException(refused(RuleCode.NOT_HANDLER_OF_UNIT, TOWN, CaseAction.SIGN, Role.SUPERVISOR, Rejection.Part.EMPTY))
                    .expectNoEvents();
        }

        @Test
        void signIsRefusedWhenItHappenedBeforeRegistration() {
            fixture.given(simpleRegistered())
                    .when(new SignPetitionCommand(ID, HANDLER, at("2024-03-04T08:00"), at(S)))
                    .expectException(refused(RuleCode.OCCURRED_AT_BEFORE_PREVIOUS_STEP, at("2024-03-04T08:00"), at(R)))
                    .expectNoEvents();
        }

        @Test
        void signIsRefusedOnAResolvedCase() {
            fixture.given(simpleResolved())
                    .when(sign("2024-03-08T09:00"))
                    .expectException(refused(RuleCode.CASE_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void lateSigningIsRecordedAsMetLate() {
            Captured c = capture(fixture.given(simpleRegistered()).when(sign("2024-03-04T14:30")));
            TimeLimitStoppedEvent stop = (TimeLimitStoppedEvent) c.payloads.get(1);
            assertThat(stop.met()).isFalse(); // due 11:00
        }
    }

    // ------------------------------------------------------------ 受理 accept, 不予受理 decline

    @Nested
    class Accept {

        @Test
        @DisplayName("受理：受理时限停止，开始受理回应、办理见面、处理意见、办结时限")
        void acceptingStartsRespondMeetingOpinionAndConclude() {
            fixture.given(simpleSigned())
                    .when(accept(A))
                    .expectEvents(accepted(A), stopped(Track.SIMPLE, Stage.ACCEPT, S, A, StopReason.COMPLETED),
                            started(Track.SIMPLE, Stage.RESPOND, A), started(Track.SIMPLE, Stage.MEET_HANDLING, A),
                            started(Track.SIMPLE, Stage.OPINION, A), started(Track.SIMPLE, Stage.CONCLUDE, A));
        }

        @Test
        void acceptIsRefusedBeforeSigning() {
            fixture.given(simpleRegistered())
                    .when(accept(A))
                    .expectException(refused(RuleCode.STEP_NOT_ALLOWED, CaseAction.ACCEPT, CaseStatus.REGISTERED, Rejection.Part.EMPTY,
                            allowedNow(CaseAction.SIGN, CaseAction.ESCALATE, CaseAction.TRANSFER, CaseAction.RECLASSIFY,
                                    CaseAction.EXTEND, CaseAction.NOTIFY)))
                    .expectNoEvents();
        }

        @Test
        void acceptIsRefusedForAnAuditor() {
            fixture.given(simpleSigned())
                    .when(new AcceptPetitionCommand(ID, AUDITOR, null, at(A)))
                    .expectException(refused(RuleCode.NOT_HANDLER_OF_UNIT))
                    .expectNoEvents();
        }
    }

    @Nested
    class Decline {

        @Test
        @DisplayName("不予受理：诉访分离，告知去向，受理时限停止")
        void decliningStopsAcceptance() {
            fixture.given(simpleSigned())
                    .when(new DeclinePetitionCommand(ID, "属于诉讼程序", "请向人民法院起诉", HANDLER, null, at(A)))
                    .expectEvents(new PetitionDeclinedEvent(ID, TOWN, "属于诉讼程序", "请向人民法院起诉", HANDLER, at(A), at(A)),
                            stopped(Track.SIMPLE, Stage.ACCEPT, S, A, StopReason.COMPLETED));
        }

        @Test
        void declineIsRefusedAfterAcceptance() {
            fixture.given(simpleAccepted())
                    .when(new DeclinePetitionCommand(ID, "属于诉讼程序", "请向人民法院起诉", HANDLER, null, at(P)))
                    .expectException(refused(RuleCode.STEP_NOT_ALLOWED))
                    .expectNoEvents();
        }

        @Test
        void nothingIsAllowedOnADeclinedCase() {
            List<Object> h = simpleSigned();
            h.add(new PetitionDeclinedEvent(ID, TOWN, "属于诉讼程序", "请向人民法院起诉", HANDLER, at(A), at(A)));
            h.add(stopped(Track.SIMPLE, Stage.ACCEPT, S, A, StopReason.COMPLETED));
            fixture.given(h)
                    .when(accept(P))
                    .expectException(refused(RuleCode.CASE_CLOSED))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------ 一回应两见面

    @Nested
    class Respond {

        @Test
        void respondingStopsTheRespondStage() {
            fixture.given(simpleAccepted())
                    .when(respond(P))
                    .expectEvents(responded(P), stopped(Track.SIMPLE, Stage.RESPOND, A, P, StopReason.COMPLETED));
        }

        @Test
        void respondIsRefusedTwice() {
            fixture.given(simpleResponded())
                    .when(respond("2024-03-04T11:30"))
                    .expectException(refused(RuleCode.STEP_NOT_ALLOWED))
                    .expectNoEvents();
        }

        @Test
        void respondIsRefusedBeforeAcceptance() {
            fixture.given(simpleSigned())
                    .when(respond(P))
                    .expectException(refused(RuleCode.STEP_NOT_ALLOWED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Meetings {

        @Test
        void theHandlingMeetingStopsItsStage() {
            fixture.given(simpleResponded())
                    .when(meet(MeetingKind.HANDLING, M))
                    .expectEvents(met(MeetingKind.HANDLING, M),
                            stopped(Track.SIMPLE, Stage.MEET_HANDLING, A, M, StopReason.COMPLETED));
        }

        @Test
        void theConclusionMeetingIsRefusedBeforeTheOpinion() {
            fixture.given(simpleHandlingMet())
                    .when(meet(MeetingKind.CONCLUSION, O))
                    .expectException(refused(RuleCode.STEP_NOT_ALLOWED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("信访人拒绝见面：督查人员批准免除并说明理由")
        void aSupervisorWaivesTheHandlingMeeting() {
            fixture.given(simpleResponded())
                    .when(new WaiveMeetingCommand(ID, MeetingKind.HANDLING, "信访人拒绝见面", SUPERVISOR, null, at(M)))
                    .expectEvents(new MeetingWaivedEvent(ID, MeetingKind.HANDLING, "信访人拒绝见面", SUPERVISOR, at(M), at(M)),
                            stopped(Track.SIMPLE, Stage.MEET_HANDLING, A, M, StopReason.COMPLETED));
        }

        @Test
        void aHandlerCannotWaiveAMeeting() {
            fixture.given(simpleResponded())
                    .when(new WaiveMeetingCommand(ID, MeetingKind.HANDLING, "信访人拒绝见面", HANDLER, null, at(M)))
                    .expectException(refused(RuleCode.ROLE_NOT_PERMITTED, Role.HANDLER, CaseAction.WAIVE_MEETING, List.of(Role.SUPERVISOR, Role.LEADER)))
                    .expectNoEvents();
        }

        @Test
        void theConclusionMeetingCannotBeWaivedBeforeTheOpinion() {
            fixture.given(simpleResponded())
                    .when(new WaiveMeetingCommand(ID, MeetingKind.CONCLUSION, "信访人拒绝见面", SUPERVISOR, null, at(M)))
                    .expectException(refused(RuleCode.MEETING_NOT_DUE))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------ 处理意见 opinion, 办结 resolve

    @Nested
    class Opinion {

        @Test
        void givingTheOpinionStartsTheConclusionMeeting() {
            fixture.given(simpleHandlingMet())
                    .when(opinion(O))
                    .expectEvents(opinionGiven(O), stopped(Track.SIMPLE, Stage.OPINION, A, O, StopReason.COMPLETED),
                            started(Track.SIMPLE, Stage.MEET_CONCLUSION, O));
        }

        @Test
        @DisplayName("作出处理意见前须完成受理回应")
        void theOpinionNeedsTheResponseFirst() {
            fixture.given(simpleAccepted())
                    .when(opinion(O))
                    .expectException(refused(RuleCode.RESPONSE_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("作出处理意见前须记录办理见面")
        void theOpinionNeedsTheHandlingMeetingFirst() {
            fixture.given(simpleResponded())
                    .when(opinion(O))
                    .expectException(refused(RuleCode.HANDLING_MEETING_REQUIRED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Resolve {

        @Test
        @DisplayName("办结不停止办结时限：时限至处理意见书送达为止（条例 第三十四条）")
        void resolvingLeavesConcludeRunningUntilTheReplyIsDelivered() {
            fixture.given(simpleConclusionMet())
                    .when(resolve(Z))
                    .expectEvents(resolved(Z));
        }

        @Test
        @DisplayName("办结前须记录办结见面")
        void resolveNeedsTheConclusionMeeting() {
            fixture.given(simpleOpinionGiven())
                    .when(resolve(Z))
                    .expectException(refused(RuleCode.CONCLUSION_MEETING_REQUIRED, allowedNow(CaseAction.MEET_CONCLUSION,
                            CaseAction.WAIVE_MEETING, CaseAction.ESCALATE, CaseAction.EXTEND, CaseAction.NOTIFY, CaseAction.DELIVER)))
                    .expectNoEvents();
        }

        @Test
        void anAuditorIsRefusedAsSuchEvenOnAClosedCase() {
            fixture.given(simpleResolved())
                    .when(new ResolvePetitionCommand(ID, "再次办结", null, null, AUDITOR, null, at("2024-03-07T11:00")))
                    .expectException(refused(RuleCode.NOT_HANDLER_OF_UNIT))
                    .expectNoEvents();
        }

        @Test
        void resolveIsRefusedTwice() {
            fixture.given(simpleResolved())
                    .when(resolve("2024-03-07T11:00"))
                    .expectException(refused(RuleCode.CASE_CLOSED))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------ 提级 escalate

    @Nested
    class Escalate {

        @Test
        void aSupervisorEscalatesToAResponsibleLeader() {
            fixture.given(simpleAccepted())
                    .when(new EscalatePetitionCommand(ID, EscalationReason.HARD_CASE, "王镇长", "一案一策：联合调处", null,
                            SUPERVISOR, null, at(P)))
                    .expectEvents(new PetitionEscalatedEvent(ID, EscalationReason.HARD_CASE, "王镇长", "一案一策：联合调处", null,
                            SUPERVISOR, at(P), at(P)));
        }

        @Test
        void aHandlerCannotEscalate() {
            fixture.given(simpleAccepted())
                    .when(new EscalatePetitionCommand(ID, EscalationReason.HARD_CASE, "王镇长", null, null, HANDLER, null, at(P)))
                    .expectException(refused(RuleCode.ROLE_NOT_PERMITTED))
                    .expectNoEvents();
        }

        @Test
        void aSupervisorMustNameTheLeader() {
            fixture.given(simpleAccepted())
                    .when(new EscalatePetitionCommand(ID, EscalationReason.HARD_CASE, " ", null, null, SUPERVISOR, null, at(P)))
                    .expectException(refused(RuleCode.LEADER_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("提级由督查人员作出；系统不能以命令提级（超期提级由超期记录本身完成）")
        void theSystemCannotEscalateByCommand() {
            fixture.given(simpleAccepted())
                    .when(new EscalatePetitionCommand(ID, EscalationReason.BREACH, null, null, Stage.RESPOND, Actor.SYSTEM,
                            null, at("2024-03-05T17:31")))
                    .expectException(refused(RuleCode.ROLE_NOT_PERMITTED, Role.SYSTEM, CaseAction.ESCALATE,
                            List.of(Role.SUPERVISOR)))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------ 转送 transfer, 退回 return

    @Nested
    class TransferAndReturn {

        static final String T = "2024-03-04T09:20";

        @Test
        @DisplayName("转送：签收时限为新单位重新起算，5 个工作日内可退回")
        void transferRestartsSigningForTheNewUnit() {
            Captured c = capture(fixture.given(simpleRegistered())
                    .when(new TransferPetitionCommand(ID, VILLAGE, "属地管理", HANDLER, null, at(T))));
            PetitionTransferredEvent t = (PetitionTransferredEvent) c.payloads.get(0);
            assertThat(t.fromUnit()).isEqualTo(TOWN);
            assertThat(t.toUnit()).isEqualTo(VILLAGE);
            // Mon 03-04 + 5 working days → Mon 03-11 17:30
            assertThat(t.returnableUntil()).isEqualTo(at("2024-03-11T17:30"));
            assertThat(t.kind()).isEqualTo(TransferKind.TRANSFER);
            List<TimeLimitStoppedEvent> stops = c.payloads.stream().filter(TimeLimitStoppedEvent.class::isInstance)
                    .map(TimeLimitStoppedEvent.class::cast).toList();
            assertThat(stops).extracting(TimeLimitStoppedEvent::stage).containsExactly(Stage.SIGN, Stage.NOTIFY);
            assertThat(stops).extracting(TimeLimitStoppedEvent::reason).containsOnly(StopReason.TRANSFERRED);
            TimeLimitStartedEvent restart = (TimeLimitStartedEvent) c.payloads.get(3);
            assertThat(restart.unit()).isEqualTo(VILLAGE);
            assertThat(restart.timeLimit().due()).isEqualTo(at("2024-03-04T11:20"));
            // the receiving unit owes its own written notice: 03-04 + 15 days = Tue 03-19
            assertThat(c.started(Stage.NOTIFY).due()).isEqualTo(at("2024-03-19T17:30"));
        }

        @Test
        void transferIsRefusedAfterAcceptance() {
            fixture.given(simpleAccepted())
                    .when(new TransferPetitionCommand(ID, VILLAGE, "属地管理", SUPERVISOR, null, at(P)))
                    .expectException(refused(RuleCode.STEP_NOT_ALLOWED))
                    .expectNoEvents();
        }

        @Test
        void transferToTheSameUnitIsRefused() {
            fixture.given(simpleRegistered())
                    .when(new TransferPetitionCommand(ID, TOWN, "属地管理", HANDLER, null, at(T)))
                    .expectException(refused(RuleCode.TRANSFER_TO_SAME_UNIT, TOWN))
                    .expectNoEvents();
        }

        @Test
        void aHandlerOfAnotherUnitCannotTransfer() {
            fixture.given(simpleRegistered())
                    .when(new TransferPetitionCommand(ID, "village-2", "属地管理", VILLAGE_HANDLER, null, at(T)))
                    .expectException(refused(RuleCode.NOT_HANDLER_OF_UNIT))
                    .expectNoEvents();
        }

        List<Object> transferred() {
            List<Object> h = simpleRegistered();
            h.add(new PetitionTransferredEvent(ID, TOWN, VILLAGE, "属地管理", TransferKind.TRANSFER, at("2024-03-11T17:30"),
                    HANDLER, at(T), at(T)));
            h.add(stopped(Track.SIMPLE, Stage.SIGN, R, T, StopReason.TRANSFERRED));
            h.add(stopped(Track.SIMPLE, Stage.NOTIFY, R, T, StopReason.TRANSFERRED));
            h.add(started(Track.SIMPLE, Stage.SIGN, T, T, VILLAGE));
            h.add(started(Track.SIMPLE, Stage.NOTIFY, T, T, VILLAGE));
            return h;
        }

        @Test
        @DisplayName("退回：接收单位 5 个工作日内退回，原单位重新签收")
        void theReceivingUnitReturnsWithinFiveWorkingDays() {
            String when = "2024-03-08T10:00";
            fixture.given(transferred())
                    .when(new ReturnPetitionCommand(ID, "不属本村管辖", VILLAGE_HANDLER, null, at(when)))
                    .expectEvents(new PetitionReturnedEvent(ID, VILLAGE, TOWN, "不属本村管辖", VILLAGE_HANDLER, at(when), at(when)),
                            new TimeLimitStoppedEvent(ID, Stage.SIGN, at("2024-03-04T11:20"), false,
                                    StopReason.RETURNED, at(when), at(when)),
                            new TimeLimitStoppedEvent(ID, Stage.NOTIFY, at("2024-03-19T17:30"), true,
                                    StopReason.RETURNED, at(when), at(when)),
                            started(Track.SIMPLE, Stage.SIGN, when, when, TOWN),
                            started(Track.SIMPLE, Stage.NOTIFY, when, when, TOWN));
        }

        @Test
        @DisplayName("退回期限已过：首接首办")
        void returnIsRefusedAfterFiveWorkingDays() {
            fixture.given(transferred())
                    .when(new ReturnPetitionCommand(ID, "不属本村管辖", VILLAGE_HANDLER, null, at("2024-03-12T08:40")))
                    .expectException(refused(RuleCode.RETURN_PERIOD_EXPIRED, at("2024-03-11T17:30")))
                    .expectNoEvents();
        }

        @Test
        void returnIsRefusedWhenTheCaseWasNotTransferred() {
            fixture.given(simpleRegistered())
                    .when(new ReturnPetitionCommand(ID, "不属本单位", HANDLER, null, at(S)))
                    .expectException(refused(RuleCode.NOT_TRANSFERRED))
                    .expectNoEvents();
        }

        @Test
        void onlyTheReceivingUnitReturns() {
            fixture.given(transferred())
                    .when(new ReturnPetitionCommand(ID, "不属本村管辖", HANDLER, null, at("2024-03-05T10:00")))
                    .expectException(refused(RuleCode.NOT_HANDLER_OF_UNIT))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------ 改变办理程序 reclassify

    @Nested
    class Reclassify {

        @Test
        @DisplayName("简易改一般（受理前）：签收时限停止，受理时限自登记起 5 个工作日")
        void simpleToGeneralBeforeSigningCountsAcceptanceFromRegistration() {
            String when = "2024-03-04T09:10";
            Captured c = capture(fixture.given(simpleRegistered())
                    .when(new ReclassifyPetitionCommand(ID, Track.GENERAL, SUPERVISOR, null, at(when))));
            assertThat(c.payloads.get(0)).isEqualTo(new PetitionReclassifiedEvent(ID, Track.SIMPLE, Track.GENERAL, SUPERVISOR, at(when), at(when)));
            TimeLimitStoppedEvent stop = (TimeLimitStoppedEvent) c.payloads.get(1);
            assertThat(stop.stage()).isEqualTo(Stage.SIGN);
            assertThat(stop.reason()).isEqualTo(StopReason.RECLASSIFIED);
            TimeLimit accept = c.started(Stage.ACCEPT);
            assertThat(accept.start()).isEqualTo(at(R));
            assertThat(accept.due()).isEqualTo(at("2024-03-11T17:30"));
            assertThat(accept.rule()).isEqualTo("510.accept: 5 working days from registration or transfer");
        }

        @Test
        void simpleToGeneralAfterAcceptanceRecomputesOpenStagesFromAcceptance() {
            String when = "2024-03-04T10:30";
            Captured c = capture(fixture.given(simpleAccepted())
                    .when(new ReclassifyPetitionCommand(ID, Track.GENERAL, SUPERVISOR, null, at(when))));
            List<TimeLimitRecomputedEvent> recomputed = c.payloads.stream().filter(TimeLimitRecomputedEvent.class::isInstance)
                    .map(TimeLimitRecomputedEvent.class::cast).toList();
            assertThat(recomputed).extracting(TimeLimitRecomputedEvent::stage)
                    .containsExactly(Stage.RESPOND, Stage.MEET_HANDLING, Stage.OPINION, Stage.CONCLUDE, Stage.NOTIFY);
            TimeLimitRecomputedEvent opinion = recomputed.get(2);
            // accepted Mon 03-04 10:00: 5 working days → 03-11; 10 → 03-18 (Mon)
            assertThat(opinion.previousDue()).isEqualTo(at("2024-03-11T17:30"));
            assertThat(opinion.timeLimit().due()).isEqualTo(at("2024-03-18T17:30"));
            assertThat(opinion.reason()).isEqualTo(RecomputeReason.RECLASSIFIED);
        }

        @Test
        void generalToSimpleIsRefusedAfterAcceptance() {
            List<Object> h = generalRegistered();
            h.addAll(List.of(signed(S), accepted(A), stopped(Track.GENERAL, Stage.ACCEPT, R, A, StopReason.COMPLETED)));
            fixture.given(h)
                    .when(new ReclassifyPetitionCommand(ID, Track.SIMPLE, SUPERVISOR, null, at(P)))
                    .expectException(refused(RuleCode.RECLASSIFY_AFTER_ACCEPTANCE))
                    .expectNoEvents();
        }

        @Test
        void generalToSimpleAfterSigningCountsAcceptanceFromSigning() {
            List<Object> h = generalRegistered();
            h.add(signed(S));
            Captured c = capture(fixture.given(h)
                    .when(new ReclassifyPetitionCommand(ID, Track.SIMPLE, SUPERVISOR, null, at("2024-03-04T09:40"))));
            TimeLimitRecomputedEvent accept = (TimeLimitRecomputedEvent) c.payloads.get(1);
            assertThat(accept.timeLimit().start()).isEqualTo(at(S));
            assertThat(accept.timeLimit().due()).isEqualTo(at("2024-03-04T11:30"));
        }

        @Test
        void reclassifyIsRefusedAfterTheOpinion() {
            fixture.given(simpleOpinionGiven())
                    .when(new ReclassifyPetitionCommand(ID, Track.GENERAL, SUPERVISOR, null, at(C)))
                    .expectException(refused(RuleCode.STEP_NOT_ALLOWED))
                    .expectNoEvents();
        }

        @Test
        void aHandlerCannotReclassify() {
            fixture.given(simpleRegistered())
                    .when(new ReclassifyPetitionCommand(ID, Track.GENERAL, HANDLER, null, at(S)))
                    .expectException(refused(RuleCode.ROLE_NOT_PERMITTED))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------ 延期 extend

    @Nested
    class Extend {

        /** An extension approved by {@code approver}, the petitioner told at {@code M}. */
        ExtendTimeLimitCommand extend(Stage stage, long amount, Actor actor, Actor approver, String when) {
            return new ExtendTimeLimitCommand(ID, stage, amount, "需补充调查", approver, at(M), actor, null, at(when));
        }

        @Test
        @DisplayName("处理意见延期 2 个工作日（经批准并告知信访人），办理见面随之延期")
        void extendingTheOpinionMovesTheHandlingMeetingToo() {
            Captured c = capture(fixture.given(simpleResponded()).when(extend(Stage.OPINION, 2, SUPERVISOR, SUPERVISOR, M)));
            List<TimeLimitExtendedEvent> ext = c.payloads.stream().map(TimeLimitExtendedEvent.class::cast).toList();
            assertThat(ext).extracting(TimeLimitExtendedEvent::stage).containsExactly(Stage.OPINION, Stage.MEET_HANDLING);
            // accepted Mon 03-04: 5 working days → Mon 03-11 17:30; +2 working days → Wed 03-13 17:30
            assertThat(ext.get(0).previousDue()).isEqualTo(at("2024-03-11T17:30"));
            assertThat(ext.get(0).timeLimit().due()).isEqualTo(at("2024-03-13T17:30"));
            assertThat(ext.get(0).extension()).isEqualTo(LimitAmount.workingDays(2));
            assertThat(ext.get(0).approvedBy()).isEqualTo("supervisor");
            assertThat(ext.get(0).petitionerToldAt()).isEqualTo(at(M));
            assertThat(ext.get(1).timeLimit().due()).isEqualTo(at("2024-03-13T17:30"));
        }

        @Test
        @DisplayName("本单位负责人批准、经办人记录延期")
        void aHandlerRecordsAnExtensionApprovedByTheLeaderOfTheUnit() {
            Captured c = capture(fixture.given(simpleResponded()).when(extend(Stage.OPINION, 1, HANDLER, LEADER, M)));
            assertThat(((TimeLimitExtendedEvent) c.payloads.get(0)).approvedBy()).isEqualTo("leader");
        }

        @Test
        @DisplayName("批准人须为督查、管理员或本单位负责人")
        void theApproverMustBeASupervisorAnAdministratorOrTheLeaderOfTheUnit() {
            fixture.given(simpleResponded())
                    .when(extend(Stage.OPINION, 1, SUPERVISOR, HANDLER, M))
                    .expectException(refused(RuleCode.APPROVER_NOT_PERMITTED, "handler", Role.HANDLER, TOWN))
                    .expectNoEvents();
            fixture.given(simpleResponded())
                    .when(extend(Stage.OPINION, 1, SUPERVISOR, new Actor("village-leader", VILLAGE, Role.LEADER), M))
                    .expectException(refused(RuleCode.APPROVER_NOT_PERMITTED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("办结时限只能延期一次（条例 第三十四条）")
        void concludeIsExtendedOnlyOnce() {
            List<Object> h = simpleAccepted();
            TimeLimit conclude = limit(Track.SIMPLE, Stage.CONCLUDE, A);
            h.add(new TimeLimitExtendedEvent(ID, Stage.CONCLUDE, LimitAmount.calendarDays(20), "复杂", "supervisor", at(P),
                    conclude.due(), CALC.extend(conclude, Track.SIMPLE, LimitAmount.calendarDays(20)), SUPERVISOR, at(P), at(P)));
            fixture.given(h)
                    .when(extend(Stage.CONCLUDE, 5, SUPERVISOR, SUPERVISOR, M))
                    .expectException(refused(RuleCode.EXTENSION_LIMIT_EXCEEDED, Stage.CONCLUDE, 1L, LimitAmount.calendarDays(30),
                            20L, 1L))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("办结时限延期不得超过 30 日")
        void concludeCannotBeExtendedByMoreThanThirtyDays() {
            fixture.given(simpleAccepted())
                    .when(extend(Stage.CONCLUDE, 31, SUPERVISOR, SUPERVISOR, P))
                    .expectException(refused(RuleCode.EXTENSION_LIMIT_EXCEEDED, Stage.CONCLUDE, 1L, LimitAmount.calendarDays(30),
                            0L, 0L))
                    .expectNoEvents();
        }

        @Test
        void concludeCanBeExtendedByExactlyThirtyDays() {
            Captured c = capture(fixture.given(simpleAccepted()).when(extend(Stage.CONCLUDE, 30, SUPERVISOR, SUPERVISOR, P)));
            TimeLimitExtendedEvent e = (TimeLimitExtendedEvent) c.payloads.get(0);
            // accepted 03-04: +60 days = 05-03 (劳动节 holiday) → 05-06 Mon; day 90 = 05-03 + 30 = 06-02 (Sun) → 06-03 Mon
            assertThat(e.previousDue()).isEqualTo(at("2024-05-06T17:30"));
            assertThat(e.timeLimit().due()).isEqualTo(at("2024-06-03T17:30"));
        }

        @Test
        @DisplayName("处理意见延期不得超过其本身时限（简易 5 个工作日）")
        void theOpinionIsExtendedByAtMostItsOwnLength() {
            fixture.given(simpleResponded())
                    .when(extend(Stage.OPINION, 6, SUPERVISOR, SUPERVISOR, M))
                    .expectException(refused(RuleCode.EXTENSION_LIMIT_EXCEEDED, Stage.OPINION, 1L, LimitAmount.workingDays(5),
                            0L, 0L))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("政策未列明的环节不能延期")
        void aStageThePolicyDoesNotExtendIsRefused() {
            fixture.given(simpleAccepted())
                    .when(extend(Stage.RESPOND, 1, SUPERVISOR, SUPERVISOR, P))
                    .expectException(refused(RuleCode.EXTENSION_NOT_ALLOWED, Stage.RESPOND))
                    .expectNoEvents();
        }

        @Test
        void aStageThatIsNotRunningCannotBeExtended() {
            fixture.given(simpleResponded())
                    .when(extend(Stage.RESPOND, 1, SUPERVISOR, SUPERVISOR, M))
                    .expectException(refused(RuleCode.STAGE_NOT_OPEN))
                    .expectNoEvents();
        }

        @Test
        void anAuditorCannotExtend() {
            fixture.given(simpleAccepted())
                    .when(extend(Stage.OPINION, 1, AUDITOR, SUPERVISOR, P))
                    .expectException(refused(RuleCode.NOT_HANDLER_OF_UNIT))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------ 预警 / 超期 warning and breach

    @Nested
    class WarningAndBreach {

        // accepted Mon 03-04 10:00: RESPOND due Tue 03-05 17:30, warning 15:45 (counted in CaseFixtures.HAND)
        final Instant respondDue = at("2024-03-05T17:30");
        final Instant respondWarning = at("2024-03-05T15:45");
        final Instant recordedAt = at("2024-03-05T17:31");

        @Test
        void aWarningIsRecordedOnce() {
            fixture.given(simpleAccepted())
                    .when(new RecordTimeLimitWarningCommand(ID, Stage.RESPOND, respondDue, recordedAt))
                    .expectEvents(new TimeLimitWarningRaisedEvent(ID, TOWN, Stage.RESPOND, respondDue, respondWarning, recordedAt));
        }

        @Test
        void aSecondWarningRecordsNothing() {
            List<Object> h = simpleAccepted();
            h.add(new TimeLimitWarningRaisedEvent(ID, TOWN, Stage.RESPOND, respondDue, respondWarning, recordedAt));
            fixture.given(h)
                    .when(new RecordTimeLimitWarningCommand(ID, Stage.RESPOND, respondDue, recordedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        @DisplayName("超期：记录超期，并按政策提级（受理回应超期须提级）")
        void aBreachOfARunningStageIsRecordedAndEscalated() {
            fixture.given(simpleAccepted())
                    .when(new RecordTimeLimitBreachCommand(ID, Stage.RESPOND, respondDue, recordedAt))
                    .expectEvents(new TimeLimitBreachedEvent(ID, TOWN, Stage.RESPOND, respondDue, respondDue, recordedAt),
                            new PetitionEscalatedEvent(ID, EscalationReason.BREACH, null, null, Stage.RESPOND, Actor.SYSTEM,
                                    recordedAt, recordedAt));
        }

        @Test
        @DisplayName("签收超期不提级（政策未列入）")
        void aBreachOfAStageThePolicyDoesNotEscalateIsOnlyRecorded() {
            Instant signDue = at("2024-03-04T11:00");
            fixture.given(simpleRegistered())
                    .when(new RecordTimeLimitBreachCommand(ID, Stage.SIGN, signDue, at("2024-03-04T11:01")))
                    .expectEvents(new TimeLimitBreachedEvent(ID, TOWN, Stage.SIGN, signDue, signDue, at("2024-03-04T11:01")));
        }

        @Test
        @DisplayName("超期记录一次：重复触发不再记录")
        void aBreachIsRecordedOnce() {
            List<Object> h = simpleAccepted();
            h.add(new TimeLimitBreachedEvent(ID, TOWN, Stage.RESPOND, respondDue, respondDue, recordedAt));
            fixture.given(h)
                    .when(new RecordTimeLimitBreachCommand(ID, Stage.RESPOND, respondDue, recordedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        /** OPINION breached at its due (Mon 03-11 17:30), escalated, then extended by 2 working days (to Wed 03-13). */
        List<Object> opinionBreachedThenExtended() {
            List<Object> h = simpleHandlingMet();
            Instant due = at("2024-03-11T17:30");
            h.add(new TimeLimitBreachedEvent(ID, TOWN, Stage.OPINION, due, due, at("2024-03-11T17:31")));
            h.add(new PetitionEscalatedEvent(ID, EscalationReason.BREACH, null, null, Stage.OPINION, Actor.SYSTEM,
                    at("2024-03-11T17:31"), at("2024-03-11T17:31")));
            TimeLimit opinion = limit(Track.SIMPLE, Stage.OPINION, A);
            h.add(new TimeLimitExtendedEvent(ID, Stage.OPINION, LimitAmount.workingDays(2), "补充调查", "supervisor",
                    at("2024-03-12T09:00"), due, CALC.extend(opinion, Track.SIMPLE, LimitAmount.workingDays(2)), SUPERVISOR,
                    at("2024-03-12T09:00"), at("2024-03-12T09:00")));
            return h;
        }

        @Test
        @DisplayName("超期后延期：超期记录保留，新到期时不再记录超期")
        void aStageBreachedBeforeAnExtensionIsNotBreachedAgain() {
            fixture.given(opinionBreachedThenExtended())
                    .when(new RecordTimeLimitBreachCommand(ID, Stage.OPINION, at("2024-03-13T17:30"), at("2024-03-13T17:31")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        @DisplayName("超期后延期，在新期限内完成：仍为超期完成（MET_LATE）")
        void aStageBreachedBeforeAnExtensionEndsLateEvenWithinTheNewDue() {
            fixture.given(opinionBreachedThenExtended())
                    .when(opinion("2024-03-12T10:00"))
                    .expectEvents(opinionGiven("2024-03-12T10:00"),
                            new TimeLimitStoppedEvent(ID, Stage.OPINION, at("2024-03-13T17:30"), false, StopReason.COMPLETED,
                                    at("2024-03-12T10:00"), at("2024-03-12T10:00")),
                            started(Track.SIMPLE, Stage.MEET_CONCLUSION, "2024-03-12T10:00"));
        }

        @Test
        void aLateTimerForAStoppedStageRecordsNothing() {
            fixture.given(simpleResponded())
                    .when(new RecordTimeLimitBreachCommand(ID, Stage.RESPOND, respondDue, recordedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aTimerForAnOlderDueInstantRecordsNothing() {
            fixture.given(simpleAccepted())
                    .when(new RecordTimeLimitBreachCommand(ID, Stage.RESPOND, respondDue.minusSeconds(3600), recordedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------ 日历修订 recompute

    @Nested
    class Recompute {

        /** The shipped calendar with Wed 2024-03-06 declared a holiday (a corrected notice). */
        TimeRules revisedRules() {
            CalendarYear y = CalendarFile.shipped().year(2024).orElseThrow();
            Set<LocalDate> holidays = new HashSet<>(y.holidays());
            holidays.add(LocalDate.of(2024, 3, 6));
            TimeRules r = rules();
            r.reviseCalendar(CalendarFile.shipped().mergedWith(BusinessCalendar.of(List.of(
                    new CalendarYear(2024, y.notice(), holidays, y.workdays(), y.names())))));
            return r;
        }

        AggregateTestFixture<PetitionCase> revisedFixture() {
            AggregateTestFixture<PetitionCase> f = new AggregateTestFixture<>(PetitionCase.class);
            f.registerInjectableResource(revisedRules());
            return f;
        }

        @Test
        @DisplayName("日历修订：只重算受影响的计时环节，记录修订前后的时限")
        void aRevisedCalendarRecomputesExactlyTheStagesItMoves() {
            TimeRules revised = revisedRules();
            String version = revised.calculator().time().calendar().version();
            Captured c = capture(revisedFixture().given(simpleAccepted())
                    .when(new RecomputeTimeLimitsCommand(ID, version, Actor.SYSTEM, at("2024-03-05T08:00"))));
            List<TimeLimitRecomputedEvent> events = c.payloads.stream().map(TimeLimitRecomputedEvent.class::cast).toList();
            // RESPOND (due Tue 03-05) does not move; MEET_HANDLING and OPINION lose Wed 03-06; CONCLUDE keeps its due
            assertThat(events).extracting(TimeLimitRecomputedEvent::stage)
                    .containsExactly(Stage.MEET_HANDLING, Stage.OPINION, Stage.CONCLUDE, Stage.NOTIFY);
            // NOTIFY: still due Tue 03-19; 10 working days = 70 h, 75 % = 52 h 30 = 7 days + 3 h 30 → the 8th
            // working day (Fri 03-15) at 12:00
            assertThat(events.get(3).timeLimit().due()).isEqualTo(at("2024-03-19T17:30"));
            assertThat(events.get(3).timeLimit().warning()).isEqualTo(at("2024-03-15T12:00"));
            TimeLimitRecomputedEvent opinion = events.get(1);
            assertThat(opinion.reason()).isEqualTo(RecomputeReason.CALENDAR_REVISED);
            assertThat(opinion.calendarVersion()).isEqualTo(version);
            assertThat(opinion.previousDue()).isEqualTo(at("2024-03-11T17:30"));
            assertThat(opinion.previousWarning()).isEqualTo(at("2024-03-08T15:45"));
            // 03-05 (1) 07 (2) 08 (3) 11 (4) 12 (5) → Tue 03-12 17:30; 26 h 15 → three days + 5 h 15 on Mon 03-11 → 15:45
            assertThat(opinion.timeLimit().due()).isEqualTo(at("2024-03-12T17:30"));
            assertThat(opinion.timeLimit().warning()).isEqualTo(at("2024-03-11T15:45"));
            assertThat(opinion.timeLimit().start()).isEqualTo(at(A));
            // CONCLUDE: due still Mon 05-06; 41 working days = 287 h, 75 % = 215 h 15 = 30 days + 5 h 15 →
            // the 31st working day (Thu 04-18, March now has 18) at 15:45
            TimeLimitRecomputedEvent conclude = events.get(2);
            assertThat(conclude.timeLimit().due()).isEqualTo(at("2024-05-06T17:30"));
            assertThat(conclude.timeLimit().warning()).isEqualTo(at("2024-04-18T15:45"));
        }

        @Test
        @DisplayName("已按当前日历计算的环节不再重算（修订中断后恢复不会重复）")
        void aStageAlreadyOnTheCalendarInForceIsLeftAlone() {
            TimeRules revised = revisedRules();
            String version = revised.calculator().time().calendar().version();
            List<Object> h = simpleAccepted();
            Captured first = capture(revisedFixture().given(h)
                    .when(new RecomputeTimeLimitsCommand(ID, version, Actor.SYSTEM, at("2024-03-05T08:00"))));
            h.addAll(first.payloads);
            revisedFixture().given(h)
                    .when(new RecomputeTimeLimitsCommand(ID, version, Actor.SYSTEM, at("2024-03-05T08:01")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        @DisplayName("修订后的预警时刻变化：已记录的预警失效，可再次预警")
        void aMovedWarningInstantClearsTheWarningAlreadyRecorded() {
            TimeRules revised = revisedRules();
            String version = revised.calculator().time().calendar().version();
            List<Object> h = simpleAccepted();
            // CONCLUDE was warned at its old warning instant (Thu 04-18 12:00)
            h.add(new TimeLimitWarningRaisedEvent(ID, TOWN, Stage.CONCLUDE, at("2024-05-06T17:30"), at("2024-04-18T12:00"),
                    at("2024-04-18T12:00")));
            Captured c = capture(revisedFixture().given(h)
                    .when(new RecomputeTimeLimitsCommand(ID, version, Actor.SYSTEM, at("2024-04-18T13:00"))));
            h.addAll(c.payloads);
            revisedFixture().given(h)
                    .when(new RecordTimeLimitWarningCommand(ID, Stage.CONCLUDE, at("2024-05-06T17:30"), at("2024-04-18T15:45")))
                    .expectEvents(new TimeLimitWarningRaisedEvent(ID, TOWN, Stage.CONCLUDE, at("2024-05-06T17:30"),
                            at("2024-04-18T15:45"), at("2024-04-18T15:45")));
        }

        @Test
        void aClosedCaseRecomputesNothing() {
            TimeRules revised = revisedRules();
            revisedFixture().given(simpleResolved())
                    .when(new RecomputeTimeLimitsCommand(ID, revised.calculator().time().calendar().version(), Actor.SYSTEM,
                            at("2024-03-08T08:00")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anAdministratorMayRecompute() {
            TimeRules revised = revisedRules();
            revisedFixture().given(simpleAccepted())
                    .when(new RecomputeTimeLimitsCommand(ID, revised.calculator().time().calendar().version(), ADMIN,
                            at("2024-03-05T08:00")))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aSupervisorMayNotRecompute() {
            revisedFixture().given(simpleAccepted())
                    .when(new RecomputeTimeLimitsCommand(ID, "cal-x", SUPERVISOR, at("2024-03-05T08:00")))
                    .expectException(refused(RuleCode.ROLE_NOT_PERMITTED, Role.SUPERVISOR, CaseAction.RECOMPUTE,
                            List.of(Role.SYSTEM, Role.ADMIN)))
                    .expectNoEvents();
        }
    }
}
