package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.*;
import cn.xinfang.petition.api.command.*;
import cn.xinfang.petition.api.event.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static cn.xinfang.petition.domain.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 《信访工作条例》's own rules as given/when/then: the written notice (书面告知), delivery of the
 * reply (送达), 复查 / 复核 as linked cases, accusations kept from the accused (第三十条), registration
 * for another unit as an assignment (交办), proposals' decisions. Instants are counted by hand
 * (2024: Spring Festival 02-10..17 off, Sun 02-04 and Sun 02-18 worked; 清明 04-04..06 off, Sun 04-07
 * worked; working hours 08:30–12:00, 14:00–17:30).
 */
class StatutoryRulesTest {

    static final CaseId REVIEW_ID = new CaseId("review-1");

    AggregateTestFixture<PetitionCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    static AggregateTestFixture<PetitionCase> fixture() {
        AggregateTestFixture<PetitionCase> f = new AggregateTestFixture<>(PetitionCase.class);
        f.registerInjectableResource(rules());
        f.registerInjectableResource(UNITS);
        return f;
    }

    /** The events the case records for {@code commands}, one after another (the history a test starts from). */
    static List<Object> history(Object... commands) {
        List<Object> h = new ArrayList<>();
        for (Object cmd : commands) {
            PetitionCaseTest.Captured c = new PetitionCaseTest.Captured();
            AggregateTestFixture<PetitionCase> f = fixture();
            (h.isEmpty() ? f.givenNoPriorActivity() : f.given(h)).when(cmd).expectSuccessfulHandlerExecution().expectEventsMatching(c);
            h.addAll(c.payloads);
        }
        return h;
    }

    static PetitionCaseTest.Captured run(AggregateTestFixture<PetitionCase> f, List<Object> given, Object cmd) {
        PetitionCaseTest.Captured c = new PetitionCaseTest.Captured();
        (given.isEmpty() ? f.givenNoPriorActivity() : f.given(given)).when(cmd).expectSuccessfulHandlerExecution()
                .expectEventsMatching(c);
        return c;
    }

    static <T> T first(List<Object> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /** A SIMPLE case of the town up to its opinion: registered Mon 2024-02-26 09:00, the opinion Thu 02-29 10:00. */
    static Object[] toOpinion() {
        return new Object[]{register(Track.SIMPLE, "2024-02-26T09:00"), sign("2024-02-26T09:10"), accept("2024-02-26T09:20"),
                respond("2024-02-26T09:30"), meet(MeetingKind.HANDLING, "2024-02-27T09:00"), opinion("2024-02-29T10:00")};
    }

    static DeliverReplyCommand deliverAt(CaseId id, String when) {
        return new DeliverReplyCommand(id, DeliveryMode.POST, "张三", HANDLER, null, at(when));
    }

    static NotifyPetitionerCommand notice(NoticeKind kind, String when) {
        return new NotifyPetitionerCommand(ID, kind, NoticeMode.POST, "告知书", HANDLER, null, at(when));
    }

    static RequestReviewCommand requestReview(CaseId parent, String when) {
        return new RequestReviewCommand(parent, REVIEW_ID, TOWN, "对处理意见不服", HANDLER, null, at(when));
    }

    static RegisterReviewCaseCommand reviewCase(ReviewLevel level, String when) {
        return new RegisterReviewCaseCommand(REVIEW_ID, "2024-000002", ID, level, Track.SIMPLE, Channel.VISIT, Category.COMPLAINT,
                PETITIONER, 1, "宅基地纠纷", "反映邻里宅基地边界纠纷", TOWN, null, "对处理意见不服", HANDLER, null, at(when));
    }

    // ------------------------------------------------------------ 书面告知

    @Nested
    class WrittenNotice {

        @Test
        @DisplayName("登记即开始书面告知时限：15 日（2024-02-08 登记 → 02-23 17:30）")
        void registrationStartsTheWrittenNotice() {
            List<Object> events = run(fixture, List.of(), register(Track.SIMPLE, "2024-02-08T10:00")).payloads;
            TimeLimit notify = events.stream().filter(TimeLimitStartedEvent.class::isInstance)
                    .map(e -> ((TimeLimitStartedEvent) e).timeLimit()).filter(l -> l.stage() == Stage.NOTIFY).findFirst().orElseThrow();
            // 02-08 + 15 days = Fri 02-23, a working day
            assertThat(notify.due()).isEqualTo(at("2024-02-23T17:30"));
            // working days 02-09, Sun 02-18, 02-19..02-23: 7 = 49 h; 75 % = 36 h 45 = 5 days + 1 h 45 → Thu 02-22 10:15
            assertThat(notify.warning()).isEqualTo(at("2024-02-22T10:15"));
            assertThat(notify.limit()).isEqualTo(LimitAmount.calendarDays(15));
            assertThat(notify.rule()).isEqualTo("225.notify: 15 calendar days from registration or transfer");
        }

        @Test
        @DisplayName("受理告知：停止书面告知时限，按期")
        void anAcceptanceNoticeStopsTheStage() {
            List<Object> h = history(register(Track.SIMPLE, "2024-02-08T10:00"), sign("2024-02-08T10:10"), accept("2024-02-08T10:20"));
            fixture.given(h)
                    .when(notice(NoticeKind.ACCEPTED, "2024-02-09T09:00"))
                    .expectEvents(new PetitionerNotifiedEvent(ID, TOWN, NoticeKind.ACCEPTED, NoticeMode.POST, "告知书", HANDLER,
                                    at("2024-02-09T09:00"), at("2024-02-09T09:00")),
                            new TimeLimitStoppedEvent(ID, Stage.NOTIFY, at("2024-02-23T17:30"), true, StopReason.COMPLETED,
                                    at("2024-02-09T09:00"), at("2024-02-09T09:00")));
        }

        @Test
        @DisplayName("告知内容须与事项相符：未受理不能告知已受理")
        void anAcceptanceNoticeBeforeAcceptanceIsRefused() {
            fixture.given(history(register(Track.SIMPLE, "2024-02-08T10:00")))
                    .when(notice(NoticeKind.ACCEPTED, "2024-02-08T11:00"))
                    .expectException(refused(RuleCode.NOTICE_KIND_MISMATCH, NoticeKind.ACCEPTED, CaseStatus.REGISTERED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("不予受理而未书面告知：书面告知时限继续；告知不予受理后停止")
        void aDeclineWithoutANoticeKeepsTheStageOpen() {
            List<Object> h = history(register(Track.SIMPLE, "2024-02-08T10:00"), sign("2024-02-08T10:10"),
                    new DeclinePetitionCommand(ID, "属于诉讼程序", "请向人民法院起诉", HANDLER, null, at("2024-02-08T10:30")));
            assertThat(h).filteredOn(TimeLimitStoppedEvent.class::isInstance)
                    .extracting(e -> ((TimeLimitStoppedEvent) e).stage()).doesNotContain(Stage.NOTIFY);
            fixture.given(h)
                    .when(notice(NoticeKind.NOT_ACCEPTED, "2024-02-09T09:00"))
                    .expectEvents(new PetitionerNotifiedEvent(ID, TOWN, NoticeKind.NOT_ACCEPTED, NoticeMode.POST, "告知书", HANDLER,
                                    at("2024-02-09T09:00"), at("2024-02-09T09:00")),
                            new TimeLimitStoppedEvent(ID, Stage.NOTIFY, at("2024-02-23T17:30"), true, StopReason.COMPLETED,
                                    at("2024-02-09T09:00"), at("2024-02-09T09:00")));
        }

        @Test
        void aNotAcceptedNoticeOnACaseNotDeclinedIsRefused() {
            fixture.given(history(register(Track.SIMPLE, "2024-02-08T10:00")))
                    .when(notice(NoticeKind.NOT_ACCEPTED, "2024-02-08T11:00"))
                    .expectException(refused(RuleCode.NOTICE_KIND_MISMATCH))
                    .expectNoEvents();
        }

        @Test
        void aSecondNoticeIsRefused() {
            List<Object> h = history(register(Track.SIMPLE, "2024-02-08T10:00"), sign("2024-02-08T10:10"), accept("2024-02-08T10:20"),
                    notice(NoticeKind.ACCEPTED, "2024-02-09T09:00"));
            fixture.given(h)
                    .when(notice(NoticeKind.ACCEPTED, "2024-02-09T10:00"))
                    .expectException(refused(RuleCode.STEP_NOT_ALLOWED))
                    .expectNoEvents();
        }

        @Test
        void onlyAHandlerOfTheUnitGivesTheNotice() {
            List<Object> h = history(register(Track.SIMPLE, "2024-02-08T10:00"), sign("2024-02-08T10:10"), accept("2024-02-08T10:20"));
            fixture.given(h)
                    .when(new NotifyPetitionerCommand(ID, NoticeKind.ACCEPTED, NoticeMode.POST, "告知书", VILLAGE_HANDLER, null,
                            at("2024-02-09T09:00")))
                    .expectException(refused(RuleCode.NOT_HANDLER_OF_UNIT))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------ 送达

    @Nested
    class Delivery {

        @Test
        @DisplayName("送达停止办结时限；复查申请期限 30 日（03-01 送达 → 04-01 17:30，03-31 为星期日）")
        void deliveryStopsConcludeAndOpensTheReviewWindow() {
            List<Object> events = run(fixture, history(toOpinion()), deliverAt(ID, "2024-03-01T10:00")).payloads;
            ReplyDeliveredEvent d = first(events, ReplyDeliveredEvent.class);
            assertThat(d.reviewRequestDeadline()).isEqualTo(at("2024-04-01T17:30"));
            assertThat(d.concludes()).isFalse();
            TimeLimitStoppedEvent stop = first(events, TimeLimitStoppedEvent.class);
            assertThat(stop.stage()).isEqualTo(Stage.CONCLUDE);
            assertThat(stop.reason()).isEqualTo(StopReason.COMPLETED);
            assertThat(stop.met()).isTrue();
        }

        @Test
        @DisplayName("复查申请期限跨春节：01-12 送达 → 第 30 日 02-11 放假 → 02-18（调休上班）17:30")
        void theReviewWindowAcrossTheSpringFestival() {
            List<Object> h = history(register(Track.SIMPLE, "2024-01-08T09:00"), sign("2024-01-08T09:10"), accept("2024-01-08T09:20"),
                    respond("2024-01-08T09:30"), meet(MeetingKind.HANDLING, "2024-01-09T09:00"), opinion("2024-01-11T10:00"));
            ReplyDeliveredEvent d = first(run(fixture, h, deliverAt(ID, "2024-01-12T10:00")).payloads, ReplyDeliveredEvent.class);
            assertThat(d.reviewRequestDeadline()).isEqualTo(at("2024-02-18T17:30"));
        }

        @Test
        void deliveryBeforeTheOpinionIsRefused() {
            fixture.given(history(register(Track.SIMPLE, "2024-02-26T09:00"), sign("2024-02-26T09:10"), accept("2024-02-26T09:20")))
                    .when(deliverAt(ID, "2024-02-26T10:00"))
                    .expectException(refused(RuleCode.STEP_NOT_ALLOWED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("办结后仍可送达；送达前办结时限不停止")
        void aResolvedCaseIsStillDelivered() {
            List<Object> h = history(toOpinion());
            h.addAll(history(h, meet(MeetingKind.CONCLUSION, "2024-02-29T11:00"), resolve("2024-02-29T11:30")));
            assertThat(h).filteredOn(TimeLimitStoppedEvent.class::isInstance)
                    .extracting(e -> ((TimeLimitStoppedEvent) e).stage()).doesNotContain(Stage.CONCLUDE);
            List<Object> events = run(fixture, h, deliverAt(ID, "2024-03-01T10:00")).payloads;
            assertThat(first(events, TimeLimitStoppedEvent.class).stage()).isEqualTo(Stage.CONCLUDE);
        }

        @Test
        void deliveryTwiceIsRefused() {
            List<Object> h = history(toOpinion());
            h.addAll(history(h, deliverAt(ID, "2024-03-01T10:00")));
            fixture.given(h)
                    .when(deliverAt(ID, "2024-03-01T11:00"))
                    .expectException(refused(RuleCode.STEP_NOT_ALLOWED))
                    .expectNoEvents();
        }
    }

    /** Commands run on top of an existing history; answers only the new events. */
    static List<Object> history(List<Object> given, Object... commands) {
        List<Object> h = new ArrayList<>(given);
        List<Object> added = new ArrayList<>();
        for (Object cmd : commands) {
            List<Object> events = run(fixture(), h, cmd).payloads;
            h.addAll(events);
            added.addAll(events);
        }
        return added;
    }

    // ------------------------------------------------------------ 复查 / 复核

    @Nested
    class Reviews {

        List<Object> delivered(String when) {
            List<Object> h = history(toOpinion());
            h.addAll(history(h, deliverAt(ID, when)));
            return h;
        }

        @Test
        @DisplayName("复查申请：送达后 30 日内，记录申请")
        void aReviewIsRequestedWithinTheWindow() {
            fixture.given(delivered("2024-03-01T10:00"))
                    .when(requestReview(ID, "2024-04-01T17:30"))
                    .expectEvents(new ReviewRequestedEvent(ID, REVIEW_ID, ReviewLevel.REVIEW, TOWN, "对处理意见不服", HANDLER,
                            at("2024-04-01T17:30"), at("2024-04-01T17:30")));
        }

        @Test
        @DisplayName("超过复查申请期限：review-window-closed")
        void aReviewAfterTheWindowIsRefused() {
            fixture.given(delivered("2024-03-01T10:00"))
                    .when(requestReview(ID, "2024-04-01T17:31"))
                    .expectException(refused(RuleCode.REVIEW_WINDOW_CLOSED, at("2024-04-01T17:30")))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("未送达：reply-not-delivered")
        void aReviewBeforeDeliveryIsRefused() {
            fixture.given(history(toOpinion()))
                    .when(requestReview(ID, "2024-03-01T10:00"))
                    .expectException(refused(RuleCode.REPLY_NOT_DELIVERED))
                    .expectNoEvents();
        }

        @Test
        void aSecondReviewOfTheSameCaseIsRefused() {
            List<Object> h = delivered("2024-03-01T10:00");
            h.addAll(history(h, requestReview(ID, "2024-03-05T10:00")));
            fixture.given(h)
                    .when(requestReview(ID, "2024-03-06T10:00"))
                    .expectException(refused(RuleCode.REVIEW_ALREADY_REQUESTED))
                    .expectNoEvents();
        }

        @Test
        void anAuditorCannotRequestAReview() {
            fixture.given(delivered("2024-03-01T10:00"))
                    .when(new RequestReviewCommand(ID, REVIEW_ID, TOWN, "不服", AUDITOR, null, at("2024-03-05T10:00")))
                    .expectException(refused(RuleCode.ROLE_NOT_PERMITTED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("复查事项：一个计时环节，复查决定 30 日（01-31 申请 → 03-01 17:30，跨春节与月末）")
        void aReviewCaseRunsOneStageOfThirtyDays() {
            List<Object> events = run(fixture, List.of(), reviewCase(ReviewLevel.REVIEW, "2024-01-31T10:00")).payloads;
            PetitionRegisteredEvent r = first(events, PetitionRegisteredEvent.class);
            assertThat(r.parentCaseId()).isEqualTo(ID);
            assertThat(r.reviewLevel()).isEqualTo(ReviewLevel.REVIEW);
            List<TimeLimit> started = events.stream().filter(TimeLimitStartedEvent.class::isInstance)
                    .map(e -> ((TimeLimitStartedEvent) e).timeLimit()).toList();
            assertThat(started).extracting(TimeLimit::stage).containsExactly(Stage.REVIEW_DECISION);
            // 01-31 + 30 days = Fri 03-01 (2024 is a leap year)
            assertThat(started.get(0).due()).isEqualTo(at("2024-03-01T17:30"));
            // working days 02-01..03-01: 19 (with Sun 02-04 and Sun 02-18) = 133 h; 75 % = 99 h 45 = 14 days + 1 h 45 →
            // the 15th working day, Mon 02-26, at 10:15
            assertThat(started.get(0).warning()).isEqualTo(at("2024-02-26T10:15"));
        }

        @Test
        @DisplayName("复查决定期限的第 30 日在春节假期：顺延至 02-18（调休上班日）")
        void aReviewDecisionDueInTheSpringFestivalMovesToTheMakeUpDay() {
            List<Object> events = run(fixture, List.of(), reviewCase(ReviewLevel.REVIEW, "2024-01-13T10:00")).payloads;
            TimeLimitStartedEvent s = first(events, TimeLimitStartedEvent.class);
            // 01-13 + 30 = Mon 02-12, a holiday → the next working day is Sun 02-18 (make-up)
            assertThat(s.timeLimit().due()).isEqualTo(at("2024-02-18T17:30"));
        }

        @Test
        @DisplayName("复查决定后送达：事项办结；对复查可申请复核")
        void aReviewCaseIsDecidedThenDeliveredAndClosed() {
            List<Object> h = history(reviewCase(ReviewLevel.REVIEW, "2024-03-05T10:00"));
            GiveReviewDecisionCommand decide = new GiveReviewDecisionCommand(REVIEW_ID, ReviewDecision.UPHELD, "维持原处理意见",
                    HANDLER, null, at("2024-03-20T10:00"));
            List<Object> decided = run(fixture, h, decide).payloads;
            assertThat(first(decided, ReviewDecidedEvent.class).decision()).isEqualTo(ReviewDecision.UPHELD);
            assertThat(first(decided, TimeLimitStoppedEvent.class).stage()).isEqualTo(Stage.REVIEW_DECISION);
            h.addAll(decided);
            List<Object> deliveredEvents = run(fixture(), h, deliverAt(REVIEW_ID, "2024-03-21T10:00")).payloads;
            ReplyDeliveredEvent d = first(deliveredEvents, ReplyDeliveredEvent.class);
            assertThat(d.concludes()).isTrue();
            // 03-21 + 30 = Sat 04-20 → Mon 04-22
            assertThat(d.reviewRequestDeadline()).isEqualTo(at("2024-04-22T17:30"));
            h.addAll(deliveredEvents);
            CaseLifecycle l = CaseLifecycle.none();
            for (Object e : h) {
                l = l.evolve(e);
            }
            assertThat(l.status()).isEqualTo(CaseStatus.RESOLVED);
            assertThat(l.nextReviewLevel()).isEqualTo(ReviewLevel.RE_REVIEW);
            fixture().given(h)
                    .when(new RequestReviewCommand(REVIEW_ID, new CaseId("review-2"), TOWN, "不服复查", HANDLER, null,
                            at("2024-03-25T10:00")))
                    .expectEvents(new ReviewRequestedEvent(REVIEW_ID, new CaseId("review-2"), ReviewLevel.RE_REVIEW, TOWN, "不服复查",
                            HANDLER, at("2024-03-25T10:00"), at("2024-03-25T10:00")));
        }

        @Test
        @DisplayName("复核后不再受理：review-exhausted")
        void aReReviewCannotBeReviewedAgain() {
            List<Object> h = history(reviewCase(ReviewLevel.RE_REVIEW, "2024-03-05T10:00"));
            h.addAll(history(h, new GiveReviewDecisionCommand(REVIEW_ID, ReviewDecision.CHANGED, "变更", HANDLER, null,
                    at("2024-03-20T10:00")), deliverAt(REVIEW_ID, "2024-03-21T10:00")));
            assertThat(first(h, ReplyDeliveredEvent.class).reviewRequestDeadline()).isNull();
            fixture.given(h)
                    .when(new RequestReviewCommand(REVIEW_ID, new CaseId("review-3"), TOWN, "再次申请", HANDLER, null,
                            at("2024-03-25T10:00")))
                    .expectException(refused(RuleCode.REVIEW_EXHAUSTED))
                    .expectNoEvents();
        }

        @Test
        void aReviewCaseIsNotSigned() {
            fixture.given(history(reviewCase(ReviewLevel.REVIEW, "2024-03-05T10:00")))
                    .when(new SignPetitionCommand(REVIEW_ID, HANDLER, null, at("2024-03-05T11:00")))
                    .expectException(refused(RuleCode.STEP_NOT_ALLOWED))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------ 检举控告 (第三十条)

    @Nested
    class Accusations {

        RegisterPetitionCommand accusation(String into, String accused, Actor by) {
            return new RegisterPetitionCommand(ID, "2024-000003", Track.GENERAL, Channel.LETTER, Category.ACCUSATION, PETITIONER, 1,
                    "举报村干部", "反映村干部侵占补偿款", into, accused, by, null, at("2024-03-04T09:00"));
        }

        @Test
        @DisplayName("检举控告须指明被检举单位")
        void anAccusationNamesTheAccusedUnit() {
            fixture.givenNoPriorActivity()
                    .when(accusation(TOWN, null, SUPERVISOR))
                    .expectException(refused(RuleCode.ACCUSED_UNIT_REQUIRED))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("不得登记给被检举单位或其下属单位")
        void anAccusationIsNotRegisteredIntoTheAccusedUnitOrAUnitUnderIt() {
            fixture.givenNoPriorActivity()
                    .when(accusation(VILLAGE, VILLAGE, SUPERVISOR))
                    .expectException(refused(RuleCode.ACCUSED_UNIT, VILLAGE, VILLAGE))
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(accusation(VILLAGE, TOWN, SUPERVISOR))
                    .expectException(refused(RuleCode.ACCUSED_UNIT, TOWN, VILLAGE))
                    .expectNoEvents();
        }

        @Test
        void theAccusedUnitIsRecorded() {
            PetitionRegisteredEvent e = first(run(fixture, List.of(), accusation(TOWN, VILLAGE, SUPERVISOR)).payloads,
                    PetitionRegisteredEvent.class);
            assertThat(e.accusedUnit()).isEqualTo(VILLAGE);
        }

        @Test
        @DisplayName("不得转送给被检举单位：accused-unit")
        void anAccusationIsNotTransferredToTheAccused() {
            fixture.given(history(accusation(TOWN, VILLAGE, SUPERVISOR)))
                    .when(new TransferPetitionCommand(ID, VILLAGE, "属地管理", SUPERVISOR, null, at("2024-03-04T10:00")))
                    .expectException(refused(RuleCode.ACCUSED_UNIT, VILLAGE, VILLAGE))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("被检举单位登记后交办出去的，不得退回给它")
        void anAccusationAssignedAwayFromTheAccusedIsNotReturnedToIt() {
            List<Object> h = history(accusation(TOWN, VILLAGE, VILLAGE_HANDLER));
            PetitionTransferredEvent assigned = first(h, PetitionTransferredEvent.class);
            assertThat(assigned.kind()).isEqualTo(TransferKind.ASSIGNMENT);
            assertThat(assigned.fromUnit()).isEqualTo(VILLAGE);
            fixture.given(h)
                    .when(new ReturnPetitionCommand(ID, "不属本镇", HANDLER, null, at("2024-03-04T10:00")))
                    .expectException(refused(RuleCode.ACCUSED_UNIT, VILLAGE, VILLAGE))
                    .expectNoEvents();
        }

        @Test
        void aComplaintKeepsNoAccusedUnit() {
            RegisterPetitionCommand c = register(Track.SIMPLE, "2024-03-04T09:00");
            RegisterPetitionCommand withAccused = new RegisterPetitionCommand(c.caseId(), c.caseNo(), c.track(), c.channel(),
                    c.category(), c.petitioner(), 1, c.subject(), c.content(), c.unit(), VILLAGE, HANDLER, null, c.recordedAt());
            assertThat(first(run(fixture, List.of(), withAccused).payloads, PetitionRegisteredEvent.class).accusedUnit()).isNull();
        }
    }

    // ------------------------------------------------------------ 交办

    @Nested
    class Assignment {

        @Test
        @DisplayName("经办人为其他单位登记：本单位为首接单位，交办给该单位，时限为其起算")
        void registeringForAnotherUnitAssignsTheCase() {
            RegisterPetitionCommand c = new RegisterPetitionCommand(ID, "2024-000001", Track.SIMPLE, Channel.VISIT, Category.COMPLAINT,
                    PETITIONER, 1, "宅基地纠纷", "反映邻里宅基地边界纠纷", VILLAGE, null, HANDLER, null, at("2024-03-04T09:00"));
            List<Object> events = run(fixture, List.of(), c).payloads;
            PetitionRegisteredEvent r = (PetitionRegisteredEvent) events.get(0);
            assertThat(r.unit()).isEqualTo(TOWN);
            assertThat(r.firstUnit()).isEqualTo(TOWN);
            PetitionTransferredEvent t = (PetitionTransferredEvent) events.get(1);
            assertThat(t.kind()).isEqualTo(TransferKind.ASSIGNMENT);
            assertThat(t.fromUnit()).isEqualTo(TOWN);
            assertThat(t.toUnit()).isEqualTo(VILLAGE);
            // Mon 03-04 + 5 working days → Mon 03-11 17:30
            assertThat(t.returnableUntil()).isEqualTo(at("2024-03-11T17:30"));
            List<TimeLimitStartedEvent> started = events.stream().filter(TimeLimitStartedEvent.class::isInstance)
                    .map(TimeLimitStartedEvent.class::cast).toList();
            assertThat(started).extracting(s -> s.timeLimit().stage()).containsExactly(Stage.SIGN, Stage.NOTIFY);
            assertThat(started).extracting(TimeLimitStartedEvent::unit).containsOnly(VILLAGE);
            assertThat(events).noneMatch(TimeLimitStoppedEvent.class::isInstance);
        }

        @Test
        @DisplayName("被交办单位可在 5 个工作日内退回")
        void theAssignedUnitMayReturnIt() {
            List<Object> h = history(new RegisterPetitionCommand(ID, "2024-000001", Track.SIMPLE, Channel.VISIT, Category.COMPLAINT,
                    PETITIONER, 1, "宅基地纠纷", "反映邻里宅基地边界纠纷", VILLAGE, null, HANDLER, null, at("2024-03-04T09:00")));
            PetitionReturnedEvent back = first(run(fixture, h, new ReturnPetitionCommand(ID, "不属本村", VILLAGE_HANDLER, null,
                    at("2024-03-11T17:00"))).payloads, PetitionReturnedEvent.class);
            assertThat(back.toUnit()).isEqualTo(TOWN);
        }

        @Test
        void aSupervisorRegistersStraightIntoTheUnit() {
            RegisterPetitionCommand c = new RegisterPetitionCommand(ID, "2024-000001", Track.SIMPLE, Channel.VISIT, Category.COMPLAINT,
                    PETITIONER, 1, "宅基地纠纷", "反映邻里宅基地边界纠纷", VILLAGE, null, SUPERVISOR, null, at("2024-03-04T09:00"));
            List<Object> events = run(fixture, List.of(), c).payloads;
            assertThat(((PetitionRegisteredEvent) events.get(0)).unit()).isEqualTo(VILLAGE);
            assertThat(events).noneMatch(PetitionTransferredEvent.class::isInstance);
        }
    }

    // ------------------------------------------------------------ 处理意见 by category, 满意度来源

    @Nested
    class Outcomes {

        List<Object> handlingMet(Category category) {
            RegisterPetitionCommand c = new RegisterPetitionCommand(ID, "2024-000001", Track.SIMPLE, Channel.ONLINE, category,
                    PETITIONER, 1, "建议增设公交站", "建议在一村路口增设公交站", TOWN, null, HANDLER, null, at("2024-03-04T09:00"));
            return history(c, sign("2024-03-04T09:10"), accept("2024-03-04T09:20"), respond("2024-03-04T09:30"),
                    meet(MeetingKind.HANDLING, "2024-03-05T09:00"));
        }

        GiveOpinionCommand decide(Decision d) {
            return new GiveOpinionCommand(ID, d, "处理意见", HANDLER, null, at("2024-03-06T09:00"));
        }

        @Test
        @DisplayName("建议意见类：采纳 / 部分采纳 / 不予采纳")
        void aProposalIsAdoptedOrNot() {
            assertThat(first(run(fixture, handlingMet(Category.PROPOSAL), decide(Decision.PARTLY_ADOPTED)).payloads,
                    OpinionGivenEvent.class).decision()).isEqualTo(Decision.PARTLY_ADOPTED);
            fixture.given(handlingMet(Category.PROPOSAL))
                    .when(decide(Decision.SUPPORTED))
                    .expectException(refused(RuleCode.DECISION_NOT_FOR_CATEGORY, Decision.SUPPORTED, Category.PROPOSAL))
                    .expectNoEvents();
        }

        @Test
        void aComplaintIsNotAdopted() {
            fixture.given(handlingMet(Category.COMPLAINT))
                    .when(decide(Decision.ADOPTED))
                    .expectException(refused(RuleCode.DECISION_NOT_FOR_CATEGORY, Decision.ADOPTED, Category.COMPLAINT))
                    .expectNoEvents();
        }

        @Test
        @DisplayName("满意度记录评价来源（条例 第二十一条）")
        void theRatingRecordsItsSource() {
            List<Object> h = history(toOpinion());
            h.addAll(history(h, meet(MeetingKind.CONCLUSION, "2024-02-29T11:00")));
            ResolvePetitionCommand r = new ResolvePetitionCommand(ID, "已化解", Satisfaction.BASICALLY_SATISFIED,
                    SatisfactionSource.PETITIONER_ONLINE, HANDLER, null, at("2024-02-29T12:00"));
            PetitionResolvedEvent e = first(run(fixture, h, r).payloads, PetitionResolvedEvent.class);
            assertThat(e.satisfactionSource()).isEqualTo(SatisfactionSource.PETITIONER_ONLINE);
            ResolvePetitionCommand none = new ResolvePetitionCommand(ID, "已化解", null, null, HANDLER, null, at("2024-02-29T12:00"));
            assertThat(first(run(fixture(), h, none).payloads, PetitionResolvedEvent.class).satisfactionSource())
                    .isEqualTo(SatisfactionSource.NOT_GIVEN);
        }
    }

    // ------------------------------------------------------------ 单位负责人

    @Test
    @DisplayName("本单位负责人可批准免除见面；其他单位负责人不可")
    void theLeaderOfTheUnitWaivesAMeeting() {
        List<Object> h = history(register(Track.SIMPLE, "2024-03-04T09:00"), sign("2024-03-04T09:10"), accept("2024-03-04T09:20"));
        Instant at = at("2024-03-04T10:00");
        fixture.given(h)
                .when(new WaiveMeetingCommand(ID, MeetingKind.HANDLING, "信访人拒绝见面", LEADER, null, at))
                .expectSuccessfulHandlerExecution();
        fixture().given(h)
                .when(new WaiveMeetingCommand(ID, MeetingKind.HANDLING, "信访人拒绝见面", new Actor("v", VILLAGE, Role.LEADER), null, at))
                .expectException(refused(RuleCode.ROLE_NOT_PERMITTED))
                .expectNoEvents();
    }
}
