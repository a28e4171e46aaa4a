package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.StopReason;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.command.ReplyToSupervisionCommand;
import cn.xinfang.petition.api.command.SuperviseCaseCommand;
import cn.xinfang.petition.api.event.CaseSupervisedEvent;
import cn.xinfang.petition.api.event.SupervisionRepliedEvent;
import cn.xinfang.petition.api.event.TimeLimitStartedEvent;
import cn.xinfang.petition.api.event.TimeLimitStoppedEvent;
import cn.xinfang.petition.time.SupervisionLimits;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static cn.xinfang.petition.domain.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 督办 of a case (issue 16), given/when/then: the stage SUPERVISION with the supervisor's limit,
 * counted by hand (2024: working hours 08:30–12:00, 14:00–17:30).
 */
class SupervisionOfACaseTest {

    static final LimitAmount THREE_DAYS = LimitAmount.workingDays(3);
    static final Instant RECORDED = at("2024-03-01T09:00");

    AggregateTestFixture<PetitionCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PetitionCase.class);
        fixture.registerInjectableResource(rules());
        fixture.registerInjectableResource(UNITS);
    }

    static SuperviseCaseCommand supervise(cn.xinfang.petition.api.Actor who) {
        return new SuperviseCaseCommand(ID, "尽快办理", THREE_DAYS, who, at("2024-02-26T10:00"), RECORDED);
    }

    /** The state after the supervision (the limit as the engine computes it: only the fixture's state). */
    static Object[] supervised() {
        TimeLimit limit = SupervisionLimits.compute(THREE_DAYS, at("2024-02-26T10:00"), rules());
        return new Object[]{registered(Track.SIMPLE, "2024-02-26T09:00"),
                new CaseSupervisedEvent(ID, TOWN, "尽快办理", THREE_DAYS, limit.due(), SUPERVISOR, at("2024-02-26T10:00"), RECORDED),
                new TimeLimitStartedEvent(ID, TOWN, limit, at("2024-02-26T10:00"), RECORDED)};
    }

    @Test
    @DisplayName("督办 Mon 02-26 10:00，3 个工作日：02-27(1)、02-28(2)、02-29(3) → 02-29 17:30；预警 21 h × 75 % = 15 h 45 min → 02-29 10:15")
    void superviseStartsTheStage() {
        List<Object> events = new ArrayList<>();
        fixture.given(registered(Track.SIMPLE, "2024-02-26T09:00"))
                .when(supervise(SUPERVISOR))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(new BaseMatcher<List<EventMessage<?>>>() {
                    @Override
                    public boolean matches(Object actual) {
                        ((List<?>) actual).forEach(m -> events.add(((EventMessage<?>) m).getPayload()));
                        return true;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("any events");
                    }
                });
        assertThat(events).hasSize(2);
        CaseSupervisedEvent s = (CaseSupervisedEvent) events.get(0);
        assertThat(s.due()).isEqualTo(at("2024-02-29T17:30"));
        assertThat(s.unit()).isEqualTo(TOWN);
        TimeLimit limit = ((TimeLimitStartedEvent) events.get(1)).timeLimit();
        assertThat(limit.stage()).isEqualTo(Stage.SUPERVISION);
        assertThat(limit.due()).isEqualTo(at("2024-02-29T17:30"));
        assertThat(limit.warning()).isEqualTo(at("2024-02-29T10:15"));
    }

    @Test
    @DisplayName("只有督查人员可以督办；督办中不能再督办")
    void refusals() {
        fixture.given(registered(Track.SIMPLE, "2024-02-26T09:00"))
                .when(supervise(HANDLER))
                .expectException(refused(RuleCode.SUPERVISOR_REQUIRED, Role.HANDLER));
        fixture.given(supervised())
                .when(supervise(SUPERVISOR))
                .expectException(refused(RuleCode.SUPERVISION_ALREADY_OPEN, at("2024-02-29T17:30")));
    }

    @Test
    @DisplayName("承办单位回复后督办环节停止（按期）；他单位不能回复；未督办不能回复")
    void replyStopsTheStage() {
        fixture.given(registered(Track.SIMPLE, "2024-02-26T09:00"))
                .when(new ReplyToSupervisionCommand(ID, "已办", HANDLER, at("2024-02-28T10:00"), RECORDED))
                .expectException(refused(RuleCode.SUPERVISION_NOT_OPEN));
        fixture.given(supervised())
                .when(new ReplyToSupervisionCommand(ID, "已办", VILLAGE_HANDLER, at("2024-02-28T10:00"), RECORDED))
                .expectException(refused(RuleCode.NOT_OF_UNIT, TOWN));
        fixture.given(supervised())
                .when(new ReplyToSupervisionCommand(ID, "已按要求办理", HANDLER, at("2024-02-28T10:00"), RECORDED))
                .expectEvents(new SupervisionRepliedEvent(ID, TOWN, "已按要求办理", HANDLER, at("2024-02-28T10:00"), RECORDED),
                        new TimeLimitStoppedEvent(ID, Stage.SUPERVISION, at("2024-02-29T17:30"), true, StopReason.COMPLETED,
                                at("2024-02-28T10:00"), RECORDED));
    }
}
