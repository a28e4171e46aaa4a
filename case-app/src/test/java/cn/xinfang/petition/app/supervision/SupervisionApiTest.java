package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.SkipLevel;
import cn.xinfang.petition.api.event.SkipLevelPetitionRecordedEvent;
import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16 over HTTP: an inspection's rectification through warning, breach, report, rejected
 * verification, reopening, report and closing, with back-entered times (2024) and instants counted
 * by hand; 督办 of a case; notices with their numbering, export and the skip-level reaction; a
 * campaign's reports and summary with figures counted by hand from what the test wrote.
 * Calendar 2024: 春节 02-10 … 02-17 off, Sun 02-04 and Sun 02-18 make-up working days; working hours
 * 08:30–12:00, 14:00–17:30.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionApiTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    EventGateway events;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    Api.Res ok(Api.Res r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r;
    }

    Api.Res refused(Api.Res r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.body().get("code").asText()).as(r.toString()).isEqualTo(code);
        return r;
    }

    String newCase(String unit, String occurredAt) {
        Api.Res r = ok(api.post("supervisor", "/api/cases", """
                {"track":"SIMPLE","channel":"VISIT","category":"COMPLAINT",
                 "petitioner":{"name":"李四","phone":"13912345678"},
                 "headcount":1,"subject":"拖欠工资","content":"反映工地拖欠工资","unit":"%s","occurredAt":"%s"}
                """.formatted(unit, occurredAt)), 201);
        return r.body().get("id").asText();
    }

    JsonNode step(String user, String id, String step, String body) {
        return ok(api.post(user, "/api/cases/" + id + "/" + step, body), 200).body();
    }

    String inspection(String unit, String date, String caseId) {
        Api.Res r = ok(api.post("supervisor", "/api/inspections", """
                {"kind":"SPOT","methods":["RECORDS","UNANNOUNCED"],"unit":"%s","date":"%s","inspectors":["supervisor"],
                 "findings":[{"kind":"SLOW","text":"信访事项办理迟缓"%s}]}
                """.formatted(unit, date, caseId == null ? "" : ",\"caseId\":\"" + caseId + "\"")), 201);
        assertThat(r.body().at("/findings/0/kind").asText()).isEqualTo("SLOW");
        return r.body().get("id").asText();
    }

    JsonNode rectification(String id) {
        return ok(api.get("supervisor", "/api/rectifications/" + id), 200).body();
    }

    @Test
    @DisplayName("整改全流程：督查 02-08 → 5 个工作日到期 02-21 17:30 → 预警 → 超期 → 报告 → 验收未通过 → 重新整改 → 报告 → 验收通过")
    void theWholeLoop() {
        String inspectionId = inspection("town", "2024-02-08", null);
        refused(api.post("handler", "/api/inspections/" + inspectionId + "/rectifications",
                "{\"finding\":0,\"requirement\":\"x\",\"limit\":{\"amount\":5,\"unit\":\"WORKING_DAYS\"}}"), 403, "forbidden");
        Api.Res bad = ok(api.post("supervisor", "/api/inspections/" + inspectionId + "/rectifications",
                "{\"finding\":3,\"limit\":{\"amount\":0,\"unit\":\"HOURS\"}}"), 400);
        assertThat(bad.body().findValues("field").stream().map(JsonNode::asText).toList())
                .contains("finding", "requirement", "limit.amount", "limit.unit");

        JsonNode r = ok(api.post("supervisor", "/api/inspections/" + inspectionId + "/rectifications", """
                {"finding":0,"unit":"town","requirement":"建立信访事项办理台账，逐件销号","limit":{"amount":5,"unit":"WORKING_DAYS"}}
                """), 201).body();
        String id = r.get("id").asText();
        // Thu 02-08 not counted; Fri 02-09 (1), 02-10…02-17 春节, Sun 02-18 调休 (2), 02-19 (3), 02-20 (4), Wed 02-21 (5)
        assertThat(r.get("dueAt").asText()).isEqualTo("2024-02-21T17:30:00+08:00");
        // 35 h from Fri 02-09 08:30; 75 % = 26 h 15 min → 02-09, 02-18, 02-19 (21 h), 02-20 08:30–12:00 (24 h 30 min), 14:00 + 1 h 45 min
        assertThat(r.get("warningAt").asText()).isEqualTo("2024-02-20T15:45:00+08:00");
        assertThat(r.at("/explanation/zh").asText()).contains("2024-02-18");
        assertThat(r.at("/limit/amount").asInt()).isEqualTo(5);

        // both instants are long past: the deadline saga records the warning, then the breach, once each
        await().atMost(WAIT).untilAsserted(() -> assertThat(rectification(id).get("status").asText()).isEqualTo("OVERDUE"));
        JsonNode overdue = rectification(id);
        assertThat(overdue.get("warnedAt").isNull()).isFalse();
        assertThat(overdue.get("breaches").asInt()).isEqualTo(1);
        assertThat(overdue.get("steps").findValues("kind").stream().map(JsonNode::asText).toList())
                .containsExactly("ISSUED", "WARNING", "BREACH");
        assertThat(api.get("supervisor", "/api/rectifications?status=OVERDUE").body().findValues("id").stream()
                .map(JsonNode::asText).toList()).contains(id);

        refused(api.post("supervisor", "/api/rectifications/" + id + "/verify", "{\"accepted\":true,\"text\":\"通过\"}"), 409,
                "rectification-not-reported");
        refused(api.post("village1", "/api/rectifications/" + id + "/report", "{\"text\":\"已整改\"}"), 403, "forbidden");
        JsonNode reported = ok(api.post("handler", "/api/rectifications/" + id + "/report",
                "{\"text\":\"已建立台账\",\"occurredAt\":\"2024-02-22T10:00:00+08:00\"}"), 200).body();
        assertThat(reported.get("status").asText()).isEqualTo("REPORTED");
        refused(api.post("handler", "/api/rectifications/" + id + "/verify", "{\"accepted\":true,\"text\":\"通过\"}"), 403, "forbidden");

        // rejected on Fri 02-23 10:00 with 3 working days: 02-26 (1), 02-27 (2), 02-28 (3) → Wed 02-28 17:30
        JsonNode reopened = ok(api.post("supervisor", "/api/rectifications/" + id + "/verify",
                "{\"accepted\":false,\"text\":\"台账不全\",\"limit\":{\"amount\":3,\"unit\":\"WORKING_DAYS\"},"
                        + "\"occurredAt\":\"2024-02-23T10:00:00+08:00\"}"), 200).body();
        assertThat(reopened.get("status").asText()).isIn("REOPENED", "OVERDUE");
        assertThat(reopened.get("dueAt").asText()).isEqualTo("2024-02-28T17:30:00+08:00");
        assertThat(reopened.get("reopened").asInt()).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(rectification(id).get("breaches").asInt()).isEqualTo(2));

        ok(api.post("handler", "/api/rectifications/" + id + "/report",
                "{\"text\":\"台账已补全\",\"occurredAt\":\"2024-02-28T09:00:00+08:00\"}"), 200);
        JsonNode closed = ok(api.post("supervisor", "/api/rectifications/" + id + "/verify",
                "{\"accepted\":true,\"text\":\"验收通过\",\"occurredAt\":\"2024-02-29T10:00:00+08:00\"}"), 200).body();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("closedAt").asText()).isEqualTo("2024-02-29T10:00:00+08:00");
        assertThat(closed.get("steps").findValues("kind").stream().map(JsonNode::asText).toList())
                .containsExactly("ISSUED", "WARNING", "BREACH", "REPORTED", "REOPENED", "WARNING", "BREACH", "REPORTED", "CLOSED");
        refused(api.post("handler", "/api/rectifications/" + id + "/report", "{\"text\":\"再报\"}"), 409, "rectification-not-open");

        // units see their own; auditors read everything
        assertThat(api.get("handler", "/api/rectifications?status=CLOSED").body().findValues("id").stream().map(JsonNode::asText).toList())
                .contains(id);
        assertThat(api.get("village1", "/api/rectifications").body().findValues("id").stream().map(JsonNode::asText).toList())
                .doesNotContain(id);
        ok(api.get("auditor", "/api/rectifications/" + id), 200);
        ok(api.get("village1", "/api/rectifications/" + id), 403);
        Api.Res xlsx = ok(api.get("supervisor", "/api/rectifications?format=xlsx"), 200);
        assertThat(xlsx.raw().body()[0]).isEqualTo((byte) 'P');
    }

    @Test
    @DisplayName("督办：督办人员加上督办时限（3 个工作日），承办单位回复后停止；均见于历史")
    void superviseACase() {
        String id = newCase("town", "2024-02-26T09:00:00+08:00");
        refused(api.post("handler", "/api/cases/" + id + "/supervise",
                "{\"requirement\":\"尽快办理\",\"limit\":{\"amount\":3,\"unit\":\"WORKING_DAYS\"}}"), 403, "supervisor-required");
        refused(api.post("handler", "/api/cases/" + id + "/supervision-reply", "{\"text\":\"已办\"}"), 409, "supervision-not-open");
        // Mon 02-26 10:00, 3 working days: 02-27 (1), 02-28 (2), 02-29 (3) → Thu 02-29 17:30
        JsonNode v = step("supervisor", id, "supervise", "{\"requirement\":\"尽快办理\",\"limit\":{\"amount\":3,\"unit\":\"WORKING_DAYS\"},"
                + "\"occurredAt\":\"2024-02-26T10:00:00+08:00\"}");
        assertThat(Api.timeLimit(v, "SUPERVISION").get("dueAt").asText()).isEqualTo("2024-02-29T17:30:00+08:00");
        refused(api.post("supervisor", "/api/cases/" + id + "/supervise",
                "{\"requirement\":\"再督办\",\"limit\":{\"amount\":3,\"unit\":\"WORKING_DAYS\"}}"), 409, "supervision-already-open");
        // a step of the case does not stop it
        step("handler", id, "sign", "{\"occurredAt\":\"2024-02-26T10:10:00+08:00\"}");
        refused(api.post("village1", "/api/cases/" + id + "/supervision-reply", "{\"text\":\"已办\"}"), 403, "not-of-unit");
        JsonNode replied = step("handler", id, "supervision-reply", "{\"text\":\"已按要求办理\",\"occurredAt\":\"2024-02-28T10:00:00+08:00\"}");
        JsonNode limit = Api.timeLimit(replied, "SUPERVISION");
        assertThat(limit.get("status").asText()).isEqualTo("MET");
        assertThat(limit.get("stoppedAt").asText()).isEqualTo("2024-02-28T10:00:00+08:00");
        List<String> types = api.get("supervisor", "/api/cases/" + id + "/history").body().findValues("type").stream()
                .map(JsonNode::asText).toList();
        assertThat(types).contains("CaseSupervisedEvent", "SupervisionRepliedEvent");
    }

    @Test
    @DisplayName("通报：草稿 → 印发（年度编号递增），单位只见点名本单位的已印发通报，导出 .docx 与 HTML")
    void notices() {
        String caseId = newCase("town", "2024-02-26T09:00:00+08:00");
        refused(api.post("handler", "/api/notices", "{\"kind\":\"CRITICISM\",\"units\":[\"town\"],\"text\":\"x\"}"), 403, "forbidden");
        Api.Res bad = ok(api.post("supervisor", "/api/notices", "{\"kind\":\"PRAISE\",\"units\":[\"nowhere\"]}"), 400);
        assertThat(bad.body().findValues("field").stream().map(JsonNode::asText).toList()).contains("kind", "units", "text");
        JsonNode draft = ok(api.post("supervisor", "/api/notices", """
                {"kind":"CRITICISM","units":["town"],"text":"经督查，该镇信访事项办理迟缓。","caseIds":["%s"],"rectificationIds":[],
                 "accountability":{"persons":["王某"],"proposal":"建议约谈"}}
                """.formatted(caseId)), 201).body();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("number").isNull()).isTrue();
        String id = draft.get("id").asText();
        assertThat(api.get("handler", "/api/notices").body().findValues("id").stream().map(JsonNode::asText).toList()).doesNotContain(id);
        refused(api.get("supervisor", "/api/notices/" + id + "/export?format=html"), 409, "notice-not-published");

        JsonNode published = ok(api.post("supervisor", "/api/notices/" + id + "/publish", "{\"date\":\"2024-02-27\"}"), 200).body();
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.get("year").asInt()).isEqualTo(2024);
        int seq = published.get("seq").asInt();
        assertThat(published.get("number").asText()).isEqualTo("督通〔2024〕" + seq + "号");
        refused(api.post("supervisor", "/api/notices/" + id + "/publish", "{}"), 409, "notice-already-published");

        String second = ok(api.post("supervisor", "/api/notices", "{\"kind\":\"COMMENDATION\",\"units\":[\"village-1\"],\"text\":\"表扬\"}"), 201)
                .body().get("id").asText();
        JsonNode next = ok(api.post("supervisor", "/api/notices/" + second + "/publish", "{\"date\":\"2024-03-01\"}"), 200).body();
        assertThat(next.get("seq").asInt()).isEqualTo(seq + 1);

        assertThat(api.get("handler", "/api/notices").body().findValues("id").stream().map(JsonNode::asText).toList())
                .contains(id).doesNotContain(second);
        assertThat(api.get("village1", "/api/notices").body().findValues("id").stream().map(JsonNode::asText).toList())
                .contains(second).doesNotContain(id);
        assertThat(api.get("auditor", "/api/notices").body().findValues("id").stream().map(JsonNode::asText).toList())
                .contains(id, second);

        Api.Res html = ok(api.get("handler", "/api/notices/" + id + "/export?format=html"), 200);
        String page = new String(html.raw().body(), StandardCharsets.UTF_8);
        assertThat(page).contains("督通〔2024〕" + seq + "号", "关于有关问题的通报批评", "曹庙镇信访办", "2024年2月27日", "建议约谈");
        Api.Res docx = ok(api.get("handler", "/api/notices/" + id + "/export?format=docx"), 200);
        assertThat(new String(docx.raw().body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }

    @Test
    @DisplayName("越级访事件：自动起草点名承办单位的越级访通报，重复处理不重复起草")
    void aSkipLevelPetitionDraftsANotice() {
        String caseId = newCase("village-1", "2024-02-26T09:00:00+08:00");
        events.publish(new SkipLevelPetitionRecordedEvent(new CaseId(caseId), SkipLevel.BEIJING, "国家信访局", "进京上访",
                "village-1", new Actor("supervisor", null, Role.SUPERVISOR), Instant.parse("2024-02-27T02:00:00Z"), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> found = new ArrayList<>();
            api.get("supervisor", "/api/notices?kind=SKIP_LEVEL").body().forEach(n -> {
                if (n.get("caseIds").toString().contains(caseId)) {
                    found.add(n);
                }
            });
            assertThat(found).hasSize(1);
            assertThat(found.get(0).get("status").asText()).isEqualTo("DRAFT");
            assertThat(found.get(0).get("units").toString()).isEqualTo("[\"village-1\"]");
            assertThat(found.get(0).get("text").asText()).contains("一村", "2024-02-27", "进京上访");
        });
    }

    @Test
    @DisplayName("专项行动：阶段、定期上报、未报单位、汇总（逐项手工计数）及其明细")
    void campaignReportsAndSummary() {
        assertThat(api.get("auditor", "/api/campaigns").body().findValues("name").stream().map(JsonNode::asText).toList())
                .contains("信访工作规范化建设年\u201c五大\u201d专项行动");
        refused(api.post("handler", "/api/campaigns", "{\"name\":\"x\"}"), 403, "forbidden");
        Api.Res bad = ok(api.post("supervisor", "/api/campaigns", """
                {"name":"","reportEvery":"weekly","units":["nowhere"],
                 "phases":[{"name":"一","from":"2024-03-08","to":"2024-03-04"}]}
                """), 400);
        assertThat(bad.body().findValues("field").stream().map(JsonNode::asText).toList())
                .contains("name", "reportEvery", "units", "phases[0].to");
        JsonNode c = ok(api.post("supervisor", "/api/campaigns", """
                {"name":"测试专项","reportEvery":"P7D","units":["village-2"],
                 "phases":[{"name":"一阶段","from":"2024-03-04","to":"2024-03-08"},{"name":"二阶段","from":"2024-03-11","to":"2024-03-22"}]}
                """), 201).body();
        String cid = c.get("id").asText();
        assertThat(c.at("/phases/1/to").asText()).isEqualTo("2024-03-22");

        // reports: periods 03-04…03-10, 03-11…03-17, 03-18…03-22
        refused(api.post("village1", "/api/campaigns/" + cid + "/reports",
                "{\"unit\":\"village-2\",\"period\":{\"from\":\"2024-03-04\",\"to\":\"2024-03-10\"},\"text\":\"x\"}"), 403, "forbidden");
        ok(api.post("village2", "/api/campaigns/" + cid + "/reports",
                "{\"unit\":\"village-2\",\"period\":{\"from\":\"2024-03-04\",\"to\":\"2024-03-10\"},\"text\":\"本周开展排查\",\"figures\":{\"visits\":3}}"), 201);
        JsonNode missing = ok(api.get("supervisor", "/api/campaigns/" + cid + "/reports/missing?asOf=2024-03-20"), 200).body();
        assertThat(missing.get("periods")).hasSize(2);
        assertThat(missing.at("/periods/0/units")).isEmpty();
        assertThat(missing.at("/periods/1/from").asText()).isEqualTo("2024-03-11");
        assertThat(missing.at("/periods/1/units/0").asText()).isEqualTo("village-2");
        assertThat(missing.at("/missing/0/unit").asText()).isEqualTo("village-2");

        // phase 1: case A (03-05) accepted on time, responded, handling meeting held, opinion on time;
        // case B (03-06) signed 09:10, accepted 03-07 09:00 – after its 2 working hours (due 03-06 11:10)
        String a = newCase("village-2", "2024-03-05T09:00:00+08:00");
        step("village2", a, "sign", "{\"occurredAt\":\"2024-03-05T09:10:00+08:00\"}");
        step("village2", a, "accept", "{\"occurredAt\":\"2024-03-05T09:20:00+08:00\"}");
        step("village2", a, "respond", "{\"mode\":\"PHONE\",\"summary\":\"已告知\",\"occurredAt\":\"2024-03-05T09:30:00+08:00\"}");
        step("village2", a, "meetings", "{\"kind\":\"HANDLING\",\"summary\":\"见面\",\"occurredAt\":\"2024-03-06T09:00:00+08:00\"}");
        step("village2", a, "opinion", "{\"decision\":\"SUPPORTED\",\"text\":\"支持\",\"occurredAt\":\"2024-03-07T10:00:00+08:00\"}");
        String b = newCase("village-2", "2024-03-06T09:00:00+08:00");
        step("village2", b, "sign", "{\"occurredAt\":\"2024-03-06T09:10:00+08:00\"}");
        step("village2", b, "accept", "{\"occurredAt\":\"2024-03-07T09:00:00+08:00\"}");
        // phase 2: case C (03-12), nothing more; a skip-level petition on 03-13
        String cc = newCase("village-2", "2024-03-12T09:00:00+08:00");
        events.publish(new SkipLevelPetitionRecordedEvent(new CaseId(cc), SkipLevel.PROVINCE, "省信访局", "赴省",
                "village-2", new Actor("supervisor", null, Role.SUPERVISOR), Instant.parse("2024-03-13T02:00:00Z"), Instant.now()));
        // phase 1: an inspection on 03-07, its rectification overdue (5 working days → 03-14 17:30)
        String i1 = inspection("village-2", "2024-03-07", a);
        String r1 = ok(api.post("supervisor", "/api/inspections/" + i1 + "/rectifications",
                "{\"finding\":0,\"requirement\":\"整改\",\"limit\":{\"amount\":5,\"unit\":\"WORKING_DAYS\"}}"), 201).body().get("id").asText();
        assertThat(rectification(r1).get("dueAt").asText()).isEqualTo("2024-03-14T17:30:00+08:00");
        // phase 2: an inspection on 03-12, its rectification reported and closed
        String i2 = inspection("village-2", "2024-03-12", null);
        String r2 = ok(api.post("supervisor", "/api/inspections/" + i2 + "/rectifications",
                "{\"finding\":0,\"requirement\":\"整改\",\"limit\":{\"amount\":2,\"unit\":\"WORKING_DAYS\"}}"), 201).body().get("id").asText();
        ok(api.post("village2", "/api/rectifications/" + r2 + "/report", "{\"text\":\"已整改\",\"occurredAt\":\"2024-03-13T09:00:00+08:00\"}"), 200);
        ok(api.post("supervisor", "/api/rectifications/" + r2 + "/verify",
                "{\"accepted\":true,\"text\":\"通过\",\"occurredAt\":\"2024-03-13T10:00:00+08:00\"}"), 200);
        await().atMost(WAIT).untilAsserted(() -> assertThat(rectification(r1).get("status").asText()).isEqualTo("OVERDUE"));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode s = ok(api.get("supervisor", "/api/campaigns/" + cid + "/summary"), 200).body();
            assertThat(s.get("rows")).hasSize(2);
            JsonNode p1 = s.at("/rows/0/figures");
            assertThat(s.at("/rows/0/phase").asText()).isEqualTo("一阶段");
            assertThat(p1.get("casesRegistered").asInt()).isEqualTo(2);
            assertThat(p1.get("acceptStopped").asInt()).isEqualTo(2);
            assertThat(p1.get("acceptOnTime").asInt()).isEqualTo(1);
            assertThat(p1.get("acceptOnTimeRate").asDouble()).isEqualTo(50.0);
            assertThat(p1.get("opinionStopped").asInt()).isEqualTo(1);
            assertThat(p1.get("opinionOnTime").asInt()).isEqualTo(1);
            assertThat(p1.get("opinionOnTimeRate").asDouble()).isEqualTo(100.0);
            assertThat(p1.get("responded").asInt()).isEqualTo(1);
            assertThat(p1.get("meetingsHeld").asInt()).isEqualTo(1);
            assertThat(p1.get("meetingsWaived").asInt()).isEqualTo(0);
            assertThat(p1.get("inspections").asInt()).isEqualTo(1);
            assertThat(p1.get("rectificationsOpen").asInt()).isEqualTo(0);
            assertThat(p1.get("rectificationsOverdue").asInt()).isEqualTo(1);
            assertThat(p1.get("rectificationsClosed").asInt()).isEqualTo(0);
            assertThat(p1.get("skipLevelPetitions").asInt()).isEqualTo(0);
            JsonNode p2 = s.at("/rows/1/figures");
            assertThat(p2.get("casesRegistered").asInt()).isEqualTo(1);
            assertThat(p2.get("acceptStopped").asInt()).isEqualTo(0);
            assertThat(p2.get("acceptOnTimeRate").isNull()).isTrue();
            assertThat(p2.get("inspections").asInt()).isEqualTo(1);
            assertThat(p2.get("rectificationsClosed").asInt()).isEqualTo(1);
            assertThat(p2.get("rectificationsOverdue").asInt()).isEqualTo(0);
            assertThat(p2.get("skipLevelPetitions").asInt()).isEqualTo(1);
        });
        // each figure opens as the records behind it
        JsonNode onTime = ok(api.get("supervisor", "/api/campaigns/" + cid + "/summary/items?unit=village-2&phase=一阶段&figure=acceptOnTime"), 200).body();
        assertThat(onTime).hasSize(1);
        String caseNoA = api.get("supervisor", "/api/cases/" + a).body().get("caseNo").asText();
        assertThat(onTime.at("/0/caseNo").asText()).isEqualTo(caseNoA);
        JsonNode registered = ok(api.get("supervisor", "/api/campaigns/" + cid + "/summary/items?unit=village-2&phase=0&figure=casesRegistered"), 200).body();
        assertThat(registered.findValues("id").stream().map(JsonNode::asText).toList()).containsExactlyInAnyOrder(a, b);
        // a unit sees its own row only; the spreadsheet
        JsonNode own = ok(api.get("village1", "/api/campaigns/" + cid + "/summary"), 200).body();
        assertThat(own.get("rows").findValues("unit").stream().map(JsonNode::asText).distinct().toList()).containsExactly("village-1");
        Api.Res xlsx = ok(api.get("supervisor", "/api/campaigns/" + cid + "/summary?format=xlsx"), 200);
        assertThat(xlsx.raw().body()[0]).isEqualTo((byte) 'P');
    }
}
