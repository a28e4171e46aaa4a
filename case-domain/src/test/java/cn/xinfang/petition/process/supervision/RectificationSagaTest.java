package cn.xinfang.petition.process.supervision;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.supervision.RectificationCommands;
import cn.xinfang.petition.api.supervision.RectificationEvents;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The rectification's deadlines: scheduled at the event's instants, recorded at once when past, sent when they fire. */
class RectificationSagaTest {

    static final String ID = "r-1";
    static final Actor SUPERVISOR = new Actor("supervisor", null, Role.SUPERVISOR);
    static final Instant DUE = at("2024-02-21T17:30:00");
    static final Instant WARNING = at("2024-02-20T15:45:00");

    SagaTestFixture<RectificationSaga> fixture;

    static Instant at(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    static RectificationEvents.Issued issued() {
        return new RectificationEvents.Issued(ID, "i-1", 0, "town", "整改", LimitAmount.workingDays(5), at("2024-02-08T00:00:00"),
                DUE, WARNING, null, SUPERVISOR, at("2024-02-08T10:00:00"));
    }

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RectificationSaga.class);
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

    @Test
    @DisplayName("整改意见：按事件中的预警与到期时间安排两个期限")
    void schedulesWarningAndDue() {
        fixture.givenCurrentTime(at("2024-02-08T10:00:00"))
                .whenAggregate(ID).publishes(issued())
                .expectScheduledDeadline(WARNING, new RectificationDeadline(ID, DUE))
                .expectScheduledDeadline(DUE, new RectificationDeadline(ID, DUE))
                .expectScheduledDeadlineWithName(WARNING, RectificationSaga.WARNING)
                .expectScheduledDeadlineWithName(DUE, RectificationSaga.DUE)
                .expectNoDispatchedCommands();
    }

    @Test
    @DisplayName("到期：先预警，再记录超期")
    void firesWarningThenBreach() {
        fixture.givenCurrentTime(at("2024-02-08T10:00:00"))
                .andThenAggregate(ID).published(issued())
                .whenTimeAdvancesTo(DUE)
                .expectDispatchedCommands(new RectificationCommands.RecordWarning(ID, DUE, DUE),
                        new RectificationCommands.RecordBreach(ID, DUE, DUE))
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("补录：时间已过，立即记录预警和超期")
    void pastInstantsAreRecordedAtOnce() {
        Instant now = at("2026-11-30T09:00:00");
        fixture.givenCurrentTime(now)
                .whenAggregate(ID).publishes(issued())
                .expectNoScheduledDeadlines()
                .expectDispatchedCommands(new RectificationCommands.RecordWarning(ID, DUE, now),
                        new RectificationCommands.RecordBreach(ID, DUE, now));
    }

    @Test
    @DisplayName("销号：流程结束")
    void endsWhenClosed() {
        fixture.givenCurrentTime(at("2024-02-08T10:00:00"))
                .andThenAggregate(ID).published(issued())
                .whenAggregate(ID).publishes(new RectificationEvents.Closed(ID, "town", "通过", SUPERVISOR,
                        at("2024-02-19T10:00:00"), at("2024-02-19T10:00:00")))
                .expectActiveSagas(0);
    }
}
