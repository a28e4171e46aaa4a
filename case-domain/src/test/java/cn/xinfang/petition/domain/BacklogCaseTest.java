package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.*;
import cn.xinfang.petition.api.command.*;
import cn.xinfang.petition.api.event.*;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.xinfang.petition.domain.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 as given/when/then histories: 包案 (one active leader with a plan), 包案推进 and its stage
 * LEADER_PROGRESS (hand-counted across the National Day holiday of 2024), 化解, 越级访, 重复访 and
 * 重点领域. Times are Asia/Shanghai local.
 */
class BacklogCaseTest {

    // Mon 2024-09-23; the National Day holiday is Tue 10-01 .. Mon 10-07, with the make-up working days Sun 09-29 and Sat 10-12
    static final String R = "2024-09-23T09:00";
    static final String E = "2024-09-23T09:30";
    static final String L = "2024-09-23T10:00";
    static final LeaderPlan PLAN = new LeaderPlan("工程款未结算", "约谈施工方，协调结算", "王镇长", LocalDate.of(2024, 12, 31));
    static final Actor LEADER_USER = new Actor("leader", TOWN, Role.LEADER);

    AggregateTestFixture<PetitionCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PetitionCase.class);
        fixture.registerInjectableResource(rules());
        fixture.registerInjectableResource(UNITS);
    }

    static PetitionRegisteredEvent registeredAt(String when) {
        return new PetitionRegisteredEvent(ID, "2024-000001", Track.GENERAL, Channel.VISIT, Category.COMPLAINT, PETITIONER, 1,
                false, "拖欠工资 张三工地", "反映工地拖欠工资", TOWN, TOWN, null, null, null, HANDLER, at(when), at(when));
    }

    /** A GENERAL case registered Mon 09-23 09:00 with ACCEPT and NOTIFY running (as the calculator counts them; not asserted here). */
    static List<Object> registration() {
        List<Object> h = new ArrayList<>();
        h.add(registeredAt(R));
        for (Stage s : List.of(Stage.ACCEPT, Stage.NOTIFY)) {
            h.add(new TimeLimitStartedEvent(ID, TOWN, CALC.start(Track.GENERAL, s, at(R)).orElseThrow(), at(R), at(R)));
        }
        return h;
    }

    /** A GENERAL case registered Mon 09-23 09:00 and escalated BACKLOG by the supervisor at 09:30. */
    static List<Object> escalated() {
        List<Object> h = registration();
        h.add(new PetitionEscalatedEvent(ID, EscalationReason.BACKLOG, "镇长", null, null, SUPERVISOR, at(E), at(E)));
        return h;
    }

    static List<Object> withLeader() {
        List<Object> h = escalated();
        h.add(new LeaderAssignedEvent(ID, "leader", TOWN, PLAN, null, null, SUPERVISOR, at(L), at(L)));
        h.add(progressStarted(L, "2024-10-11T17:30", "2024-10-09T12:00"));
        return h;
    }

    /** LEADER_PROGRESS as hand-counted (the explanation is the calculator's; not asserted here). */
    static TimeLimitStartedEvent progressStarted(String start, String due, String warning) {
        TimeLimit computed = CALC.start(Track.GENERAL, Stage.LEADER_PROGRESS, at(start)).orElseThrow();
        TimeLimit hand = new TimeLimit(Stage.LEADER_PROGRESS, at(start), LimitAmount.workingDays(10), List.of(), at(due),
                at(warning), computed.rule(), "town-225-510", 1, computed.explanation());
        return new TimeLimitStartedEvent(ID, TOWN, hand, at(start), at(start));
    }

    static AssignLeaderCommand assign(Actor leader, LeaderPlan plan, String reason, Actor by, String when) {
        return new AssignLeaderCommand(ID, leader, plan, reason, by, null, at(when));
    }

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
            description.appendText("any events");
        }

        <T> List<T> of(Class<T> type) {
            return payloads.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @Nested
    @DisplayName("包案：一案一包，一案一策")
    class Assignment {

        @Test
        @DisplayName("提级后指定包案领导：LEADER_PROGRESS 自指定起 10 个工作日，跨国庆假期（含 09-29 补班）→ 10-11 17:30，预警 10-09 12:00")
        void theFirstLeaderStartsLeaderProgressAcrossTheHoliday() {
            // 09-24 (1) 25 (2) 26 (3) 27 (4) Sun 29 补班 (5) 30 (6), 10-01..07 holiday, 10-08 (7) 09 (8) 10 (9) 11 (10) → Fri 10-11 17:30;
            // 70 h × 75 % = 52 h 30 = 7 days + 3 h 30 → the 8th working day (Wed 10-09) at 12:00
            Captured c = new Captured();
            fixture.given(escalated())
                    .when(assign(LEADER_USER, PLAN, null, SUPERVISOR, L))
                    .expectSuccessfulHandlerExecution().expectEventsMatching(c);
            assertThat(c.of(LeaderAssignedEvent.class)).containsExactly(
                    new LeaderAssignedEvent(ID, "leader", TOWN, PLAN, null, null, SUPERVISOR, at(L), at(L)));
            TimeLimit started = c.of(TimeLimitStartedEvent.class).get(0).timeLimit();
            assertThat(started.stage()).isEqualTo(Stage.LEADER_PROGRESS);
            assertThat(started.due()).isEqualTo(at("2024-10-11T17:30"));
            assertThat(started.warning()).isEqualTo(at("2024-10-09T12:00"));
        }

        @Test
        @DisplayName("未提级的事项不能指定包案领导")
        void notEscalated() {
            fixture.given(registration())
                    .when(assign(LEADER_USER, PLAN, null, SUPERVISOR, L))
                    .expectException(refused(RuleCode.NOT_ESCALATED));
        }

        @Test
        @DisplayName("只有督办人员或管理员可以指定")
        void onlySupervisorsAssign() {
            fixture.given(escalated())
                    .when(assign(LEADER_USER, PLAN, null, HANDLER, L))
                    .expectException(refused(RuleCode.ROLE_NOT_PERMITTED));
        }

        @Test
        @DisplayName("包案领导须为领导或督办人员")
        void aHandlerIsNoLeader() {
            fixture.given(escalated())
                    .when(assign(HANDLER, PLAN, null, SUPERVISOR, L))
                    .expectException(refused(RuleCode.LEADER_NOT_PERMITTED, "handler", Role.HANDLER));
        }

        @Test
        @DisplayName("方案四项（症结、措施、责任人、时限）必填")
        void thePlanIsComplete() {
            fixture.given(escalated())
                    .when(assign(LEADER_USER, new LeaderPlan("症结", " ", "王镇长", LocalDate.of(2024, 12, 31)), null, SUPERVISOR, L))
                    .expectException(refused(RuleCode.PLAN_INCOMPLETE));
        }

        @Test
        @DisplayName("更换包案领导须说明理由；新领导取代旧领导，LEADER_PROGRESS 重新起算")
        void aNewLeaderReplacesThePreviousOneWithAReason() {
            fixture.given(withLeader())
                    .when(assign(SUPERVISOR, PLAN, null, SUPERVISOR, "2024-09-24T09:00"))
                    .expectException(refused(RuleCode.LEADER_CHANGE_REASON_REQUIRED, "leader"));
            Captured c = new Captured();
            fixture.given(withLeader())
                    .when(assign(SUPERVISOR, PLAN, "原包案领导调离", SUPERVISOR, "2024-09-24T09:00"))
                    .expectSuccessfulHandlerExecution().expectEventsMatching(c);
            assertThat(c.of(LeaderAssignedEvent.class).get(0).previousLeader()).isEqualTo("leader");
            assertThat(c.of(LeaderAssignedEvent.class).get(0).leader()).isEqualTo("supervisor");
            assertThat(c.of(TimeLimitStoppedEvent.class)).hasSize(1);
            assertThat(c.of(TimeLimitStartedEvent.class).get(0).timeLimit().start()).isEqualTo(at("2024-09-24T09:00"));
        }

        @Test
        @DisplayName("已办结的事项不能指定")
        void closed() {
            List<Object> h = escalated();
            h.add(new PetitionDeclinedEvent(ID, TOWN, "不属于受理范围", "请向法院起诉", HANDLER, at(L), at(L)));
            fixture.given(h)
                    .when(assign(LEADER_USER, PLAN, null, SUPERVISOR, "2024-09-23T11:00"))
                    .expectException(refused(RuleCode.CASE_CLOSED));
        }
    }

    @Nested
    @DisplayName("包案推进：每次推进重新起算 LEADER_PROGRESS")
    class Progress {

        @Test
        @DisplayName("包案领导记录推进：10-09 15:00 起 10 个工作日（含 10-12 补班）→ 10-22 17:30，预警 10-18 12:00")
        void anEntryRestartsTheStage() {
            // 10-10 (1) 11 (2) Sat 12 补班 (3) 14 (4) 15 (5) 16 (6) 17 (7) 18 (8) 21 (9) 22 (10) → Tue 10-22 17:30;
            // 52 h 30 → the 8th working day (Fri 10-18) at 12:00
            String p = "2024-10-09T15:00";
            Captured c = new Captured();
            fixture.given(withLeader())
                    .when(new RecordLeaderProgressCommand(ID, ProgressKind.MEETING, "召开协调会", LEADER_USER, null, at(p)))
                    .expectSuccessfulHandlerExecution().expectEventsMatching(c);
            assertThat(c.of(LeaderProgressRecordedEvent.class)).containsExactly(new LeaderProgressRecordedEvent(ID, "leader",
                    ProgressKind.MEETING, "召开协调会", LEADER_USER, at(p), at(p)));
            TimeLimitStoppedEvent stopped = c.of(TimeLimitStoppedEvent.class).get(0);
            assertThat(stopped.stage()).isEqualTo(Stage.LEADER_PROGRESS);
            assertThat(stopped.reason()).isEqualTo(StopReason.COMPLETED);
            assertThat(stopped.met()).isTrue();
            TimeLimit again = c.of(TimeLimitStartedEvent.class).get(0).timeLimit();
            assertThat(again.due()).isEqualTo(at("2024-10-22T17:30"));
            assertThat(again.warning()).isEqualTo(at("2024-10-18T12:00"));
        }

        @Test
        @DisplayName("本单位承办人也可记录推进；其他单位的人不可以")
        void aHandlerOfTheUnitMayRecordButNoOneElse() {
            fixture.given(withLeader())
                    .when(new RecordLeaderProgressCommand(ID, ProgressKind.VISIT, "走访", HANDLER, null, at("2024-09-24T09:00")))
                    .expectSuccessfulHandlerExecution();
            fixture.given(withLeader())
                    .when(new RecordLeaderProgressCommand(ID, ProgressKind.VISIT, "走访", VILLAGE_HANDLER, null, at("2024-09-24T09:00")))
                    .expectException(refused(RuleCode.NOT_CASE_LEADER));
            fixture.given(withLeader())
                    .when(new RecordLeaderProgressCommand(ID, ProgressKind.VISIT, "走访", SUPERVISOR, null, at("2024-09-24T09:00")))
                    .expectException(refused(RuleCode.NOT_CASE_LEADER));
        }

        @Test
        @DisplayName("没有包案领导时不能记录推进")
        void noLeader() {
            fixture.given(escalated())
                    .when(new RecordLeaderProgressCommand(ID, ProgressKind.OTHER, "x", HANDLER, null, at("2024-09-24T09:00")))
                    .expectException(refused(RuleCode.NO_LEADER));
        }

        @Test
        @DisplayName("超期由时限流程记录：LEADER_PROGRESS 超期只记录，不再提级")
        void aBreachIsRecordedWithoutEscalation() {
            Instant due = at("2024-10-11T17:30");
            fixture.given(withLeader())
                    .when(new RecordTimeLimitBreachCommand(ID, Stage.LEADER_PROGRESS, due, at("2024-10-11T17:31")))
                    .expectEvents(new TimeLimitBreachedEvent(ID, TOWN, Stage.LEADER_PROGRESS, due, due, at("2024-10-11T17:31")));
        }
    }

    @Nested
    @DisplayName("化解：实体化解、程序性办结结束积案；稳控保留包案")
    class Settle {

        @Test
        @DisplayName("实体化解停止 LEADER_PROGRESS；之后不能再推进或化解")
        void substantiveEndsTheEntry() {
            String s = "2024-09-25T10:00";
            Captured c = new Captured();
            fixture.given(withLeader())
                    .when(new SettleBacklogCommand(ID, BacklogOutcome.SUBSTANTIVE, "补发工资", LEADER_USER, null, at(s)))
                    .expectSuccessfulHandlerExecution().expectEventsMatching(c);
            assertThat(c.of(BacklogSettledEvent.class)).containsExactly(new BacklogSettledEvent(ID, "leader",
                    BacklogOutcome.SUBSTANTIVE, "补发工资", LEADER_USER, at(s), at(s)));
            assertThat(c.of(TimeLimitStoppedEvent.class)).extracting(TimeLimitStoppedEvent::stage).containsExactly(Stage.LEADER_PROGRESS);
            assertThat(c.of(TimeLimitStartedEvent.class)).isEmpty();
            List<Object> h = withLeader();
            h.addAll(c.payloads);
            fixture.given(h)
                    .when(new RecordLeaderProgressCommand(ID, ProgressKind.OTHER, "x", LEADER_USER, null, at("2024-09-26T09:00")))
                    .expectException(refused(RuleCode.BACKLOG_SETTLED, BacklogOutcome.SUBSTANTIVE));
            fixture.given(h)
                    .when(new SettleBacklogCommand(ID, BacklogOutcome.PROCEDURAL, "x", SUPERVISOR, null, at("2024-09-26T09:00")))
                    .expectException(refused(RuleCode.BACKLOG_SETTLED, BacklogOutcome.SUBSTANTIVE));
        }

        @Test
        @DisplayName("稳控：包案领导与 LEADER_PROGRESS 保持")
        void containedKeepsTheLeader() {
            Captured c = new Captured();
            fixture.given(withLeader())
                    .when(new SettleBacklogCommand(ID, BacklogOutcome.CONTAINED, "稳控", SUPERVISOR, null, at("2024-09-25T10:00")))
                    .expectSuccessfulHandlerExecution().expectEventsMatching(c);
            assertThat(c.of(TimeLimitStoppedEvent.class)).isEmpty();
            List<Object> h = withLeader();
            h.addAll(c.payloads);
            fixture.given(h)
                    .when(new RecordLeaderProgressCommand(ID, ProgressKind.VISIT, "回访", LEADER_USER, null, at("2024-09-26T09:00")))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        @DisplayName("未提级的事项不能化解；审计人员无权")
        void notEscalatedOrNotPermitted() {
            fixture.given(registration())
                    .when(new SettleBacklogCommand(ID, BacklogOutcome.PROCEDURAL, "x", SUPERVISOR, null, at(L)))
                    .expectException(refused(RuleCode.NOT_ESCALATED));
            fixture.given(withLeader())
                    .when(new SettleBacklogCommand(ID, BacklogOutcome.PROCEDURAL, "x", AUDITOR, null, at("2024-09-24T09:00")))
                    .expectException(refused(RuleCode.NOT_HANDLER_OF_UNIT));
        }
    }

    @Nested
    @DisplayName("越级访：每一层级提级一次")
    class SkipLevels {

        RecordSkipLevelCommand skip(SkipLevel level, String when) {
            return new RecordSkipLevelCommand(ID, level, "国家信访局", "进京上访", HANDLER, at(when), at("2024-09-26T09:00"));
        }

        @Test
        @DisplayName("首次进京访：记录并由系统提级 SKIP_LEVEL")
        void theFirstVisitToALevelEscalates() {
            fixture.given(registration())
                    .when(skip(SkipLevel.BEIJING, "2024-09-25T08:00"))
                    .expectEvents(new SkipLevelPetitionRecordedEvent(ID, SkipLevel.BEIJING, "国家信访局", "进京上访", TOWN, HANDLER,
                                    at("2024-09-25T08:00"), at("2024-09-26T09:00")),
                            new PetitionEscalatedEvent(ID, EscalationReason.SKIP_LEVEL, null, null, null, Actor.SYSTEM,
                                    at("2024-09-26T09:00"), at("2024-09-26T09:00")));
        }

        @Test
        @DisplayName("同一层级再次越级：只记录；另一层级：再提级")
        void oncePerLevel() {
            List<Object> h = new ArrayList<>(registration());
            h.addAll(List.of(
                    new SkipLevelPetitionRecordedEvent(ID, SkipLevel.BEIJING, "国家信访局", "进京上访", TOWN, HANDLER,
                            at("2024-09-25T08:00"), at("2024-09-26T09:00")),
                    new PetitionEscalatedEvent(ID, EscalationReason.SKIP_LEVEL, null, null, null, Actor.SYSTEM,
                            at("2024-09-26T09:00"), at("2024-09-26T09:00"))));
            Captured c = new Captured();
            fixture.given(h).when(skip(SkipLevel.BEIJING, "2024-09-25T10:00")).expectSuccessfulHandlerExecution()
                    .expectEventsMatching(c);
            assertThat(c.payloads).hasSize(1).first().isInstanceOf(SkipLevelPetitionRecordedEvent.class);
            fixture.given(h).when(skip(SkipLevel.PROVINCE, "2024-09-25T10:00")).expectSuccessfulHandlerExecution()
                    .expectEventsMatching(c);
            assertThat(c.of(PetitionEscalatedEvent.class)).hasSize(1);
        }

        @Test
        @DisplayName("其他单位的承办人不能记录")
        void otherUnit() {
            fixture.given(registration())
                    .when(new RecordSkipLevelCommand(ID, SkipLevel.CITY, "市信访局", "x", VILLAGE_HANDLER, null, at(L)))
                    .expectException(refused(RuleCode.NOT_HANDLER_OF_UNIT));
        }
    }

    @Nested
    @DisplayName("重复访")
    class Repeats {

        static final CaseId EARLIER = new CaseId("case-0");

        @Test
        @DisplayName("登记时服务发现的重复访：登记事件记录 repeatOf，并由系统提级 REPEAT 一次")
        void aRegistrationWithEarlierCasesIsEscalatedOnce() {
            RegisterPetitionCommand cmd = new RegisterPetitionCommand(ID, "2024-000001", Track.GENERAL, Channel.VISIT,
                    Category.COMPLAINT, PETITIONER, 1, "张三工地拖欠工资问题", "反映工地拖欠工资", TOWN, null, HANDLER, null, at(R),
                    null, null, KeyField.WAGE_ARREARS, List.of(EARLIER));
            Captured c = new Captured();
            fixture.givenNoPriorActivity().when(cmd).expectSuccessfulHandlerExecution().expectEventsMatching(c);
            PetitionRegisteredEvent r = c.of(PetitionRegisteredEvent.class).get(0);
            assertThat(r.repeatOf()).containsExactly(EARLIER);
            assertThat(r.field()).isEqualTo(KeyField.WAGE_ARREARS);
            assertThat(c.of(PetitionEscalatedEvent.class)).containsExactly(new PetitionEscalatedEvent(ID, EscalationReason.REPEAT,
                    null, null, null, Actor.SYSTEM, at(R), at(R)));
        }

        @Test
        @DisplayName("没有重复：不提级")
        void noRepeatNoEscalation() {
            Captured c = new Captured();
            fixture.givenNoPriorActivity().when(register(Track.GENERAL, R)).expectSuccessfulHandlerExecution().expectEventsMatching(c);
            assertThat(c.of(PetitionEscalatedEvent.class)).isEmpty();
        }

        @Test
        @DisplayName("手工关联：记录并提级一次；重复关联、关联自身、解除未关联的均被拒绝")
        void linkAndUnlinkByHand() {
            Captured c = new Captured();
            fixture.given(registration())
                    .when(new LinkRepeatCommand(ID, EARLIER, "同一诉求", HANDLER, null, at(L)))
                    .expectSuccessfulHandlerExecution().expectEventsMatching(c);
            assertThat(c.of(RepeatLinkedEvent.class)).containsExactly(new RepeatLinkedEvent(ID, EARLIER, "同一诉求", HANDLER, at(L), at(L)));
            assertThat(c.of(PetitionEscalatedEvent.class)).hasSize(1);
            List<Object> h = registration();
            h.addAll(c.payloads);
            fixture.given(h).when(new LinkRepeatCommand(ID, EARLIER, "x", HANDLER, null, at(L)))
                    .expectException(refused(RuleCode.REPEAT_ALREADY_LINKED, "case-0"));
            fixture.given(h).when(new LinkRepeatCommand(ID, ID, "x", HANDLER, null, at(L)))
                    .expectException(refused(RuleCode.REPEAT_OF_ITSELF));
            fixture.given(h).when(new UnlinkRepeatCommand(ID, EARLIER, "误关联", HANDLER, null, at("2024-09-23T11:00")))
                    .expectEvents(new RepeatUnlinkedEvent(ID, EARLIER, "误关联", HANDLER, at("2024-09-23T11:00"), at("2024-09-23T11:00")));
            fixture.given(registration()).when(new UnlinkRepeatCommand(ID, EARLIER, "x", HANDLER, null, at(L)))
                    .expectException(refused(RuleCode.REPEAT_NOT_LINKED, "case-0"));
        }
    }

    @Nested
    @DisplayName("重点领域")
    class Fields {

        @Test
        @DisplayName("督办人员单独设置重点领域；承办人无权")
        void theFieldAlone() {
            fixture.given(registration())
                    .when(new ReclassifyPetitionCommand(ID, null, SUPERVISOR, null, at(L), KeyField.LAND_ACQUISITION))
                    .expectEvents(new KeyFieldSetEvent(ID, null, KeyField.LAND_ACQUISITION, SUPERVISOR, at(L), at(L)));
            fixture.given(registration())
                    .when(new ReclassifyPetitionCommand(ID, null, HANDLER, null, at(L), KeyField.LAND_ACQUISITION))
                    .expectException(refused(RuleCode.ROLE_NOT_PERMITTED));
        }

        @Test
        @DisplayName("改变程序时一并设置重点领域")
        void withTheTrack() {
            Captured c = new Captured();
            fixture.given(registration())
                    .when(new ReclassifyPetitionCommand(ID, Track.SIMPLE, SUPERVISOR, null, at(L), KeyField.AGRICULTURE))
                    .expectSuccessfulHandlerExecution().expectEventsMatching(c);
            assertThat(c.of(PetitionReclassifiedEvent.class)).hasSize(1);
            assertThat(c.of(KeyFieldSetEvent.class)).containsExactly(
                    new KeyFieldSetEvent(ID, null, KeyField.AGRICULTURE, SUPERVISOR, at(L), at(L)));
        }
    }
}
