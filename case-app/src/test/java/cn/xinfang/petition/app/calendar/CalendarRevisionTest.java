package cn.xinfang.petition.app.calendar;

import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.event.TimeLimitRecomputedEvent;
import cn.xinfang.petition.app.support.Api;
import cn.xinfang.petition.time.BusinessCalendar;
import cn.xinfang.petition.time.CalendarYear;
import cn.xinfang.petition.time.TimeRules;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 日历修订: a revision that makes the due day of one open case's CONCLUDE stage a holiday. Exactly
 * that stage is recomputed, once, its deadline moves; a resolved case and an open case whose
 * stages end before the changed day are left alone; running the revision again changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarRevisionTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore events;
    @Autowired
    TimeRules rules;
    @Autowired
    CalendarRevisions revisions;

    static final String REGISTER = """
            {"track":"SIMPLE","channel":"VISIT","category":"COMPLAINT","petitioner":{"name":"赵六"},
             "subject":"修订测试","content":"内容","unit":"town"}""";

    String create(Api api) {
        Api.Res r = api.post("handler", "/api/cases", REGISTER);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().get("id").asText();
    }

    static JsonNode limit(JsonNode view, String stage) {
        return Api.timeLimit(view, stage);
    }

    /** How many rows of the overdue list at {@code path} are the case's CONCLUDE stage. */
    static long lateConclude(Api api, String path, String caseId) {
        Api.Res r = api.get("supervisor", path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        long n = 0;
        for (JsonNode row : r.body()) {
            n += row.get("caseId").asText().equals(caseId) && row.get("stage").asText().equals("CONCLUDE") ? 1 : 0;
        }
        return n;
    }

    List<TimeLimitRecomputedEvent> recomputed(String caseId) {
        return events.readEvents(caseId).asStream().map(m -> m.getPayload())
                .filter(TimeLimitRecomputedEvent.class::isInstance).map(TimeLimitRecomputedEvent.class::cast).toList();
    }

    @Test
    @DisplayName("只重算受影响的未完成环节，每个环节只重算一次，期限随之移动")
    void exactlyTheAffectedOpenStagesAreRecomputedOnceAndTheirDeadlinesMove() {
        Api api = new Api(port);
        String open = create(api);
        api.post("handler", "/api/cases/" + open + "/sign", null);
        JsonNode accepted = api.post("handler", "/api/cases/" + open + "/accept", null).body();
        Instant concludeDue = OffsetDateTime.parse(limit(accepted, "CONCLUDE").get("dueAt").asText()).toInstant();
        Instant opinionDue = OffsetDateTime.parse(limit(accepted, "OPINION").get("dueAt").asText()).toInstant();
        LocalDate dueDay = concludeDue.atZone(ZONE).toLocalDate();

        String unsigned = create(api);
        String resolved = create(api);
        for (String step : List.of("sign", "accept")) {
            api.post("handler", "/api/cases/" + resolved + "/" + step, null);
        }
        api.post("handler", "/api/cases/" + resolved + "/notify", "{\"kind\":\"ACCEPTED\",\"mode\":\"POST\",\"text\":\"受理告知书\"}");
        api.post("handler", "/api/cases/" + resolved + "/respond", "{\"mode\":\"PHONE\",\"summary\":\"告知\"}");
        api.post("handler", "/api/cases/" + resolved + "/meetings", "{\"kind\":\"HANDLING\",\"summary\":\"见面\"}");
        api.post("handler", "/api/cases/" + resolved + "/opinion", "{\"decision\":\"EXPLAINED\",\"text\":\"解释\"}");
        api.post("handler", "/api/cases/" + resolved + "/meetings", "{\"kind\":\"CONCLUSION\",\"summary\":\"见面\"}");
        api.post("handler", "/api/cases/" + resolved + "/deliver", "{\"mode\":\"IN_PERSON\"}");
        // notified, delivered and resolved: nothing of it runs any more
        assertThat(api.post("handler", "/api/cases/" + resolved + "/resolve", "{\"summary\":\"办结\"}").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select count(*) from time_limit_run where case_id = ? and stage = 'CONCLUDE'", Integer.class, open))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from time_limit_run where case_id = ? and stopped_at is null", Integer.class, resolved))
                    .isZero();
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where execution_time = ?", Integer.class,
                    Timestamp.from(concludeDue))).isGreaterThanOrEqualTo(1);
        });

        Instant beforeRevision = Instant.now();
        // the revision: the due day of the open case's CONCLUDE stage becomes a holiday
        BusinessCalendar current = rules.calculator().time().calendar();
        CalendarYear year = current.year(dueDay.getYear()).orElse(null);
        TreeSet<LocalDate> holidays = new TreeSet<>(year == null ? List.of() : year.holidays());
        holidays.add(dueDay);
        List<LocalDate> workdays = year == null ? List.of() : year.workdays().stream().sorted().toList();
        String json = "{\"years\":{\"" + dueDay.getYear() + "\":{\"holidays\":["
                + holidays.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(","))
                + "],\"workdays\":[" + workdays.stream().map(d -> "\"" + d + "\"").collect(Collectors.joining(","))
                + "],\"names\":{\"" + dueDay + "\":\"测试假日\"}}}}";
        assertThat(api.post("handler", "/api/admin/calendar", json).status()).isEqualTo(403);
        Api.Res loaded = api.post("admin", "/api/admin/calendar", json);
        assertThat(loaded.status()).as(loaded.toString()).isEqualTo(202);
        String version = loaded.body().get("version").asText();
        assertThat(loaded.body().get("loadedBy").asText()).isEqualTo("admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(revisions.find(version).orElseThrow().status()));

        List<TimeLimitRecomputedEvent> changed = recomputed(open);
        assertThat(changed).hasSize(1);
        TimeLimitRecomputedEvent e = changed.get(0);
        assertThat(e.stage()).isEqualTo(Stage.CONCLUDE);
        assertThat(e.calendarVersion()).isEqualTo(version);
        assertThat(e.previousDue()).isEqualTo(concludeDue);
        LocalDate next = dueDay.plusDays(1);
        while (!rules.calculator().time().isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        assertThat(e.timeLimit().due().atZone(ZONE).toLocalDate()).isEqualTo(next);
        assertThat(e.timeLimit().explanation().holidaysSkipped()).extracting(c -> c.date()).contains(dueDay);
        assertThat(recomputed(unsigned)).isEmpty();
        assertThat(recomputed(resolved)).isEmpty();
        assertThat(OffsetDateTime.parse(limit(api.get("handler", "/api/cases/" + open).body(), "OPINION").get("dueAt").asText()).toInstant())
                .isEqualTo(opinionDue);

        Instant newDue = e.timeLimit().due();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where execution_time = ?", Integer.class,
                    Timestamp.from(newDue))).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where execution_time = ?", Integer.class,
                    Timestamp.from(concludeDue))).isZero();
        });

        // the overdue view keeps both due instants of the run, each with when it applied and was recorded:
        // a minute after the old due instant the stage is late as known before the revision, not as known now
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select d.due_at from time_limit_due d join time_limit_run r on r.run_id = d.run_id "
                        + "where r.case_id = ? and r.stage = 'CONCLUDE' order by d.version_no", OffsetDateTime.class, open))
                .extracting(OffsetDateTime::toInstant).containsExactly(concludeDue, newDue));
        // the ledger's running stage moves with it (the row was stored before: an update of its due instant)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select due_at from ledger_stage where case_id = ? and stage = 'CONCLUDE'", OffsetDateTime.class, open).toInstant())
                .isEqualTo(newDue));
        String asOf = "/api/overdue?asOf=" + concludeDue.plusSeconds(60);
        assertThat(lateConclude(api, asOf + "&knownAt=" + beforeRevision, open)).isEqualTo(1);
        assertThat(lateConclude(api, asOf, open)).isZero();
        assertThat(lateConclude(api, "/api/overdue?asOf=" + newDue.plusSeconds(60), open)).isEqualTo(1);

        // resuming the same revision (as after a crash) recomputes nothing twice
        jdbc.update("update calendar_revision_case set done = false where version = ?", version);
        revisions.run(version);
        assertThat(recomputed(open)).hasSize(1);
        assertThat(api.get("admin", "/api/admin/calendar").body().findValuesAsText("version")).contains(version);
        assertThat(api.post("admin", "/api/admin/calendar", json).status()).isEqualTo(409);
        assertThat(api.post("admin", "/api/admin/calendar", "{\"years\":{\"2027\":[]}}").status()).isEqualTo(400);
    }
}
