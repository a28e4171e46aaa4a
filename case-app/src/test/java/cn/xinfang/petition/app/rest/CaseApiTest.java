package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API end to end, on the real database (H2 by default, PostgreSQL with -Ppostgres). */
// these tests register the same petition again and again and count a registration's own events: repeat
// detection (重复访, issue 15; tested in BacklogApiTest) is switched off by a threshold no subject reaches
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cases.persons.repeat-threshold=2")
@AutoConfigureObservability
class CaseApiTest {

    static final String ID_NUMBER = "11010519491231002X";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static String register(String track, String unit) {
        return """
                {"track":"%s","channel":"VISIT","category":"COMPLAINT",
                 "petitioner":{"name":"张三","idNumber":"%s","phone":"13812345678","address":"一村三组"},
                 "headcount":1,"subject":"宅基地纠纷","content":"反映邻里宅基地边界纠纷","unit":"%s"}
                """.formatted(track, ID_NUMBER, unit);
    }

    String newCase(String user, String track, String unit) {
        Api.Res r = api.post(user, "/api/cases", register(track, unit));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().get("id").asText();
    }

    static JsonNode limit(JsonNode view, String stage) {
        return Api.timeLimit(view, stage);
    }

    @Test
    @DisplayName("简易事项经 HTTP 走完全部环节")
    void aSimpleCaseThroughEveryStep() {
        Api.Res created = api.post("handler", "/api/cases", register("SIMPLE", "town"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/cases/" + id);
        // registration records three events: the registration, and the SIGN and NOTIFY (书面告知) limits started
        assertThat(created.header("ETag")).isEqualTo("\"2\"");
        assertThat(created.body().get("caseNo").asText()).matches("\\d{4}-\\d{6}");
        assertThat(created.body().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(created.body().at("/petitioner/idNumber").asText()).isEqualTo("110105********002X");
        assertThat(created.body().at("/petitioner/phone").asText()).isEqualTo("138****5678");
        JsonNode sign = limit(created.body(), "SIGN");
        assertThat(sign.get("status").asText()).isEqualTo("OPEN");
        assertThat(sign.get("rule").asText()).isEqualTo("225.sign: 2 working hours from registration or transfer");
        assertThat(sign.at("/explanation/zh").asText()).contains("到期时间");
        assertThat(sign.at("/explanation/en").asText()).contains("Due:");

        String base = "/api/cases/" + id;
        assertThat(api.post("handler", base + "/sign", null).status()).isEqualTo(200);
        assertThat(api.post("handler", base + "/accept", "{}").status()).isEqualTo(200);
        assertThat(api.post("handler", base + "/notify", "{\"kind\":\"ACCEPTED\",\"mode\":\"POST\",\"text\":\"受理告知书\"}").status())
                .isEqualTo(200);
        assertThat(api.post("handler", base + "/respond", "{\"mode\":\"PHONE\",\"summary\":\"电话告知已受理\"}").status()).isEqualTo(200);
        assertThat(api.post("handler", base + "/meetings", "{\"kind\":\"HANDLING\",\"place\":\"镇信访办\",\"summary\":\"当面沟通\"}").status())
                .isEqualTo(200);
        assertThat(api.post("handler", base + "/opinion", "{\"decision\":\"SUPPORTED\",\"text\":\"支持\"}").status()).isEqualTo(200);
        assertThat(api.post("handler", base + "/meetings", "{\"kind\":\"CONCLUSION\",\"summary\":\"告知处理结果\"}").status())
                .isEqualTo(200);
        assertThat(api.post("handler", base + "/deliver", "{\"mode\":\"IN_PERSON\",\"receivedBy\":\"张三\"}").status()).isEqualTo(200);
        Api.Res resolved = api.post("handler", base + "/resolve",
                "{\"summary\":\"已化解\",\"satisfaction\":\"SATISFIED\",\"satisfactionSource\":\"IN_PERSON\"}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        JsonNode v = resolved.body();
        assertThat(v.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(v.at("/resolution/satisfaction").asText()).isEqualTo("SATISFIED");
        assertThat(v.at("/resolution/satisfactionSource").asText()).isEqualTo("IN_PERSON");
        assertThat(v.get("deliveredAt").isTextual()).isTrue();
        assertThat(v.at("/steps/resolvedAt").isTextual()).isTrue();
        for (JsonNode l : v.get("timeLimits")) {
            assertThat(l.get("status").asText()).as(l.toString()).isIn("MET", "MET_LATE");
        }
        assertThat(limit(v, "OPINION")).isNotNull();
        assertThat(resolved.header("ETag")).isEqualTo("\"" + v.get("version").asLong() + "\"");
        // the ledger row: the current stage (the running one due first) moved through the steps and is none at the end
        String caseNo = v.get("caseNo").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode items = api.get("supervisor", "/api/ledger?q=" + caseNo).body().get("items");
            assertThat(items).as("the ledger has the case").hasSize(1);
            JsonNode row = items.get(0);
            assertThat(row.get("status").asText()).isEqualTo("RESOLVED");
            assertThat(row.path("currentStage").isNull() || row.path("currentStage").isMissingNode()).as(row.toString()).isTrue();
            assertThat(row.path("currentDue").isNull() || row.path("currentDue").isMissingNode()).as(row.toString()).isTrue();
        });
        // nothing further is allowed
        Api.Res again = api.post("handler", base + "/resolve", "{\"summary\":\"再次\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asText()).isEqualTo("case-closed");
    }

    @Test
    @DisplayName("一般事项：无签收时限，受理时限 5 个工作日")
    void aGeneralCaseStartsWithAcceptance() {
        Api.Res created = api.post("handler", "/api/cases",
                register("GENERAL", "town").replace("\"headcount\":1", "\"headcount\":6,\"occurredAt\":\"2024-09-27T10:00:00+08:00\""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode v = created.body();
        assertThat(v.get("collective").asBoolean()).isTrue();
        assertThat(limit(v, "SIGN")).isNull();
        assertThat(OffsetDateTime.parse(limit(v, "ACCEPT").get("dueAt").asText()))
                .isEqualTo(OffsetDateTime.of(2024, 10, 10, 17, 30, 0, 0, ZoneOffset.ofHours(8)));
        assertThat(v.get("caseNo").asText()).startsWith("2024-");
    }

    @Nested
    class Permissions {

        @Test
        @DisplayName("村经办人不能查看或办理他单位的事项")
        void aVillageHandlerCannotTouchAnotherUnitsCase() {
            String id = newCase("handler", "SIMPLE", "town");
            assertThat(api.get("village1", "/api/cases/" + id).status()).isEqualTo(403);
            Api.Res sign = api.post("village1", "/api/cases/" + id + "/sign", null);
            assertThat(sign.status()).isEqualTo(403);
            assertThat(sign.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.get("handler", "/api/cases/" + id).body().get("version").asLong()).isEqualTo(2);
        }

        @Test
        @DisplayName("审计人员只读")
        void anAuditorReadsButChangesNothing() {
            String id = newCase("handler", "SIMPLE", "town");
            assertThat(api.get("auditor", "/api/cases/" + id).status()).isEqualTo(200);
            assertThat(api.post("auditor", "/api/cases/" + id + "/sign", null).status()).isEqualTo(403);
            assertThat(api.post("auditor", "/api/cases", register("SIMPLE", "town")).status()).isEqualTo(403);
            assertThat(api.get("handler", "/api/cases/" + id).body().get("version").asLong()).isEqualTo(2);
        }

        @Test
        void aSupervisorTransfersAndTheNewUnitSigns() {
            String id = newCase("handler", "SIMPLE", "town");
            Api.Res t = api.post("supervisor", "/api/cases/" + id + "/transfer", "{\"toUnit\":\"village-1\",\"reason\":\"属地管理\"}");
            assertThat(t.status()).as(t.toString()).isEqualTo(200);
            assertThat(t.body().get("unit").asText()).isEqualTo("village-1");
            assertThat(api.post("handler", "/api/cases/" + id + "/sign", null).status()).isEqualTo(403);
            assertThat(api.post("village1", "/api/cases/" + id + "/sign", null).status()).isEqualTo(200);
        }

        @Test
        void signingInIsRequired() {
            assertThat(api.get(null, "/api/cases/x").status()).isEqualTo(401);
            Api.Res wrong = api.get("handler:wrong", "/api/cases/x");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body().get("code").asText()).isEqualTo("unauthorized");
        }

        @Test
        void healthAnswersWithoutSigningIn() {
            assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
            assertThat(api.get("handler", "/actuator/prometheus").status()).isEqualTo(403);
            newCase("handler", "SIMPLE", "town");
            Api.Res metrics = api.get("admin", "/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.text()).contains("petition_commands_seconds_count{outcome=\"success\",type=\"RegisterPetitionCommand\"}")
                    .contains("petition_events_total{type=\"PetitionRegisteredEvent\"}")
                    .contains("petition_time_limits_open").contains("petition_processor_lag{processor=\"ledger\"}")
                    .contains("petition_processor_events_total{outcome=\"handled\",processor=\"ledger\"}")
                    .contains("petition_processor_age_milliseconds{processor=\"time-limit-saga\"}")
                    // axon-micrometer's per-processor set is replaced (its capacity monitor kept a minute of events)
                    .doesNotContain("ledger_capacity");
        }

        @Test
        @DisplayName("查看未脱敏个人信息：仅督查与审计，且留痕")
        void onlySupervisorsAndAuditorsSeePersonalDataAndTheReadingIsLogged() {
            String id = newCase("handler", "SIMPLE", "town");
            assertThat(api.get("handler", "/api/cases/" + id + "?reveal=true").status()).isEqualTo(403);
            Api.Res r = api.get("supervisor", "/api/cases/" + id + "?reveal=true");
            assertThat(r.body().at("/petitioner/idNumber").asText()).isEqualTo(ID_NUMBER);
            assertThat(r.body().at("/petitioner/phone").asText()).isEqualTo("13812345678");
            assertThat(jdbc.queryForObject("select count(*) from personal_data_access where case_id = ? and username = 'supervisor'",
                    Integer.class, id)).isEqualTo(1);
            assertThat(api.get("supervisor", "/api/cases/" + id).body().at("/petitioner/idNumber").asText()).contains("*");
        }
    }

    @Nested
    class Idempotency {

        @Test
        @DisplayName("同一 Idempotency-Key 只登记一次")
        void theSameKeyReturnsTheSameCase() {
            String key = UUID.randomUUID().toString();
            Api.Res first = api.post("handler", "/api/cases", register("SIMPLE", "town"), Map.of("Idempotency-Key", key));
            Api.Res second = api.post("handler", "/api/cases", register("SIMPLE", "town"), Map.of("Idempotency-Key", key));
            assertThat(first.status()).isEqualTo(201);
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.body().get("id").asText()).isEqualTo(first.body().get("id").asText());
            assertThat(second.body().get("caseNo").asText()).isEqualTo(first.body().get("caseNo").asText());
            assertThat(second.header("Location")).isEqualTo(first.header("Location"));
            assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Integer.class,
                    first.body().get("id").asText())).isEqualTo(3);
        }

        @Test
        void keysBelongToTheirUser() {
            String key = UUID.randomUUID().toString();
            Api.Res mine = api.post("handler", "/api/cases", register("SIMPLE", "town"), Map.of("Idempotency-Key", key));
            Api.Res theirs = api.post("supervisor", "/api/cases", register("SIMPLE", "town"), Map.of("Idempotency-Key", key));
            assertThat(theirs.status()).isEqualTo(201);
            assertThat(theirs.body().get("id").asText()).isNotEqualTo(mine.body().get("id").asText());
        }

        @Test
        void aKeyReusedForAnotherRequestIsRefused() {
            String key = UUID.randomUUID().toString();
            api.post("handler", "/api/cases", register("SIMPLE", "town"), Map.of("Idempotency-Key", key));
            Api.Res other = api.post("handler", "/api/cases", register("GENERAL", "town"), Map.of("Idempotency-Key", key));
            assertThat(other.status()).isEqualTo(422);
            assertThat(other.body().get("code").asText()).isEqualTo("idempotency-key-reused");
        }
    }

    @Nested
    class IfMatch {

        @Test
        @DisplayName("If-Match 版本过旧：412，不做任何修改")
        void aStepOnAnOlderVersionIsRefusedWith412() {
            String id = newCase("handler", "SIMPLE", "town");
            Api.Res signed = api.post("handler", "/api/cases/" + id + "/sign", null, Map.of("If-Match", "\"2\""));
            assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
            String etag = signed.header("ETag");
            Api.Res stale = api.post("handler", "/api/cases/" + id + "/accept", null, Map.of("If-Match", "\"2\""));
            assertThat(stale.status()).isEqualTo(412);
            assertThat(stale.body().get("code").asText()).isEqualTo("version-mismatch");
            assertThat(api.get("handler", "/api/cases/" + id).header("ETag")).isEqualTo(etag);
            assertThat(api.post("handler", "/api/cases/" + id + "/accept", null, Map.of("If-Match", etag)).status()).isEqualTo(200);
        }
    }

    @Nested
    class Errors {

        @Test
        void malformedJsonIsA400() {
            Api.Res r = api.post("handler", "/api/cases", "{not json");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.body().get("code").asText()).isEqualTo("malformed-request");
            assertThat(r.body().get("detail").asText()).contains("JSON");
        }

        @Test
        @DisplayName("每个字段错误都列出")
        void everyFieldErrorIsListed() {
            Api.Res r = api.post("handler", "/api/cases", """
                    {"track":"FAST","channel":"VISIT","category":"COMPLAINT",
                     "petitioner":{"name":"李四","idNumber":"110105194912310021","phone":"12345"},
                     "subject":"","unit":"town","occurredAt":"2999-01-01T00:00:00+08:00"}
                    """);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("code").asText()).isEqualTo("invalid-request");
            assertThat(r.body().get("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("track", "petitioner.idNumber", "petitioner.phone", "subject", "content", "occurredAt");
            assertThat(jdbc.queryForObject("select count(*) from domainevententry", Integer.class)).isNotNegative();
        }

        @Test
        void aStepOutOfOrderIsA409SayingWhatIsAllowed() {
            String id = newCase("handler", "SIMPLE", "town");
            Api.Res r = api.post("handler", "/api/cases/" + id + "/accept", null);
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body().get("code").asText()).isEqualTo("step-not-allowed");
            assertThat(r.body().get("detailEn").asText()).contains("allowed now: sign");
            assertThat(r.body().get("detailZh").asText()).contains("当前可办理");
        }

        @Test
        void anUnknownCaseIsA404() {
            assertThat(api.get("handler", "/api/cases/nope").status()).isEqualTo(404);
            Api.Res r = api.post("handler", "/api/cases/nope/sign", null);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body().get("code").asText()).isEqualTo("case-not-found");
        }

        @Test
        @DisplayName("超长文本在入口被拒绝，不会写入事件")
        void tooLongTextIsRefusedBeforeAnythingIsRecorded() {
            Integer before = jdbc.queryForObject("select count(*) from domainevententry", Integer.class);
            Api.Res r = api.post("handler", "/api/cases", register("SIMPLE", "town")
                    .replace("宅基地纠纷", "长".repeat(201)).replace("张三", "名".repeat(101)));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("subject", "petitioner.name");
            assertThat(jdbc.queryForObject("select count(*) from domainevententry", Integer.class)).isEqualTo(before);
        }

        @Test
        void anUnknownUnitIsA400() {
            Api.Res r = api.post("handler", "/api/cases", register("SIMPLE", "atlantis"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("errors").findValuesAsText("field")).containsExactly("unit");
        }

        @Test
        void aWrongTypeIsA400NotA500() {
            Api.Res r = api.post("handler", "/api/cases", "{\"headcount\":\"many\"}");
            assertThat(r.status()).isEqualTo(400);
            Api.Res ext = api.post("supervisor", "/api/cases/x/extend", "{\"stage\":\"OPINION\",\"amount\":\"two\"}");
            assertThat(ext.status()).isEqualTo(400);
            Api.Res array = api.post("handler", "/api/cases", "[]");
            assertThat(array.status()).isEqualTo(400);
        }

        @Test
        void aFutureOccurrenceOfAStepIsA400() {
            String id = newCase("handler", "SIMPLE", "town");
            Api.Res r = api.post("handler", "/api/cases/" + id + "/sign", "{\"occurredAt\":\"2999-01-01T00:00:00Z\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("errors").findValuesAsText("field")).containsExactly("occurredAt");
        }
    }

    @Nested
    class Time {

        @Test
        @DisplayName("时限计算：周五 16:50 起 2 个工作小时，周一 09:50 到期")
        void dueAnswersTheWorkedExample() {
            Api.Res r = api.get("handler", "/api/time/due?start=2024-03-01T16:50:00%2B08:00&amount=2&unit=WORKING_HOURS");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(OffsetDateTime.parse(r.body().get("dueAt").asText()).toInstant())
                    .isEqualTo(OffsetDateTime.parse("2024-03-04T09:50:00+08:00").toInstant());
            assertThat(r.body().at("/explanation/zh").asText()).contains("2024-03-04 09:50");
            assertThat(r.body().at("/explanation/data/countedSegments").size()).isEqualTo(2);
        }

        @Test
        void dueRejectsBadInput() {
            Api.Res r = api.get("handler", "/api/time/due?start=yesterday&amount=-1&unit=WEEKS");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("start", "amount", "unit");
        }

        @Test
        void policyShowsTheStageTable() {
            Api.Res r = api.get("auditor", "/api/time/policy");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().at("/stages/SIMPLE/0/stage").asText()).isEqualTo("SIGN");
            assertThat(r.body().at("/stages/GENERAL/0/stage").asText()).isEqualTo("ACCEPT");
            assertThat(r.body().get("warningFraction").asDouble()).isEqualTo(0.75);
        }
    }
}
