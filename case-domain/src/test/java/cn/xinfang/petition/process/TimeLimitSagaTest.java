package cn.xinfang.petition.process;

import cn.xinfang.petition.api.*;
import cn.xinfang.petition.api.command.RecordTimeLimitBreachCommand;
import cn.xinfang.petition.api.command.RecordTimeLimitWarningCommand;
import cn.xinfang.petition.api.event.*;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static cn.xinfang.petition.domain.CaseFixtures.*;

/** The time-limit saga on an explicit timeline (Asia/Shanghai local times). */
class TimeLimitSagaTest {

    static final String T0 = "2024-03-04T09:00";

    SagaTestFixture<TimeLimitSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(TimeLimitSaga.class);
        fixture.registerResource(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return fixture.currentTime();
            }
        });
    }

    /** Every stage of both tracks that runs against a limit. */
    static Stream<Arguments> stages() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (Track track : Track.values()) {
            for (Stage stage : Stage.values()) {
                if (CALC.start(track, stage, at(T0)).isPresent()) {
                    b.add(Arguments.of(track, stage));
                }
            }
        }
        return b.build();
    }

    /**
     * A limit as an event carries it. The saga computes nothing: it schedules the instants it is
     * given, so where they come from does not matter here (the case tests count them by hand).
     */
    static TimeLimit eventLimit(Track track, Stage stage, String start) {
        return CALC.start(track, stage, at(start)).orElseThrow();
    }

    static TimeLimitStartedEvent startedAt(Track track, Stage stage, String start) {
        return new TimeLimitStartedEvent(ID, TOWN, eventLimit(track, stage, start), at(start), at(start));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stages")
    @DisplayName("环节开始：按事件中的预警与到期时间安排两个期限")
    void aStartedStageSchedulesItsWarningAndDue(Track track, Stage stage) {
        TimeLimit l = eventLimit(track, stage, T0);
        fixture.givenCurrentTime(at(T0))
                .andThenAggregate(ID.value()).published(registered(track, T0))
                .whenAggregate(ID.value()).publishes(startedAt(track, stage, T0))
                .expectScheduledDeadline(l.warning(), new StageDeadline(ID, stage, l.due()))
                .expectScheduledDeadline(l.due(), new StageDeadline(ID, stage, l.due()))
                .expectScheduledDeadlineWithName(l.warning(), DeadlineNames.WARNING)
                .expectScheduledDeadlineWithName(l.due(), DeadlineNames.DUE)
                .expectNoDispatchedCommands();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stages")
    @DisplayName("到达预警时间：请求记录预警")
    void theWarningFiresAtItsInstant(Track track, Stage stage) {
        TimeLimit l = eventLimit(track, stage, T0);
        fixture.givenCurrentTime(at(T0))
                .andThenAggregate(ID.value()).published(registered(track, T0), startedAt(track, stage, T0))
                .whenTimeAdvancesTo(l.warning())
                .expectDeadlinesMet(new StageDeadline(ID, stage, l.due()))
                .expectDispatchedCommands(new RecordTimeLimitWarningCommand(ID, stage, l.due(), l.warning()))
                .expectScheduledDeadlineWithName(l.due(), DeadlineNames.DUE);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stages")
    @DisplayName("到达到期时间：先预警，再记录超期")
    void theDueDeadlineFiresAtItsInstant(Track track, Stage stage) {
        TimeLimit l = eventLimit(track, stage, T0);
        fixture.givenCurrentTime(at(T0))
                .andThenAggregate(ID.value()).published(registered(track, T0), startedAt(track, stage, T0))
                .whenTimeAdvancesTo(l.due())
                // the fixture fires both with its clock already at the target time
                .expectDispatchedCommands(new RecordTimeLimitWarningCommand(ID, stage, l.due(), l.due()),
                        new RecordTimeLimitBreachCommand(ID, stage, l.due(), l.due()))
                .expectNoScheduledDeadlines();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stages")
    @DisplayName("按时完成：两个期限均被取消")
    void stoppingTheStageCancelsBothDeadlines(Track track, Stage stage) {
        TimeLimit l = eventLimit(track, stage, T0);
        fixture.givenCurrentTime(at(T0))
                .andThenAggregate(ID.value()).published(registered(track, T0), startedAt(track, stage, T0))
                .whenAggregate(ID.value()).publishes(new TimeLimitStoppedEvent(ID, stage, l.due(), true,
                        StopReason.COMPLETED, at("2024-03-04T09:10"), at("2024-03-04T09:10")))
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    @DisplayName("延期：旧期限取消，按新时间重新安排")
    void anExtensionMovesTheDeadlines() {
        TimeLimit l = eventLimit(Track.SIMPLE, Stage.OPINION, T0);
        TimeLimit extended = CALC.extend(l, Track.SIMPLE, LimitAmount.workingDays(2));
        fixture.givenCurrentTime(at(T0))
                .andThenAggregate(ID.value()).published(registered(Track.SIMPLE, T0), startedAt(Track.SIMPLE, Stage.OPINION, T0))
                .whenAggregate(ID.value()).publishes(new TimeLimitExtendedEvent(ID, Stage.OPINION, LimitAmount.workingDays(2),
                        "补充调查", "supervisor", at(T0), l.due(), extended, SUPERVISOR, at(T0), at(T0)))
                .expectScheduledDeadline(extended.due(), new StageDeadline(ID, Stage.OPINION, extended.due()))
                .expectScheduledDeadline(extended.warning(), new StageDeadline(ID, Stage.OPINION, extended.due()))
                .expectNoScheduledDeadline(l.due(), new StageDeadline(ID, Stage.OPINION, l.due()))
                .expectNoScheduledDeadline(l.warning(), new StageDeadline(ID, Stage.OPINION, l.due()))
                .expectNoDispatchedCommands();
    }

    @Test
    @DisplayName("重算：旧期限取消，按重算后的时间安排")
    void aRecomputationMovesTheDeadlines() {
        TimeLimit l = eventLimit(Track.SIMPLE, Stage.OPINION, T0);
        TimeLimit general = eventLimit(Track.GENERAL, Stage.OPINION, T0);
        fixture.givenCurrentTime(at(T0))
                .andThenAggregate(ID.value()).published(registered(Track.SIMPLE, T0), startedAt(Track.SIMPLE, Stage.OPINION, T0))
                .whenAggregate(ID.value()).publishes(new TimeLimitRecomputedEvent(ID, Stage.OPINION, RecomputeReason.RECLASSIFIED,
                        "v", l.due(), l.warning(), general, SUPERVISOR, at(T0), at(T0)))
                .expectScheduledDeadline(general.due(), new StageDeadline(ID, Stage.OPINION, general.due()))
                .expectScheduledDeadline(general.warning(), new StageDeadline(ID, Stage.OPINION, general.due()))
                .expectNoDispatchedCommands();
    }

    @Test
    @DisplayName("补录的已过期事项：立即先预警后超期，不留期限")
    void aBackEnteredStageAlreadyPastIsWarnedThenBreachedAtOnce() {
        String start = "2024-02-01T09:00";
        TimeLimit l = eventLimit(Track.SIMPLE, Stage.SIGN, start);
        fixture.givenCurrentTime(at(T0))
                .andThenAggregate(ID.value()).published(registered(Track.SIMPLE, start))
                .whenAggregate(ID.value()).publishes(startedAt(Track.SIMPLE, Stage.SIGN, start))
                .expectDispatchedCommands(new RecordTimeLimitWarningCommand(ID, Stage.SIGN, l.due(), at(T0)),
                        new RecordTimeLimitBreachCommand(ID, Stage.SIGN, l.due(), at(T0)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aStageWhoseWarningIsPastIsWarnedAtOnceAndItsDueScheduled() {
        // accepted Mon 03-04 09:00, opinion due Mon 03-11 17:30, warning Fri 03-08 ~ (75 % of 35 h)
        TimeLimit l = eventLimit(Track.SIMPLE, Stage.OPINION, T0);
        Instant now = l.warning().plusSeconds(60);
        fixture.givenCurrentTime(now)
                .andThenAggregate(ID.value()).published(registered(Track.SIMPLE, T0))
                .whenAggregate(ID.value()).publishes(startedAt(Track.SIMPLE, Stage.OPINION, T0))
                .expectDispatchedCommands(new RecordTimeLimitWarningCommand(ID, Stage.OPINION, l.due(), now))
                .expectScheduledDeadlineWithName(l.due(), DeadlineNames.DUE);
    }

    @Test
    @DisplayName("超期由事项自己决定是否提级：流程不读政策，不发提级命令")
    void aBreachDispatchesNothing() {
        TimeLimit l = eventLimit(Track.SIMPLE, Stage.RESPOND, T0);
        fixture.givenCurrentTime(l.due())
                .andThenAggregate(ID.value()).published(registered(Track.SIMPLE, T0), startedAt(Track.SIMPLE, Stage.RESPOND, T0))
                .whenAggregate(ID.value()).publishes(new TimeLimitBreachedEvent(ID, TOWN, Stage.RESPOND, l.due(), l.due(), l.due()))
                .expectNoDispatchedCommands();
    }

    static TimeLimitStoppedEvent stoppedAt(Track track, Stage stage, String start, String when, StopReason reason) {
        TimeLimit l = eventLimit(track, stage, start);
        return new TimeLimitStoppedEvent(ID, stage, l.due(), !at(when).isAfter(l.due()), reason, at(when), at(when));
    }

    @Test
    @DisplayName("办结后送达前：办结时限仍在计时，流程继续")
    void aResolvedCaseWhoseReplyIsNotDeliveredKeepsItsDeadlines() {
        String a = "2024-03-04T10:00";
        TimeLimit conclude = eventLimit(Track.SIMPLE, Stage.CONCLUDE, a);
        fixture.givenCurrentTime(at(T0))
                .andThenAggregate(ID.value()).published(registered(Track.SIMPLE, T0), startedAt(Track.SIMPLE, Stage.CONCLUDE, a))
                .whenAggregate(ID.value()).publishes(resolved("2024-03-05T10:00"))
                .expectActiveSagas(1)
                .expectScheduledDeadline(conclude.due(), new StageDeadline(ID, Stage.CONCLUDE, conclude.due()));
    }

    @Test
    @DisplayName("办结且所有环节停止：撤销剩余期限，流程结束")
    void aClosedCaseWhoseLastStageStopsEndsTheSagaWithNothingScheduled() {
        String a = "2024-03-04T10:00";
        fixture.givenCurrentTime(at(T0))
                .andThenAggregate(ID.value()).published(registered(Track.SIMPLE, T0), startedAt(Track.SIMPLE, Stage.CONCLUDE, a),
                        resolved("2024-03-05T10:00"))
                .whenAggregate(ID.value()).publishes(stoppedAt(Track.SIMPLE, Stage.CONCLUDE, a, "2024-03-05T11:00",
                        StopReason.COMPLETED))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("不予受理：受理时限停止；书面告知仍在计时，流程继续，告知后结束")
    void decliningKeepsTheSagaUntilTheWrittenNoticeIsGiven() {
        TimeLimit notify = eventLimit(Track.GENERAL, Stage.NOTIFY, T0);
        fixture.givenCurrentTime(at(T0))
                .andThenAggregate(ID.value()).published(registered(Track.GENERAL, T0), startedAt(Track.GENERAL, Stage.ACCEPT, T0),
                        startedAt(Track.GENERAL, Stage.NOTIFY, T0), stoppedAt(Track.GENERAL, Stage.ACCEPT, T0, T0, StopReason.COMPLETED))
                .whenAggregate(ID.value()).publishes(new PetitionDeclinedEvent(ID, TOWN, "诉讼", "法院", HANDLER, at(T0), at(T0)))
                .expectActiveSagas(1)
                .expectScheduledDeadline(notify.due(), new StageDeadline(ID, Stage.NOTIFY, notify.due()));
        SagaTestFixture<TimeLimitSaga> f = new SagaTestFixture<>(TimeLimitSaga.class);
        f.givenCurrentTime(at(T0))
                .andThenAggregate(ID.value()).published(registered(Track.GENERAL, T0), startedAt(Track.GENERAL, Stage.NOTIFY, T0),
                        new PetitionDeclinedEvent(ID, TOWN, "诉讼", "法院", HANDLER, at(T0), at(T0)))
                .whenAggregate(ID.value()).publishes(stoppedAt(Track.GENERAL, Stage.NOTIFY, T0, "2024-03-04T10:00",
                        StopReason.COMPLETED))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void registrationStartsOneSaga() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID.value()).publishes(registered(Track.SIMPLE, T0))
                .expectActiveSagas(1)
                .expectAssociationWith("caseId", ID.value());
    }
}
