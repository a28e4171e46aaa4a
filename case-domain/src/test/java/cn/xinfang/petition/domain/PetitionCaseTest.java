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

import java.time.Instant;
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
    }

    // ------------------------------------------------------------ histories

    static List<Object> simpleRegistered() {
        return new ArrayList<>(List.of(registered(Track.SIMPLE, R), started(Track.SIMPLE, Stage.SIGN, R)));
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
        h.addAll(List.of(resolved(Z), stopped(Track.SIMPLE, Stage.CONCLUDE, A, Z, StopReason.COMPLETED)));
        return h;
    }

    static List<Object> generalRegistered() {
        return new ArrayList<>(List.of(registered(Track.GENERAL, R), started(Track.GENERAL, Stage.ACCEPT, R)));
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
                    .expectEvents(registered(Track.SIMPLE, R), started(Track.SIMPLE, Stage.SIGN, R));
        }

        @Test
        void registersAGeneralCaseAndStartsAcceptanceFromRegistration() {
            Captured c = capture(fixture.givenNoPriorActivity().when(register(Track.GENERAL, R)));
            assertThat(c.startedLimits()).extracting(TimeLimit::stage).containsExactly(Stage.ACCEPT);
            // Mon 03-04 + 5 working days: 03-05 .. 03-11 (Mon) → 17:30
            assertThat(c.started(Stage.ACCEPT).due()).isEqualTo(at("2024-03-11T17:30"));
        }

        @Test
        @DisplayName("5 人以上为集体访")
        void fiveOrMorePetitionersMakeTheCaseCollective() {
            fixture.givenNoPriorActivity()
                    .when(register(Track.SIMPLE, 5, R))
                    .expectEvents(registered(Track.SIMPLE, 5, R), started(Track.SIMPLE, Stage.SIGN, R));
        }

        @Test
        void registerIsRefusedForAnAuditor() {
            RegisterPetitionCommand cmd = register(Track.SIMPLE, R);
            fixture.givenNoPriorActivity()
                    .when(new RegisterPetitionCommand(cmd.caseId(), cmd.caseNo(), cmd.track(), cmd.channel(), cmd.category(),
                            cmd.petitioner(), 1, cmd.subject(), cmd.content(), cmd.unit(), AUDITOR, null, cmd.recordedAt()))
                    .expectException(ActionNotPermittedException.class)
                    .expectNoEvents();
        }

        @Test
        @DisplayName("补录时间不得晚于当前时间（允许 1 分钟误差）")
        void registerIsRefusedWhenOccurredAtIsInTheFuture() {
            RegisterPetitionCommand cmd = register(Track.SIMPLE, R);
            fixture.givenNoPriorActivity()
                    .when(new RegisterPetitionCommand(cmd.caseId(), cmd.caseNo(), cmd.track(), cmd.channel(), cmd.category(),
                            cmd.petitioner(), 1, cmd.subject(), cmd.content(), cmd.unit(), HANDLER,
                            at(R).plusSeconds(61), at(R)))
                    .expectException(InvalidOccurrenceTimeException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("in the future"))
                    .expectNoEvents();
        }

        @Test
        void aPaperRecordCountsFromItsOccurrenceTime() {
            RegisterPetitionCommand cmd = register(Track.SIMPLE, R);
            Captured c = capture(fixture.givenNoPriorActivity()
                    .when(new RegisterPetitionCommand(cmd.caseId(), cmd.caseNo(), cmd.track(), cmd.channel(), cmd.category(),
                            cmd.petitioner(), 1, cmd.subject(), cmd.content(), cmd.unit(), HANDLER,
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
                            p, 1, cmd.subject(), cmd.content(), cmd.unit(), HANDLER, null, at(R)))
                    .expectException(InvalidStepDataException.class)
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
                    .expectException(StaleCaseVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void aStepDecidedOnTheCurrentVersionPasses() {
            fixture.given(simpleRegistered())
                    .when(sign(S), java.util.Map.of(PetitionCase.EXPECTED_VERSION, 1L))
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
                    .expectException(StepNotAllowedException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("allowed now: accept, decline, escalate, transfer"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("首接首办：其他单位经办人不能签收")
        void signIsRefusedForAHandlerOfAnotherUnit() {
            fixture.given(simpleRegistered())
                    .when(new SignPetitionCommand(ID, VILLAGE_HANDLER, null, at(S)))
                    .expectException(ActionNotPermittedException.class)
                    .expectNoEvents();
        }

        @Test
        void signIsRefusedForASupervisor() {
            fixture.given(simpleRegistered())
                    .when(new SignPetitionCommand(ID, SUPERVISOR, null, at(S)))
                    .expectException(ActionNotPermittedException.class)
                    .expectNoEvents();
        }

        @Test
        void signIsRefusedWhenItHappenedBeforeRegistration() {
            fixture.given(simpleRegistered())
                    .when(new SignPetitionCommand(ID, HANDLER, at("2024-03-04T08:00"), at(S)))
                    .expectException(InvalidOccurrenceTimeException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("before the case's previous step"))
                    .expectNoEvents();
        }

        @Test
        void signIsRefusedOnAResolvedCase() {
            fixture.given(simpleResolved())
                    .when(sign("2024-03-08T09:00"))
                    .expectException(CaseClosedException.class)
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
                    .expectException(StepNotAllowedException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("allowed now: sign"))
                    .expectNoEvents();
        }

        @Test
        void acceptIsRefusedForAnAuditor() {
            fixture.given(simpleSigned())
                    .when(new AcceptPetitionCommand(ID, AUDITOR, null, at(A)))
                    .expectException(ActionNotPermittedException.class)
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
                    .expectException(StepNotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void nothingIsAllowedOnADeclinedCase() {
            List<Object> h = simpleSigned();
            h.add(new PetitionDeclinedEvent(ID, TOWN, "属于诉讼程序", "请向人民法院起诉", HANDLER, at(A), at(A)));
            h.add(stopped(Track.SIMPLE, Stage.ACCEPT, S, A, StopReason.COMPLETED));
            fixture.given(h)
                    .when(accept(P))
                    .expectException(CaseClosedException.class)
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
                    .expectException(StepNotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void respondIsRefusedBeforeAcceptance() {
            fixture.given(simpleSigned())
                    .when(respond(P))
                    .expectException(StepNotAllowedException.class)
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
                    .expectException(StepNotAllowedException.class)
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
                    .expectException(ActionNotPermittedException.class)
                    .expectNoEvents();
        }

        @Test
        void theConclusionMeetingCannotBeWaivedBeforeTheOpinion() {
            fixture.given(simpleResponded())
                    .when(new WaiveMeetingCommand(ID, MeetingKind.CONCLUSION, "信访人拒绝见面", SUPERVISOR, null, at(M)))
                    .expectException(StepNotAllowedException.class)
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
                    .expectException(PrerequisiteMissingException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("受理回应"))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("作出处理意见前须记录办理见面")
        void theOpinionNeedsTheHandlingMeetingFirst() {
            fixture.given(simpleResponded())
                    .when(opinion(O))
                    .expectException(PrerequisiteMissingException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("handling meeting"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Resolve {

        @Test
        void resolvingStopsConclude() {
            fixture.given(simpleConclusionMet())
                    .when(resolve(Z))
                    .expectEvents(resolved(Z), stopped(Track.SIMPLE, Stage.CONCLUDE, A, Z, StopReason.COMPLETED));
        }

        @Test
        @DisplayName("办结前须记录办结见面")
        void resolveNeedsTheConclusionMeeting() {
            fixture.given(simpleOpinionGiven())
                    .when(resolve(Z))
                    .expectException(PrerequisiteMissingException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("conclusion meeting"))
                    .expectNoEvents();
        }

        @Test
        void anAuditorIsRefusedAsSuchEvenOnAClosedCase() {
            fixture.given(simpleResolved())
                    .when(new ResolvePetitionCommand(ID, "再次办结", null, AUDITOR, null, at("2024-03-07T11:00")))
                    .expectException(ActionNotPermittedException.class)
                    .expectNoEvents();
        }

        @Test
        void resolveIsRefusedTwice() {
            fixture.given(simpleResolved())
                    .when(resolve("2024-03-07T11:00"))
                    .expectException(CaseClosedException.class)
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
                    .expectException(ActionNotPermittedException.class)
                    .expectNoEvents();
        }

        @Test
        void aSupervisorMustNameTheLeader() {
            fixture.given(simpleAccepted())
                    .when(new EscalatePetitionCommand(ID, EscalationReason.HARD_CASE, " ", null, null, SUPERVISOR, null, at(P)))
                    .expectException(InvalidStepDataException.class)
                    .expectNoEvents();
        }

        @Test
        @DisplayName("超期自动提级：每个环节只提级一次")
        void theSystemEscalatesABreachOncePerStage() {
            EscalatePetitionCommand cmd = new EscalatePetitionCommand(ID, EscalationReason.BREACH, null, null, Stage.RESPOND,
                    Actor.SYSTEM, null, at("2024-03-05T17:31"));
            List<Object> h = simpleAccepted();
            h.add(new PetitionEscalatedEvent(ID, EscalationReason.BREACH, null, null, Stage.RESPOND, Actor.SYSTEM,
                    at("2024-03-05T17:31"), at("2024-03-05T17:31")));
            fixture.given(h).when(cmd).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void theSystemDoesNotEscalateAClosedCase() {
            fixture.given(simpleResolved())
                    .when(new EscalatePetitionCommand(ID, EscalationReason.BREACH, null, null, Stage.CONCLUDE, Actor.SYSTEM,
                            null, at("2024-06-01T09:00")))
                    .expectSuccessfulHandlerExecution()
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
            TimeLimitStoppedEvent stop = (TimeLimitStoppedEvent) c.payloads.get(1);
            assertThat(stop.stage()).isEqualTo(Stage.SIGN);
            assertThat(stop.reason()).isEqualTo(StopReason.TRANSFERRED);
            TimeLimitStartedEvent restart = (TimeLimitStartedEvent) c.payloads.get(2);
            assertThat(restart.unit()).isEqualTo(VILLAGE);
            assertThat(restart.timeLimit().due()).isEqualTo(at("2024-03-04T11:20"));
        }

        @Test
        void transferIsRefusedAfterAcceptance() {
            fixture.given(simpleAccepted())
                    .when(new TransferPetitionCommand(ID, VILLAGE, "属地管理", SUPERVISOR, null, at(P)))
                    .expectException(StepNotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void transferToTheSameUnitIsRefused() {
            fixture.given(simpleRegistered())
                    .when(new TransferPetitionCommand(ID, TOWN, "属地管理", HANDLER, null, at(T)))
                    .expectException(StepNotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void aHandlerOfAnotherUnitCannotTransfer() {
            fixture.given(simpleRegistered())
                    .when(new TransferPetitionCommand(ID, "village-2", "属地管理", VILLAGE_HANDLER, null, at(T)))
                    .expectException(ActionNotPermittedException.class)
                    .expectNoEvents();
        }

        List<Object> transferred() {
            List<Object> h = simpleRegistered();
            h.add(new PetitionTransferredEvent(ID, TOWN, VILLAGE, "属地管理", at("2024-03-11T17:30"), HANDLER, at(T), at(T)));
            h.add(stopped(Track.SIMPLE, Stage.SIGN, R, T, StopReason.TRANSFERRED));
            h.add(started(Track.SIMPLE, Stage.SIGN, T, T, VILLAGE));
            return h;
        }

        @Test
        @DisplayName("退回：接收单位 5 个工作日内退回，原单位重新签收")
        void theReceivingUnitReturnsWithinFiveWorkingDays() {
            String when = "2024-03-08T10:00";
            fixture.given(transferred())
                    .when(new ReturnPetitionCommand(ID, "不属本村管辖", VILLAGE_HANDLER, null, at(when)))
                    .expectEvents(new PetitionReturnedEvent(ID, VILLAGE, TOWN, "不属本村管辖", VILLAGE_HANDLER, at(when), at(when)),
                            new TimeLimitStoppedEvent(ID, Stage.SIGN, limit(Track.SIMPLE, Stage.SIGN, T).due(), false,
                                    StopReason.RETURNED, at(when), at(when)),
                            started(Track.SIMPLE, Stage.SIGN, when, when, TOWN));
        }

        @Test
        @DisplayName("退回期限已过：首接首办")
        void returnIsRefusedAfterFiveWorkingDays() {
            fixture.given(transferred())
                    .when(new ReturnPetitionCommand(ID, "不属本村管辖", VILLAGE_HANDLER, null, at("2024-03-12T08:40")))
                    .expectException(ReturnPeriodExpiredException.class)
                    .expectNoEvents();
        }

        @Test
        void returnIsRefusedWhenTheCaseWasNotTransferred() {
            fixture.given(simpleRegistered())
                    .when(new ReturnPetitionCommand(ID, "不属本单位", HANDLER, null, at(S)))
                    .expectException(StepNotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void onlyTheReceivingUnitReturns() {
            fixture.given(transferred())
                    .when(new ReturnPetitionCommand(ID, "不属本村管辖", HANDLER, null, at("2024-03-05T10:00")))
                    .expectException(ActionNotPermittedException.class)
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
                    .containsExactly(Stage.RESPOND, Stage.MEET_HANDLING, Stage.OPINION, Stage.CONCLUDE);
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
                    .expectException(StepNotAllowedException.class)
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
                    .expectException(StepNotAllowedException.class)
                    .expectNoEvents();
        }

        @Test
        void aHandlerCannotReclassify() {
            fixture.given(simpleRegistered())
                    .when(new ReclassifyPetitionCommand(ID, Track.GENERAL, HANDLER, null, at(S)))
                    .expectException(ActionNotPermittedException.class)
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------ 延期 extend

    @Nested
    class Extend {

        @Test
        @DisplayName("处理意见延期 2 个工作日，办理见面随之延期")
        void extendingTheOpinionMovesTheHandlingMeetingToo() {
            Captured c = capture(fixture.given(simpleResponded())
                    .when(new ExtendTimeLimitCommand(ID, Stage.OPINION, 2, "需补充调查", SUPERVISOR, null, at(M))));
            List<TimeLimitExtendedEvent> ext = c.payloads.stream().map(TimeLimitExtendedEvent.class::cast).toList();
            assertThat(ext).extracting(TimeLimitExtendedEvent::stage).containsExactly(Stage.OPINION, Stage.MEET_HANDLING);
            // accepted Mon 03-04: 5 working days → Mon 03-11 17:30; +2 working days → Wed 03-13 17:30
            assertThat(ext.get(0).previousDue()).isEqualTo(at("2024-03-11T17:30"));
            assertThat(ext.get(0).timeLimit().due()).isEqualTo(at("2024-03-13T17:30"));
            assertThat(ext.get(0).extension()).isEqualTo(LimitAmount.workingDays(2));
            assertThat(ext.get(1).timeLimit().due()).isEqualTo(at("2024-03-13T17:30"));
        }

        @Test
        @DisplayName("办结时限延期累计不得超过 30 日")
        void concludeCannotBeExtendedBeyondThirtyDaysInTotal() {
            List<Object> h = simpleAccepted();
            TimeLimit conclude = limit(Track.SIMPLE, Stage.CONCLUDE, A);
            h.add(new TimeLimitExtendedEvent(ID, Stage.CONCLUDE, LimitAmount.calendarDays(20), "复杂", conclude.due(),
                    CALC.extend(conclude, Track.SIMPLE, LimitAmount.calendarDays(20)), SUPERVISOR, at(P), at(P)));
            fixture.given(h)
                    .when(new ExtendTimeLimitCommand(ID, Stage.CONCLUDE, 11, "仍需调查", SUPERVISOR, null, at(M)))
                    .expectException(ExtensionLimitExceededException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("at most 10 more"))
                    .expectNoEvents();
        }

        @Test
        void concludeCanBeExtendedByExactlyThirtyDays() {
            Captured c = capture(fixture.given(simpleAccepted())
                    .when(new ExtendTimeLimitCommand(ID, Stage.CONCLUDE, 30, "情况复杂", SUPERVISOR, null, at(P))));
            TimeLimitExtendedEvent e = (TimeLimitExtendedEvent) c.payloads.get(0);
            // accepted 03-04: +60 days = 05-03 (劳动节 holiday) → 05-06 Mon; day 90 = 05-03 + 30 = 06-02 (Sun) → 06-03 Mon
            assertThat(e.previousDue()).isEqualTo(at("2024-05-06T17:30"));
            assertThat(e.timeLimit().due()).isEqualTo(at("2024-06-03T17:30"));
        }

        @Test
        void aStageThatIsNotRunningCannotBeExtended() {
            fixture.given(simpleResponded())
                    .when(new ExtendTimeLimitCommand(ID, Stage.RESPOND, 1, "x", SUPERVISOR, null, at(M)))
                    .expectException(StageNotOpenException.class)
                    .expectNoEvents();
        }

        @Test
        void aHandlerCannotExtend() {
            fixture.given(simpleAccepted())
                    .when(new ExtendTimeLimitCommand(ID, Stage.OPINION, 1, "x", HANDLER, null, at(P)))
                    .expectException(ActionNotPermittedException.class)
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------ 预警 / 超期 warning and breach

    @Nested
    class WarningAndBreach {

        final TimeLimit respond = limit(Track.SIMPLE, Stage.RESPOND, A);
        final Instant recordedAt = at("2024-03-05T17:31");

        @Test
        void aWarningIsRecordedOnce() {
            fixture.given(simpleAccepted())
                    .when(new RecordTimeLimitWarningCommand(ID, Stage.RESPOND, respond.due(), recordedAt))
                    .expectEvents(new TimeLimitWarningRaisedEvent(ID, TOWN, Stage.RESPOND, respond.due(), respond.warning(), recordedAt));
        }

        @Test
        void aSecondWarningRecordsNothing() {
            List<Object> h = simpleAccepted();
            h.add(new TimeLimitWarningRaisedEvent(ID, TOWN, Stage.RESPOND, respond.due(), respond.warning(), recordedAt));
            fixture.given(h)
                    .when(new RecordTimeLimitWarningCommand(ID, Stage.RESPOND, respond.due(), recordedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        @DisplayName("超期记录一次：重复触发不再记录")
        void aBreachIsRecordedOnce() {
            List<Object> h = simpleAccepted();
            h.add(new TimeLimitBreachedEvent(ID, TOWN, Stage.RESPOND, respond.due(), respond.due(), recordedAt));
            fixture.given(h)
                    .when(new RecordTimeLimitBreachCommand(ID, Stage.RESPOND, respond.due(), recordedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aBreachOfARunningStageIsRecorded() {
            fixture.given(simpleAccepted())
                    .when(new RecordTimeLimitBreachCommand(ID, Stage.RESPOND, respond.due(), recordedAt))
                    .expectEvents(new TimeLimitBreachedEvent(ID, TOWN, Stage.RESPOND, respond.due(), respond.due(), recordedAt));
        }

        @Test
        void aLateTimerForAStoppedStageRecordsNothing() {
            fixture.given(simpleResponded())
                    .when(new RecordTimeLimitBreachCommand(ID, Stage.RESPOND, respond.due(), recordedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aTimerForAnOlderDueInstantRecordsNothing() {
            fixture.given(simpleAccepted())
                    .when(new RecordTimeLimitBreachCommand(ID, Stage.RESPOND, respond.due().minusSeconds(3600), recordedAt))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
