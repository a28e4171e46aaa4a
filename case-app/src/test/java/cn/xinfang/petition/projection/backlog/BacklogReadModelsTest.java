package cn.xinfang.petition.projection.backlog;

import cn.xinfang.petition.api.*;
import cn.xinfang.petition.api.event.*;
import cn.xinfang.petition.app.persons.PersonIdentity;
import cn.xinfang.petition.app.persons.PersonRegistryAccess;
import cn.xinfang.petition.app.support.ReadModelSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backlog ledger and the person registry (issue 15) handle every event twice to the same rows,
 * on the service's schema (Flyway, H2 in PostgreSQL mode).
 */
class BacklogReadModelsTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final CaseId ID = new CaseId("case-b1");
    static final Actor HANDLER = new Actor("handler", "town", Role.HANDLER);
    static final Actor LEADER = new Actor("leader", "town", Role.LEADER);
    static final Actor SUPERVISOR = new Actor("supervisor", null, Role.SUPERVISOR);

    JdbcTemplate jdbc;
    BacklogProjection backlog;
    BacklogQueries queries;
    PersonRegistryAccess persons;

    static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    @BeforeEach
    void setUp() {
        jdbc = ReadModelSchema.migrated();
        backlog = new BacklogProjection(jdbc);
        queries = new BacklogQueries(jdbc);
        persons = new PersonRegistryAccess(jdbc, new PersonIdentity("test-key"));
    }

    static TimeLimit progressLimit(String start, String due, String warning) {
        return new TimeLimit(Stage.LEADER_PROGRESS, at(start), LimitAmount.workingDays(10), List.of(), at(due), at(warning), "rule",
                "town-225-510", 1, null);
    }

    static List<Object> history() {
        Petitioner p = new Petitioner("赵六", null, "13912345678", null);
        LeaderPlan plan = new LeaderPlan("症结", "措施", "王镇长", LocalDate.of(2024, 12, 31));
        TimeLimit first = progressLimit("2024-09-23T10:00", "2024-10-11T17:30", "2024-10-09T12:00");
        TimeLimit second = progressLimit("2024-10-15T10:00", "2024-10-29T17:30", "2024-10-25T12:00");
        return List.of(
                new PetitionRegisteredEvent(ID, "2024-000009", Track.GENERAL, Channel.ONLINE, Category.COMPLAINT, p, 6, true,
                        "张三工地拖欠工资问题", "内容", "town", "town", null, null, null, HANDLER, at("2024-09-23T09:00"),
                        at("2024-09-23T09:00"), null, null, KeyField.WAGE_ARREARS, List.of(new CaseId("case-a0"))),
                new PetitionEscalatedEvent(ID, EscalationReason.REPEAT, null, null, null, Actor.SYSTEM, at("2024-09-23T09:00"),
                        at("2024-09-23T09:00")),
                new PetitionEscalatedEvent(ID, EscalationReason.BACKLOG, "镇长", null, null, SUPERVISOR, at("2024-09-23T09:30"),
                        at("2024-09-23T09:30")),
                new LeaderAssignedEvent(ID, "leader", "town", plan, null, null, SUPERVISOR, at("2024-09-23T10:00"), at("2024-09-23T10:00")),
                new TimeLimitStartedEvent(ID, "town", first, at("2024-09-23T10:00"), at("2024-09-23T10:00")),
                new TimeLimitWarningRaisedEvent(ID, "town", Stage.LEADER_PROGRESS, first.due(), first.warning(), first.warning()),
                new TimeLimitBreachedEvent(ID, "town", Stage.LEADER_PROGRESS, first.due(), first.due(), first.due()),
                new SkipLevelPetitionRecordedEvent(ID, SkipLevel.BEIJING, "国家信访局", "进京", "town", HANDLER, at("2024-10-12T09:00"),
                        at("2024-10-12T09:00")),
                new LeaderProgressRecordedEvent(ID, "leader", ProgressKind.MEETING, "协调会", LEADER, at("2024-10-15T10:00"),
                        at("2024-10-15T10:00")),
                new TimeLimitStoppedEvent(ID, Stage.LEADER_PROGRESS, first.due(), false, StopReason.COMPLETED, at("2024-10-15T10:00"),
                        at("2024-10-15T10:00")),
                new TimeLimitStartedEvent(ID, "town", second, at("2024-10-15T10:00"), at("2024-10-15T10:00")),
                new BacklogSettledEvent(ID, "leader", BacklogOutcome.CONTAINED, "稳控", LEADER, at("2024-10-16T10:00"),
                        at("2024-10-16T10:00")));
    }

    void handle(Object event) {
        invoke(backlog, event);
        persons.handle(event);
    }

    static void invoke(Object handler, Object event) {
        try {
            var m = handler.getClass().getDeclaredMethod("on", event.getClass());
            m.setAccessible(true);
            m.invoke(handler, event);
        } catch (NoSuchMethodException e) {
            // not handled by this view
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Map<String, Object>> rows() {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (String t : List.of("backlog_case", "person", "person_case", "person_case_flag", "person_case_repeat")) {
            all.addAll(jdbc.queryForList("select '" + t + "' as t, x.* from " + t + " x order by 2, 3"));
        }
        return all;
    }

    @Test
    @DisplayName("每个事件处理两次，结果与处理一次相同；台账行按手工计算")
    void everyEventTwice() {
        history().forEach(this::handle);
        List<Map<String, Object>> once = rows();
        BacklogReadModelsTest twice = new BacklogReadModelsTest();
        twice.setUp();
        history().forEach(e -> {
            twice.handle(e);
            twice.handle(e);
        });
        assertThat(twice.rows().toString()).isEqualTo(once.toString());

        BacklogEntry row = queries.find(new FindBacklogQuery(null, "leader", "CONTAINED", "WAGE_ARREARS", at("2024-10-18T09:00"),
                ZONE, false)).get(0);
        assertThat(row.reasons()).containsExactly("REPEAT", "BACKLOG");
        assertThat(row.leaderProgress().status()).isEqualTo("OPEN");
        assertThat(row.leaderProgress().dueAt()).isEqualTo(at("2024-10-29T17:30"));
        assertThat(row.lastProgress().text()).isEqualTo("协调会");
        assertThat(row.daysSinceProgress()).isEqualTo(3L); // 10-15 → 10-18
        assertThat(row.petitioner().phone()).isEqualTo("139****5678");
        assertThat(row.plan().targetDate()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(jdbc.queryForList("select flag from person_case_flag order by flag", String.class))
                .containsExactly("COLLECTIVE", "ONLINE_PROVINCIAL_COMPLAINT", "REPEAT", "SKIP_LEVEL_BEIJING");
        assertThat(queries.find(new FindBacklogQuery(null, null, "OPEN", null, at("2024-10-18T09:00"), ZONE, false))).isEmpty();
    }
}
