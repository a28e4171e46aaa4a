package cn.xinfang.petition.projection.ledger;

import cn.xinfang.petition.api.*;
import cn.xinfang.petition.api.event.*;
import cn.xinfang.petition.projection.overdue.FindOverdueQuery;
import cn.xinfang.petition.projection.overdue.FindTimeLimitPageQuery;
import cn.xinfang.petition.projection.overdue.FindUpcomingQuery;
import cn.xinfang.petition.projection.overdue.OpenTimeLimit;
import cn.xinfang.petition.projection.overdue.OpenTimeLimitPage;
import cn.xinfang.petition.projection.overdue.OverdueProjection;
import cn.xinfang.petition.projection.overdue.OverdueQueries;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import cn.xinfang.petition.app.support.ReadModelSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's running stages and current stage (kept per event batch and written before the batch
 * commits) and the overdue view's runs and due versions (inserted once per event id): the same rows
 * whether each event is handled on its own, twice, or all of them in one batch, on the service's
 * schema (Flyway, H2 in PostgreSQL mode). Due instants are data of the events, chosen by hand.
 */
class LedgerAndOverdueBatchTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final CaseId ID = new CaseId("case-l1");
    static final Actor HANDLER = new Actor("handler", "town", Role.HANDLER);
    static final Actor SUPERVISOR = new Actor("supervisor", null, Role.SUPERVISOR);

    JdbcTemplate jdbc;
    LedgerProjection ledger;
    OverdueProjection overdue;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    @BeforeEach
    void setUp() {
        jdbc = ReadModelSchema.migrated();
        ledger = new LedgerProjection(jdbc);
        overdue = new OverdueProjection(jdbc);
    }

    static TimeLimit limit(Stage stage, String start, String due) {
        return new TimeLimit(stage, at(start), LimitAmount.workingDays(5), List.of(), at(due), at(due).minusSeconds(3600), "rule",
                "town-225-510", 1, null);
    }

    static final TimeLimit ACCEPT = limit(Stage.ACCEPT, "2024-03-04T09:00", "2024-03-11T17:30");
    static final TimeLimit ACCEPT_EXTENDED = limit(Stage.ACCEPT, "2024-03-04T09:00", "2024-03-18T17:30");
    static final TimeLimit RESPOND = limit(Stage.RESPOND, "2024-03-04T09:00", "2024-03-05T17:30");
    static final TimeLimit OPINION = limit(Stage.OPINION, "2024-03-06T10:00", "2024-03-25T17:30");
    static final TimeLimit OPINION_RECOMPUTED = limit(Stage.OPINION, "2024-03-06T10:00", "2024-03-26T17:30");

    /** Registered; ACCEPT and RESPOND start (RESPOND due first). */
    static List<Object> first() {
        Petitioner p = new Petitioner("赵六", null, "13912345678", null);
        return List.of(
                new PetitionRegisteredEvent(ID, "2024-000010", Track.GENERAL, Channel.LETTER, Category.COMPLAINT, p, 1, false,
                        "道路维修", "内容", "town", "town", null, null, null, HANDLER, at("2024-03-04T09:00"), at("2024-03-04T09:00"),
                        null, null, null, List.of()),
                new TimeLimitStartedEvent(ID, "town", ACCEPT, at("2024-03-04T09:00"), at("2024-03-04T09:00")),
                new TimeLimitStartedEvent(ID, "town", RESPOND, at("2024-03-04T09:00"), at("2024-03-04T09:00")));
    }

    /** ACCEPT extended, RESPOND stops, OPINION starts and is recomputed, ACCEPT stops: OPINION alone runs. */
    static List<Object> second() {
        return List.of(
                new TimeLimitExtendedEvent(ID, Stage.ACCEPT, LimitAmount.workingDays(5), "复杂", "镇长", null, ACCEPT.due(),
                        ACCEPT_EXTENDED, SUPERVISOR, at("2024-03-05T09:00"), at("2024-03-05T09:00")),
                new TimeLimitStoppedEvent(ID, Stage.RESPOND, RESPOND.due(), true, StopReason.COMPLETED, at("2024-03-05T10:00"),
                        at("2024-03-05T10:00")),
                new TimeLimitStartedEvent(ID, "town", OPINION, at("2024-03-06T10:00"), at("2024-03-06T10:00")),
                new TimeLimitRecomputedEvent(ID, Stage.OPINION, RecomputeReason.RECLASSIFIED, null, OPINION.due(), OPINION.warning(),
                        OPINION_RECOMPUTED, Actor.SYSTEM, at("2024-03-06T11:00"), at("2024-03-06T11:00")),
                new TimeLimitStoppedEvent(ID, Stage.ACCEPT, ACCEPT_EXTENDED.due(), true, StopReason.COMPLETED, at("2024-03-06T10:00"),
                        at("2024-03-06T10:00")));
    }

    static final TimeLimit MEET = limit(Stage.MEET_HANDLING, "2024-03-06T10:00", "2024-03-13T17:30");

    /**
     * MEET_HANDLING starts, is warned, breached and stops (late) within the batch; OPINION, started in
     * the batch before, is warned.
     */
    static List<Object> third() {
        return List.of(
                new TimeLimitStartedEvent(ID, "town", MEET, at("2024-03-06T10:00"), at("2024-03-06T10:05")),
                new TimeLimitWarningRaisedEvent(ID, "town", Stage.MEET_HANDLING, MEET.due(), at("2024-03-13T16:30"),
                        at("2024-03-13T16:31")),
                new TimeLimitBreachedEvent(ID, "town", Stage.MEET_HANDLING, MEET.due(), at("2024-03-13T17:30"), at("2024-03-13T17:31")),
                new TimeLimitStoppedEvent(ID, Stage.MEET_HANDLING, MEET.due(), false, StopReason.COMPLETED, at("2024-03-14T09:00"),
                        at("2024-03-14T09:01")),
                new TimeLimitWarningRaisedEvent(ID, "town", Stage.OPINION, OPINION_RECOMPUTED.due(), at("2024-03-26T16:30"),
                        at("2024-03-26T16:32")));
    }

    /** Another view pair on a database of its own, as a second node or a restart would start. */
    static LedgerAndOverdueBatchTest fresh() {
        LedgerAndOverdueBatchTest other = new LedgerAndOverdueBatchTest();
        other.setUp();
        return other;
    }

    /** Handles the events (sequence numbers from {@code firstSeq}), each {@code times} times, in one unit of work or none. */
    void handle(List<Object> events, long firstSeq, int times, boolean oneBatch) {
        UnitOfWork<?> batch = oneBatch ? DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch")) : null;
        long seq = firstSeq;
        for (Object e : events) {
            for (int i = 0; i < times; i++) {
                invoke(ledger, e, "event-" + seq, seq);
                invoke(overdue, e, "event-" + seq, seq);
            }
            seq++;
        }
        if (batch != null) {
            batch.commit();
        }
        // the ledger's counts per unit and status (ledger_case_count) are kept with the rows they count
        assertThat(jdbc.queryForList("select unit, status, cases from ledger_case_count where cases <> 0 order by unit, status"))
                .isEqualTo(jdbc.queryForList("select unit, status, count(*) as cases from ledger_case group by unit, status "
                        + "order by unit, status"));
    }

    /** Calls the view's handler of the event, with the event's id and sequence number where it asks for them. */
    static void invoke(Object view, Object event, String eventId, long seq) {
        for (Method m : view.getClass().getDeclaredMethods()) {
            if (m.getName().equals("on") && m.getParameterTypes()[0] == event.getClass()) {
                Object[] args = new Object[m.getParameterCount()];
                args[0] = event;
                for (int i = 1; i < args.length; i++) {
                    args[i] = m.getParameterTypes()[i] == String.class ? eventId : (Object) seq;
                }
                try {
                    m.setAccessible(true);
                    m.invoke(view, args);
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
    }

    List<Map<String, Object>> rows() {
        List<Map<String, Object>> all = new ArrayList<>();
        all.addAll(jdbc.queryForList("select * from ledger_case order by case_id"));
        all.addAll(jdbc.queryForList("select * from ledger_stage order by case_id, stage"));
        all.addAll(jdbc.queryForList("select * from time_limit_run order by run_id"));
        all.addAll(jdbc.queryForList("select * from time_limit_due order by run_id, version_no"));
        all.addAll(jdbc.queryForList("select * from overdue_case order by case_id"));
        return all;
    }

    @Test
    @DisplayName("同一批次内开始、预警、超期、停止的时限：一行写成，与逐个处理相同")
    void aRunStartedWarnedBreachedAndStoppedInOneBatchIsWrittenAsOneRow() {
        handle(first(), 0, 1, true);
        handle(second(), 3, 1, true);
        handle(third(), 8, 1, true);
        Map<String, Object> meet = jdbc.queryForMap("select * from time_limit_run where run_id = 'event-8'");
        assertThat(meet.get("stage")).isEqualTo("MEET_HANDLING");
        assertThat(((OffsetDateTime) meet.get("warned_recorded_at")).toInstant()).isEqualTo(at("2024-03-13T16:31"));
        assertThat(((OffsetDateTime) meet.get("breached_recorded_at")).toInstant()).isEqualTo(at("2024-03-13T17:31"));
        assertThat(((OffsetDateTime) meet.get("stopped_at")).toInstant()).isEqualTo(at("2024-03-14T09:00"));
        assertThat(((OffsetDateTime) meet.get("stopped_recorded_at")).toInstant()).isEqualTo(at("2024-03-14T09:01"));
        assertThat(meet.get("met")).isEqualTo(false);
        assertThat(meet.get("stop_reason")).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("select warned_recorded_at from time_limit_run where run_id = 'event-5'", OffsetDateTime.class)
                .toInstant()).as("OPINION, started in the batch before").isEqualTo(at("2024-03-26T16:32"));
        List<Map<String, Object>> batched = rows();

        LedgerAndOverdueBatchTest single = fresh();
        single.handle(first(), 0, 1, false);
        single.handle(second(), 3, 1, false);
        single.handle(third(), 8, 1, false);
        assertThat(single.rows().toString()).as("each event on its own").isEqualTo(batched.toString());

        LedgerAndOverdueBatchTest all = fresh();
        List<Object> history = new ArrayList<>(first());
        history.addAll(second());
        history.addAll(third());
        all.handle(history, 0, 1, true);
        assertThat(all.rows().toString()).as("the whole history in one batch").isEqualTo(batched.toString());
    }

    Instant instant(String sql) {
        return jdbc.queryForObject(sql, OffsetDateTime.class, ID.value()).toInstant();
    }

    @Test
    @DisplayName("在一个批次内处理、逐个处理、每个处理两次：台账的当前环节与超期视图的各版期限相同，按手工给定")
    void oneBatchEachOnItsOwnOrTwiceGiveTheSameRows() {
        // in one batch each: the current stage is set when the batch commits, from the rows it wrote
        handle(first(), 0, 1, true);
        assertThat(jdbc.queryForObject("select current_stage from ledger_case where case_id = ?", String.class, ID.value()))
                .isEqualTo("RESPOND");
        assertThat(instant("select current_due from ledger_case where case_id = ?")).isEqualTo(at("2024-03-05T17:30"));
        handle(second(), 3, 1, true);
        assertThat(jdbc.queryForObject("select current_stage from ledger_case where case_id = ?", String.class, ID.value()))
                .isEqualTo("OPINION");
        assertThat(instant("select current_due from ledger_case where case_id = ?")).isEqualTo(at("2024-03-26T17:30"));
        assertThat(jdbc.queryForList("select stage from ledger_stage where case_id = ?", String.class, ID.value()))
                .containsExactly("OPINION");
        // the ACCEPT run: its first due instant and the extended one, each from the event that gave it
        assertThat(jdbc.queryForList("select due_at from time_limit_due where run_id = 'event-1' order by version_no",
                OffsetDateTime.class)).extracting(OffsetDateTime::toInstant)
                .containsExactly(at("2024-03-11T17:30"), at("2024-03-18T17:30"));
        assertThat(jdbc.queryForList("select version_no from time_limit_due where run_id = 'event-5' order by version_no", Long.class))
                .containsExactly(5L, 6L);
        assertThat(jdbc.queryForList("select case_no || ' ' || stage || ' ' || case when stopped_at is null then 'open' else 'stopped' end "
                        + "from time_limit_run order by run_id",
                String.class)).containsExactly("2024-000010 ACCEPT stopped", "2024-000010 RESPOND stopped", "2024-000010 OPINION open");
        List<Map<String, Object>> batched = rows();

        LedgerAndOverdueBatchTest single = fresh();
        single.handle(first(), 0, 1, false);
        single.handle(second(), 3, 1, false);
        assertThat(single.rows().toString()).as("each event on its own").isEqualTo(batched.toString());

        LedgerAndOverdueBatchTest twice = fresh();
        twice.handle(first(), 0, 2, false);
        twice.handle(second(), 3, 2, false);
        assertThat(twice.rows().toString()).as("each event twice").isEqualTo(batched.toString());

        LedgerAndOverdueBatchTest all = fresh();
        List<Object> history = new ArrayList<>(first());
        history.addAll(second());
        all.handle(history, 0, 2, true);
        assertThat(all.rows().toString()).as("the whole history twice in one batch").isEqualTo(batched.toString());
    }

    /** Five cases registered ("2024-00002n", subject "事项n"), in the events of their own ids. */
    static List<Object> fiveRegistered() {
        List<Object> events = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            events.add(new PetitionRegisteredEvent(new CaseId("case-m" + n), "2024-00002" + n, Track.GENERAL, Channel.LETTER,
                    Category.COMPLAINT, new Petitioner("赵六", null, "13912345678", null), 1, false, "事项" + n, "内容", "town", "town",
                    null, null, null, HANDLER, at("2024-03-04T09:00"), at("2024-03-04T09:00"), null, null, null, List.of()));
        }
        return events;
    }

    static final Actor CLERK = new Actor("clerk", "town", Role.HANDLER);

    /**
     * ACCEPT starts for each of the five cases, RESPOND for the first two; the first three are signed
     * by the handler, the first two then accepted by the clerk, the first answered (one case row
     * changed by several events).
     */
    static List<Object> fiveStarted() {
        List<Object> events = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            events.add(new PetitionSignedEvent(new CaseId("case-m" + n), "town", HANDLER, at("2024-03-04T09:10"), at("2024-03-04T09:10")));
        }
        for (int n = 1; n <= 2; n++) {
            events.add(new PetitionAcceptedEvent(new CaseId("case-m" + n), "town", CLERK, at("2024-03-04T10:00"), at("2024-03-04T10:01")));
        }
        events.add(new PetitionerRespondedEvent(new CaseId("case-m1"), ResponseMode.PHONE, "已告知", CLERK, at("2024-03-04T11:00"),
                at("2024-03-04T11:00")));
        for (int n = 1; n <= 5; n++) {
            events.add(new TimeLimitStartedEvent(new CaseId("case-m" + n), "town", ACCEPT, at("2024-03-04T09:00"), at("2024-03-04T09:00")));
        }
        for (int n = 1; n <= 2; n++) {
            events.add(new TimeLimitStartedEvent(new CaseId("case-m" + n), "town", RESPOND, at("2024-03-04T09:00"), at("2024-03-04T09:00")));
        }
        return events;
    }

    @Test
    @DisplayName("多个事项在一个批次内（多行插入）、逐个处理、重启后（事项编号与事由从表中读取）：超期视图的行相同，按手工给定")
    void severalCasesInOneBatchOneByOneOrAfterARestartGiveTheSameRuns() {
        handle(fiveRegistered(), 0, 1, true);
        handle(fiveStarted(), 5, 1, true);
        // events 5-7 signed, 8-9 accepted, 10 answered, 11-15 ACCEPT, 16-17 RESPOND
        List<String> expected = List.of(
                "event-11 2024-000021 事项1 ACCEPT", "event-12 2024-000022 事项2 ACCEPT", "event-13 2024-000023 事项3 ACCEPT",
                "event-14 2024-000024 事项4 ACCEPT", "event-15 2024-000025 事项5 ACCEPT",
                "event-16 2024-000021 事项1 RESPOND", "event-17 2024-000022 事项2 RESPOND");
        String runs = "select run_id || ' ' || case_no || ' ' || subject || ' ' || stage from time_limit_run order by run_id";
        assertThat(jdbc.queryForList(runs, String.class)).containsExactlyElementsOf(expected);
        assertThat(jdbc.queryForList("select run_id || ' ' || version_no from time_limit_due order by run_id", String.class))
                .containsExactly("event-11 11", "event-12 12", "event-13 13", "event-14 14", "event-15 15", "event-16 16", "event-17 17");
        String cases = "select case_no || ' ' || status || ' ' || coalesce(handler, '-') || ' ' || case when accepted_at is null then '-' "
                + "else 'accepted' end || ' ' || case when responded_at is null then '-' else 'answered' end || ' ' || subject "
                + "from ledger_case order by case_no";
        List<String> ledger = List.of(
                "2024-000021 ACCEPTED clerk accepted answered 事项1", "2024-000022 ACCEPTED clerk accepted - 事项2",
                "2024-000023 SIGNED handler - - 事项3", "2024-000024 REGISTERED handler - - 事项4", "2024-000025 REGISTERED handler - - 事项5");
        assertThat(jdbc.queryForList(cases, String.class)).containsExactlyElementsOf(ledger);
        assertThat(jdbc.queryForObject("select accepted_at from ledger_case where case_id = 'case-m2'", OffsetDateTime.class).toInstant())
                .isEqualTo(at("2024-03-04T10:00"));
        List<Map<String, Object>> batched = rows();

        LedgerAndOverdueBatchTest single = fresh();
        single.handle(fiveRegistered(), 0, 1, false);
        single.handle(fiveStarted(), 5, 1, false);
        assertThat(single.rows().toString()).as("each event on its own").isEqualTo(batched.toString());

        // a new instance knows no case: the inserts read the number and subject from overdue_case
        LedgerAndOverdueBatchTest restarted = fresh();
        restarted.handle(fiveRegistered(), 0, 1, true);
        restarted.overdue = new OverdueProjection(restarted.jdbc);
        restarted.handle(fiveStarted(), 5, 2, true);
        assertThat(restarted.jdbc.queryForList(runs, String.class)).as("after a restart").containsExactlyElementsOf(expected);
        assertThat(restarted.jdbc.queryForList(cases, String.class)).as("after a restart").containsExactlyElementsOf(ledger);
        assertThat(restarted.rows().toString()).as("after a restart, each event twice").isEqualTo(batched.toString());

        LedgerAndOverdueBatchTest together = fresh();
        List<Object> history = new ArrayList<>(fiveRegistered());
        history.addAll(fiveStarted());
        together.handle(history, 0, 1, true);
        assertThat(together.rows().toString()).as("registrations and the rest in one batch").isEqualTo(batched.toString());
    }

    @Test
    @DisplayName("登记事件在后一批次重放到已被后续事件更新的台账行：批次与逐个处理相同")
    void aRegistrationReplayedInALaterBatchOverAnUpdatedRowGivesTheSameRowsAsOneByOne() {
        handle(fiveRegistered(), 0, 1, true);
        handle(fiveStarted(), 5, 1, true);
        handle(fiveRegistered(), 18, 1, true);
        // the registration's update sets its own columns again (status back to REGISTERED, the handler who
        // registered); accepted_at and responded_at, which it does not set, stay
        assertThat(jdbc.queryForList("select case_no || ' ' || status || ' ' || handler || ' ' || case when accepted_at is null "
                        + "then '-' else 'accepted' end || ' ' || case when responded_at is null then '-' else 'answered' end "
                        + "from ledger_case order by case_no", String.class))
                .containsExactly("2024-000021 REGISTERED handler accepted answered", "2024-000022 REGISTERED handler accepted -",
                        "2024-000023 REGISTERED handler - -", "2024-000024 REGISTERED handler - -", "2024-000025 REGISTERED handler - -");

        LedgerAndOverdueBatchTest single = fresh();
        single.handle(fiveRegistered(), 0, 1, false);
        single.handle(fiveStarted(), 5, 1, false);
        single.handle(fiveRegistered(), 18, 1, false);
        assertThat(single.rows().toString()).as("each event on its own").isEqualTo(rows().toString());
    }

    /** "stage due_at" of each entry of a list, in its order. */
    List<String> list(cn.xinfang.petition.projection.overdue.TimeLimitListQuery q) {
        cn.xinfang.petition.time.TimeRules rules = new cn.xinfang.petition.time.TimeRules(new cn.xinfang.petition.time.TimeLimitCalculator(
                cn.xinfang.petition.time.TimeLimitPolicy.townDefault(), new cn.xinfang.petition.time.BusinessTime(
                cn.xinfang.petition.time.CalendarFile.shipped(), cn.xinfang.petition.time.WorkingHours.DEFAULT, ZONE)));
        OverdueQueries queries = new OverdueQueries(jdbc, rules);
        List<OpenTimeLimit> all = q instanceof FindOverdueQuery o ? queries.find(o) : queries.find((FindUpcomingQuery) q);
        OpenTimeLimitPage page = queries.find(new FindTimeLimitPageQuery(q, 0, 50));
        assertThat(page.items()).as("the first page of 50").isEqualTo(all);
        assertThat(page.total()).as("the page's total").isEqualTo(all.size());
        return all.stream().map(l -> l.stage() + " " + l.dueAt().atZone(ZONE).toLocalDateTime()).toList();
    }

    @Test
    @DisplayName("超期与预警清单：最新一版期限在当时已生效且已录入时取运行行中的副本，否则按当时已录入、已生效的那一版")
    void theListsReadTheLatestDueVersionWhenItAppliedAndTheVersionThatAppliedOtherwise() {
        handle(first(), 0, 1, true);
        handle(second(), 3, 1, false);
        // each run's copy of its latest version: ACCEPT extended (seq 3), RESPOND as started (seq 2), OPINION recomputed (seq 6)
        assertThat(jdbc.queryForList("select stage || ' ' || due_version from time_limit_run order by run_id", String.class))
                .containsExactly("ACCEPT 3", "RESPOND 2", "OPINION 6");
        assertThat(jdbc.queryForList("select due_at from time_limit_run order by run_id", OffsetDateTime.class))
                .extracting(OffsetDateTime::toInstant)
                .containsExactly(at("2024-03-18T17:30"), at("2024-03-05T17:30"), at("2024-03-26T17:30"));
        assertThat(jdbc.queryForList("select warning_at from time_limit_run where run_id = 'event-5'", OffsetDateTime.class))
                .extracting(OffsetDateTime::toInstant).containsExactly(at("2024-03-26T16:30"));

        // now (27 March): OPINION alone runs, due 26 March 17:30 by its recomputed version
        assertThat(list(new FindOverdueQuery("town", at("2024-03-27T09:00"), at("2024-03-27T09:00"))))
                .containsExactly("OPINION 2024-03-26T17:30");
        // as of 26 March 09:00 it is not yet due (recomputed); as known at 6 March 10:30, before the recomputation was
        // recorded, it was due on 25 March 17:30
        assertThat(list(new FindOverdueQuery("town", at("2024-03-26T09:00"), at("2024-03-27T09:00")))).isEmpty();
        assertThat(list(new FindOverdueQuery("town", at("2024-03-26T09:00"), at("2024-03-06T10:30"))))
                .containsExactly("OPINION 2024-03-25T17:30");
        // as of 12 March as known at 4 March 12:00: ACCEPT (its extension recorded on 5 March) and RESPOND (stopped on
        // 5 March) were still running, both past due; OPINION was not started
        assertThat(list(new FindOverdueQuery("town", at("2024-03-12T09:00"), at("2024-03-04T12:00"))))
                .containsExactly("RESPOND 2024-03-05T17:30", "ACCEPT 2024-03-11T17:30");
        assertThat(list(new FindOverdueQuery("town", at("2024-03-12T09:00"), at("2024-03-27T09:00")))).isEmpty();
        // the recomputed version took effect at 11:00 on 6 March: at 10:30 the first one applied (known later, too)
        assertThat(list(new FindUpcomingQuery("town", java.time.Duration.ofDays(30), at("2024-03-06T10:30"), at("2024-03-27T09:00"))))
                .containsExactly("OPINION 2024-03-25T17:30");
        assertThat(list(new FindUpcomingQuery("town", java.time.Duration.ofDays(30), at("2024-03-06T11:30"), at("2024-03-27T09:00"))))
                .containsExactly("OPINION 2024-03-26T17:30");
        // all units, and another unit
        assertThat(list(new FindOverdueQuery(null, at("2024-03-27T09:00"), at("2024-03-27T09:00"))))
                .containsExactly("OPINION 2024-03-26T17:30");
        assertThat(list(new FindOverdueQuery("village", at("2024-03-27T09:00"), at("2024-03-27T09:00")))).isEmpty();
    }

    @Test
    @DisplayName("同一开始事件在后一批次再次送达且同批次有延期：运行行中的最新一版期限副本仍随之更新")
    void aStartDeliveredAgainInALaterBatchWithAnExtensionKeepsTheCopyCurrent() {
        handle(first(), 0, 1, true);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        invoke(overdue, first().get(1), "event-1", 1); // ACCEPT's start again: its insert finds the row
        invoke(overdue, second().get(0), "event-3", 3); // ACCEPT extended to 18 March
        batch.commit();
        assertThat(jdbc.queryForObject("select due_version from time_limit_run where run_id = 'event-1'", Long.class)).isEqualTo(3L);
        assertThat(jdbc.queryForObject("select due_at from time_limit_run where run_id = 'event-1'", OffsetDateTime.class).toInstant())
                .isEqualTo(at("2024-03-18T17:30"));
        // on 12 March ACCEPT is not overdue (extended); RESPOND (due 5 March, running here) is
        assertThat(list(new FindOverdueQuery("town", at("2024-03-12T09:00"), at("2024-03-12T09:00"))))
                .containsExactly("RESPOND 2024-03-05T17:30");
    }
}
