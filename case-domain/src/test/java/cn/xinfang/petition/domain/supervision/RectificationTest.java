package cn.xinfang.petition.domain.supervision;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.supervision.RectificationCommands;
import cn.xinfang.petition.api.supervision.RectificationEvents;
import cn.xinfang.petition.api.supervision.RectificationStatus;
import cn.xinfang.petition.domain.RuleCode;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static cn.xinfang.petition.domain.CaseFixtures.refused;
import static cn.xinfang.petition.domain.CaseFixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 整改 given/when/then. Instants counted by hand on the 2024 calendar: 春节 2024-02-10 … 02-17 off,
 * Sun 02-04 and Sun 02-18 make-up working days; working hours 08:30–12:00, 14:00–17:30 (7 h a day).
 */
class RectificationTest {

    static final Actor SUPERVISOR = new Actor("supervisor", null, Role.SUPERVISOR);
    static final Actor TOWN = new Actor("handler", "town", Role.HANDLER);
    static final Actor VILLAGE = new Actor("village1", "village-1", Role.HANDLER);
    static final String ID = "r-1";

    AggregateTestFixture<Rectification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Rectification.class);
        fixture.registerInjectableResource(rules());
    }

    static Instant at(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    /** Inspection on Thu 2024-02-08 (counting from the start of that day). */
    static RectificationCommands.Issue issue(LimitAmount limit) {
        return new RectificationCommands.Issue(ID, "i-1", 0, "town", "建立台账", limit, at("2024-02-08T00:00:00"), SUPERVISOR,
                at("2024-02-08T10:00:00"));
    }

    RectificationEvents.Issued issued() {
        List<Object> captured = new ArrayList<>();
        fixture.givenNoPriorActivity().when(issue(LimitAmount.workingDays(5)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(new BaseMatcher<List<EventMessage<?>>>() {
                    @Override
                    public boolean matches(Object actual) {
                        ((List<?>) actual).forEach(m -> captured.add(((EventMessage<?>) m).getPayload()));
                        return true;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("any events");
                    }
                });
        assertThat(captured).hasSize(1);
        return (RectificationEvents.Issued) captured.get(0);
    }

    @Test
    @DisplayName("督查 2024-02-08（周四），5 个工作日：02-09(1)、02-18 调休(2)、02-19(3)、02-20(4)、02-21(5) → 02-21 17:30；预警 75 %")
    void theWorkedExample() {
        RectificationEvents.Issued e = issued();
        // counted days: Fri 02-09, (02-10…02-17 春节), Sun 02-18 make-up, Mon 02-19, Tue 02-20, Wed 02-21
        assertThat(e.due()).isEqualTo(at("2024-02-21T17:30:00"));
        // 5 × 7 h = 35 h from Fri 02-09 08:30; 75 % = 26 h 15 min: 02-09 7 h, 02-18 7 h, 02-19 7 h (21 h),
        // 02-20 08:30–12:00 3 h 30 min (24 h 30 min), then 1 h 45 min from 14:00 → 15:45
        assertThat(e.warning()).isEqualTo(at("2024-02-20T15:45:00"));
        assertThat(e.explanation().countedDays()).extracting(Object::toString)
                .containsExactly("2024-02-09", "2024-02-18", "2024-02-19", "2024-02-20", "2024-02-21");
    }

    @Test
    @DisplayName("只有督查人员可以提出整改意见")
    void onlyASupervisorIssues() {
        fixture.givenNoPriorActivity()
                .when(new RectificationCommands.Issue(ID, "i-1", 0, "town", "x", LimitAmount.workingDays(5),
                        at("2024-02-08T00:00:00"), TOWN, at("2024-02-08T10:00:00")))
                .expectException(refused(RuleCode.SUPERVISOR_REQUIRED, Role.HANDLER));
    }

    @Test
    @DisplayName("预警与超期各记录一次；到期时间已变的定时不记录")
    void warningAndBreachOnce() {
        RectificationEvents.Issued e = issued();
        Instant due = e.due();
        fixture.given(e)
                .when(new RectificationCommands.RecordWarning(ID, due, at("2024-02-20T15:45:00")))
                .expectEvents(new RectificationEvents.WarningRaised(ID, "town", due, e.warning(), at("2024-02-20T15:45:00")));
        fixture.given(e, new RectificationEvents.WarningRaised(ID, "town", due, e.warning(), at("2024-02-20T15:45:00")))
                .when(new RectificationCommands.RecordWarning(ID, due, at("2024-02-20T15:46:00")))
                .expectNoEvents();
        fixture.given(e)
                .when(new RectificationCommands.RecordBreach(ID, due, at("2024-02-21T17:30:00")))
                .expectEvents(new RectificationEvents.Breached(ID, "town", due, at("2024-02-21T17:30:00")));
        fixture.given(e, new RectificationEvents.Breached(ID, "town", due, at("2024-02-21T17:30:00")))
                .when(new RectificationCommands.RecordBreach(ID, due, at("2024-02-21T17:31:00")))
                .expectNoEvents();
        fixture.given(e)
                .when(new RectificationCommands.RecordBreach(ID, at("2024-02-22T17:30:00"), at("2024-02-22T17:30:00")))
                .expectNoEvents();
    }

    @Test
    @DisplayName("整改报告只能由被督查单位提交；验收只能在报告之后；未通过则以新时限重新整改")
    void reportVerifyReopen() {
        RectificationEvents.Issued e = issued();
        fixture.given(e)
                .when(new RectificationCommands.Report(ID, "已整改", VILLAGE, at("2024-02-20T10:00:00"), at("2024-02-20T10:00:00")))
                .expectException(refused(RuleCode.NOT_OF_UNIT, "town"));
        fixture.given(e)
                .when(new RectificationCommands.Verify(ID, true, "通过", null, SUPERVISOR, at("2024-02-20T10:00:00"), at("2024-02-20T10:00:00")))
                .expectException(refused(RuleCode.RECTIFICATION_NOT_REPORTED, RectificationStatus.OPEN));
        RectificationEvents.Reported reported = new RectificationEvents.Reported(ID, "town", "已整改", true, TOWN,
                at("2024-02-20T10:00:00"), at("2024-02-20T10:00:00"));
        fixture.given(e)
                .when(new RectificationCommands.Report(ID, "已整改", TOWN, at("2024-02-20T10:00:00"), at("2024-02-20T10:00:00")))
                .expectEvents(reported);
        // rejected on Thu 2024-02-22 10:00, 3 working days: 02-23 (1), 02-26 (2), 02-27 (3) → Tue 02-27 17:30
        fixture.given(e, reported)
                .when(new RectificationCommands.Verify(ID, false, "台账不全", LimitAmount.workingDays(3), SUPERVISOR,
                        at("2024-02-22T10:00:00"), at("2024-02-22T10:00:00")))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(p -> p instanceof RectificationEvents.Reopened r
                                        && r.due().equals(at("2024-02-27T17:30:00"))),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
        fixture.given(e, reported)
                .when(new RectificationCommands.Verify(ID, true, "通过", null, SUPERVISOR, at("2024-02-22T10:00:00"), at("2024-02-22T10:00:00")))
                .expectEvents(new RectificationEvents.Closed(ID, "town", "通过", SUPERVISOR, at("2024-02-22T10:00:00"), at("2024-02-22T10:00:00")));
        fixture.given(e, reported, new RectificationEvents.Closed(ID, "town", "通过", SUPERVISOR, at("2024-02-22T10:00:00"), at("2024-02-22T10:00:00")))
                .when(new RectificationCommands.Report(ID, "再报", TOWN, at("2024-02-23T10:00:00"), at("2024-02-23T10:00:00")))
                .expectException(refused(RuleCode.RECTIFICATION_NOT_OPEN, RectificationStatus.CLOSED));
    }
}
