package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15 over HTTP: the backlog flow (escalate → leader → progress overdue → warning/breach →
 * progress → settle) on a case back-entered in 2024 so that its LEADER_PROGRESS deadlines lie in
 * the past and the saga records them at once; repeat petitions found at registration; skip-level
 * petitions; the person registry and its key groups. Instants counted by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BacklogApiTest {

    static final String PLAN = "\"plan\":{\"crux\":\"工程款未结算\",\"measures\":\"约谈施工方，协调结算\",\"responsible\":\"王镇长\","
            + "\"targetDate\":\"2024-12-31\"}";

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A GENERAL complaint for the town; {@code occurredAt} null: now. */
    static String register(String name, String phone, String subject, String occurredAt, String extra) {
        return """
                {"track":"GENERAL","channel":"VISIT","category":"COMPLAINT",
                 "petitioner":{"name":"%s","phone":"%s"},
                 "headcount":1,"subject":"%s","content":"反映问题","unit":"town"%s%s}
                """.formatted(name, phone, subject, occurredAt == null ? "" : ",\"occurredAt\":\"" + occurredAt + "\"", extra);
    }

    static long count(List<String> reasons, String reason) {
        return reasons.stream().filter(reason::equals).count();
    }

    JsonNode created(String user, String body) {
        Api.Res r = api.post(user, "/api/cases", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    JsonNode step(String user, String id, String step, String body) {
        Api.Res r = api.post(user, "/api/cases/" + id + "/" + step, body);
        assertThat(r.status()).as(step + " " + r).isEqualTo(200);
        return r.body();
    }

    void refused(String user, String id, String step, String body, int status, String code) {
        Api.Res r = api.post(user, "/api/cases/" + id + "/" + step, body);
        assertThat(r.status()).as(step + " " + r).isEqualTo(status);
        assertThat(r.body().get("code").asText()).as(r.toString()).isEqualTo(code);
    }

    JsonNode backlogRow(String user, String query, String id) {
        for (JsonNode row : api.get(user, "/api/backlog" + query).body()) {
            if (row.get("caseId").asText().equals(id)) {
                return row;
            }
        }
        return null;
    }

    static List<String> reasons(JsonNode view) {
        List<String> r = new ArrayList<>();
        view.get("escalations").forEach(e -> r.add(e.get("reason").asText()));
        return r;
    }

    @Test
    @DisplayName("积案流程：提级 → 包案 → 推进超期（预警/超期）→ 推进（重新起算）→ 化解；台账随之更新")
    void theBacklogFlow() {
        String fresh = created("handler", register("王五", phone(), "拖欠工程款", null, "")).get("id").asText();
        refused("supervisor", fresh, "leader", "{\"leader\":\"leader\"," + PLAN + "}", 409, "not-escalated");
        refused("supervisor", fresh, "settle", "{\"outcome\":\"CONTAINED\",\"text\":\"x\"}", 409, "not-escalated");
        String id = created("handler", register("王五", phone(), "拖欠工程款", "2024-09-23T09:00:00+08:00", "")).get("id").asText();
        step("supervisor", id, "escalate", "{\"reason\":\"BACKLOG\",\"leader\":\"镇长\",\"occurredAt\":\"2024-09-23T09:30:00+08:00\"}");

        // bad input changes nothing: every field error at once
        Api.Res bad = api.post("supervisor", "/api/cases/" + id + "/leader", "{\"leader\":\"nobody\",\"plan\":{\"crux\":\"x\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().findValuesAsText("field")).contains("leader", "plan.measures", "plan.responsible", "plan.targetDate");
        refused("handler", id, "leader", "{\"leader\":\"leader\"," + PLAN + "}", 403, "role-not-permitted");
        refused("supervisor", id, "leader", "{\"leader\":\"handler\"," + PLAN + "}", 400, "leader-not-permitted");
        refused("handler", id, "progress", "{\"kind\":\"MEETING\",\"text\":\"x\"}", 409, "no-leader");

        // 包案 Mon 09-23 10:00: 09-24 (1) 25 (2) 26 (3) 27 (4) Sun 29 补班 (5) 30 (6), 国庆 10-01..07, 10-08 (7) 09 (8) 10 (9) 11 (10)
        // → Fri 10-11 17:30; warning at 52 h 30 of 70 h: the 8th working day (Wed 10-09) at 12:00
        JsonNode led = step("supervisor", id, "leader", "{\"leader\":\"leader\"," + PLAN + ",\"occurredAt\":\"2024-09-23T10:00:00+08:00\"}");
        assertThat(led.at("/backlog/leader").asText()).isEqualTo("leader");
        assertThat(led.at("/backlog/plan/targetDate").asText()).isEqualTo("2024-12-31");
        JsonNode lp = Api.timeLimit(led, "LEADER_PROGRESS");
        assertThat(lp.get("dueAt").asText()).isEqualTo("2024-10-11T17:30:00+08:00");
        assertThat(lp.get("warningAt").asText()).isEqualTo("2024-10-09T12:00:00+08:00");

        // long past: the saga records the breach at once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Api.timeLimit(api.get("handler", "/api/cases/" + id).body(), "LEADER_PROGRESS").get("status").asText()).isEqualTo("BREACHED"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode row = backlogRow("supervisor", "", id);
            assertThat(row).isNotNull();
            assertThat(row.at("/leaderProgress/status").asText()).isEqualTo("BREACHED");
            assertThat(row.at("/leaderProgress/dueAt").asText()).isEqualTo("2024-10-11T17:30:00+08:00");
            assertThat(row.get("leader").asText()).isEqualTo("leader");
            assertThat(row.get("reasons").toString()).contains("BACKLOG");
            assertThat(row.at("/petitioner/phone").asText()).contains("****");
        });

        // the leader's entry Tue 10-15 10:00 restarts the stage: 10-16 (1) 17 (2) 18 (3) 21 (4) 22 (5) 23 (6) 24 (7) 25 (8) 28 (9) 29 (10)
        JsonNode progressed = step("leader", id, "progress",
                "{\"kind\":\"MEETING\",\"text\":\"召开协调会\",\"occurredAt\":\"2024-10-15T10:00:00+08:00\"}");
        JsonNode again = Api.timeLimit(progressed, "LEADER_PROGRESS");
        assertThat(again.get("dueAt").asText()).isEqualTo("2024-10-29T17:30:00+08:00");
        assertThat(progressed.at("/backlog/progress/0/kind").asText()).isEqualTo("MEETING");
        refused("village1", id, "progress", "{\"kind\":\"VISIT\",\"text\":\"x\"}", 403, "not-case-leader");

        JsonNode settled = step("leader", id, "settle", "{\"outcome\":\"SUBSTANTIVE\",\"text\":\"工程款已结清\"}");
        assertThat(settled.at("/backlog/settlement/outcome").asText()).isEqualTo("SUBSTANTIVE");
        assertThat(Api.timeLimit(settled, "LEADER_PROGRESS").get("stoppedAt").isNull()).isFalse();
        refused("leader", id, "progress", "{\"kind\":\"VISIT\",\"text\":\"x\"}", 409, "backlog-settled");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode row = backlogRow("supervisor", "?outcome=SUBSTANTIVE&leader=leader", id);
            assertThat(row).isNotNull();
            assertThat(row.at("/lastProgress/text").asText()).isEqualTo("召开协调会");
            assertThat(row.get("outcome").asText()).isEqualTo("SUBSTANTIVE");
        });
        assertThat(backlogRow("supervisor", "?outcome=OPEN", id)).isNull();
        Api.Res xlsx = api.get("supervisor", "/api/backlog?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");
        assertThat(api.get("supervisor", "/api/backlog?outcome=NONE").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("重复访：同一信访人、同一类别、主题二元组相似度 ≥ 0.5 → repeatOf 并由系统提级 REPEAT；「路灯不亮」不是；信访人标记与重点群体")
    void repeatPetitionsAndThePersonRegistry() {
        String phone = phone();
        String first = created("handler", register("赵六", phone, "拖欠工资 张三工地", null,
                ",\"field\":\"WAGE_ARREARS\"")).get("id").asText();
        JsonNode second = created("handler", register("赵六", phone, "张三工地拖欠工资问题", null, ""));
        assertThat(second.get("repeatOf").toString()).isEqualTo("[\"" + first + "\"]");
        assertThat(reasons(second)).containsExactly("REPEAT");
        assertThat(second.at("/escalations/0/by").asText("system")).isEqualTo("system");
        JsonNode third = created("handler", register("赵六", phone, "路灯不亮", null, ""));
        assertThat(third.get("repeatOf").size()).isZero();
        assertThat(reasons(third)).doesNotContain("REPEAT");
        String thirdId = third.get("id").asText();

        // by hand: link, refuse twice, unlink
        JsonNode linked = step("handler", thirdId, "repeat-of", "{\"caseId\":\"" + first + "\",\"reason\":\"同一工地\"}");
        assertThat(linked.get("repeatOf").toString()).contains(first);
        refused("handler", thirdId, "repeat-of", "{\"caseId\":\"" + first + "\",\"reason\":\"x\"}", 409, "repeat-already-linked");
        Api.Res unlinked = api.send("handler", "DELETE", "/api/cases/" + thirdId + "/repeat-of",
                "{\"caseId\":\"" + first + "\",\"reason\":\"误关联\"}", java.util.Map.of());
        assertThat(unlinked.status()).as(unlinked.toString()).isEqualTo(200);
        assertThat(unlinked.body().get("repeatOf").size()).isZero();

        // 越级访: once per level
        JsonNode skipped = step("handler", first, "skip-level",
                "{\"level\":\"BEIJING\",\"place\":\"国家信访局\",\"text\":\"进京\"}");
        assertThat(count(reasons(skipped), "SKIP_LEVEL")).isEqualTo(1);
        JsonNode twice = step("handler", first, "skip-level", "{\"level\":\"BEIJING\",\"place\":\"国家信访局\"}");
        assertThat(count(reasons(twice), "SKIP_LEVEL")).isEqualTo(1);
        assertThat(twice.at("/backlog/skipLevels").size()).isEqualTo(2);

        // the registry: by phone, masked; flags derived; groups set by hand
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode found = api.get("supervisor", "/api/persons?q=" + phone).body();
            assertThat(found.size()).isEqualTo(1);
            JsonNode p = found.get(0);
            assertThat(p.get("name").asText()).isEqualTo("赵六");
            assertThat(p.get("phone").asText()).isNotEqualTo(phone).contains("****");
            assertThat(p.get("caseIds").size()).isEqualTo(3);
            assertThat(p.get("flags").toString()).contains("SKIP_LEVEL_BEIJING", "REPEAT");
        });
        String personId = api.get("supervisor", "/api/persons?q=" + phone).body().get(0).get("id").asText();
        assertThat(api.get("supervisor", "/api/persons/" + personId + "?reveal=true").body().get("phone").asText()).isEqualTo(phone);
        assertThat(api.get("handler", "/api/persons/" + personId + "?reveal=true").status()).isEqualTo(403);
        Api.Res groups = api.put("supervisor", "/api/persons/" + personId + "/groups", "{\"groups\":[\"RURAL_ELECTRICIANS\"]}");
        assertThat(groups.status()).as(groups.toString()).isEqualTo(200);
        assertThat(groups.body().get("groups").toString()).isEqualTo("[\"RURAL_ELECTRICIANS\"]");
        assertThat(api.put("supervisor", "/api/persons/" + personId + "/groups", "{\"groups\":[\"ASTRONAUTS\"]}").status()).isEqualTo(400);
        assertThat(api.get("supervisor", "/api/persons/no-such-person").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("重点领域：登记时填写，或由督办人员单独设置")
    void theKeyField() {
        JsonNode c = created("handler", register("钱七", phone(), "征地补偿", "2024-09-02T09:00:00+08:00", ",\"field\":\"LAND_ACQUISITION\""));
        assertThat(c.get("field").asText()).isEqualTo("LAND_ACQUISITION");
        JsonNode changed = step("supervisor", c.get("id").asText(), "reclassify", "{\"field\":\"AGRICULTURE\"}");
        assertThat(changed.get("field").asText()).isEqualTo("AGRICULTURE");
        assertThat(changed.get("track").asText()).isEqualTo("GENERAL");
        Api.Res bad = api.post("handler", "/api/cases", register("钱七", phone(), "x", "2024-09-02T09:00:00+08:00", ",\"field\":\"SPACE\""));
        assertThat(bad.status()).isEqualTo(400);
    }
}
