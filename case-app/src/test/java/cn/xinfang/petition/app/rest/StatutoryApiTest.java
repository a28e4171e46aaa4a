package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The 《信访工作条例》's own rules over HTTP, as the API contract states them: the written notice, the
 * delivery and the review window, 复查 / 复核 as linked cases, accusations kept from the accused unit,
 * approved extensions, the LEADER role, registration for another unit as an assignment, proposals'
 * decisions and the rating's source. Back-entered records in 2024, with instants counted by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatutoryApiTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static String register(String track, String category, String unit, String occurredAt, String extra) {
        return """
                {"track":"%s","channel":"VISIT","category":"%s",
                 "petitioner":{"name":"李四","phone":"13912345678"},
                 "headcount":1,"subject":"拖欠工资","content":"反映工地拖欠工资","unit":"%s","occurredAt":"%s"%s}
                """.formatted(track, category, unit, occurredAt, extra);
    }

    String newCase(String user, String body) {
        Api.Res r = api.post(user, "/api/cases", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().get("id").asText();
    }

    JsonNode step(String user, String id, String step, String body) {
        Api.Res r = api.post(user, "/api/cases/" + id + "/" + step, body);
        assertThat(r.status()).as(step + " " + r).isEqualTo(200);
        return r.body();
    }

    Api.Res refused(String user, String id, String step, String body, int status, String code) {
        Api.Res r = api.post(user, "/api/cases/" + id + "/" + step, body);
        assertThat(r.status()).as(step + " " + r).isEqualTo(status);
        assertThat(r.body().get("code").asText()).as(r.toString()).isEqualTo(code);
        return r;
    }

    static JsonNode limit(JsonNode view, String stage) {
        return Api.timeLimit(view, stage);
    }

    /** A SIMPLE case of the town taken to its opinion, back-entered from Mon 2024-02-26. */
    String caseWithOpinion() {
        String id = newCase("handler", register("SIMPLE", "COMPLAINT", "town", "2024-02-26T09:00:00+08:00", ""));
        step("handler", id, "sign", "{\"occurredAt\":\"2024-02-26T09:10:00+08:00\"}");
        step("handler", id, "accept", "{\"occurredAt\":\"2024-02-26T09:20:00+08:00\"}");
        step("handler", id, "respond", "{\"mode\":\"PHONE\",\"summary\":\"已告知\",\"occurredAt\":\"2024-02-26T09:30:00+08:00\"}");
        step("handler", id, "meetings", "{\"kind\":\"HANDLING\",\"summary\":\"见面\",\"occurredAt\":\"2024-02-27T09:00:00+08:00\"}");
        step("handler", id, "opinion", "{\"decision\":\"SUPPORTED\",\"text\":\"支持\",\"occurredAt\":\"2024-02-29T10:00:00+08:00\"}");
        return id;
    }

    @Nested
    class WrittenNotice {

        @Test
        @DisplayName("书面告知：登记起 15 日（02-08 → 02-23 17:30），告知后停止，台账显示告知日期")
        void theWrittenNoticeRunsFifteenDaysFromRegistration() {
            String id = newCase("handler", register("SIMPLE", "COMPLAINT", "town", "2024-02-08T10:00:00+08:00", ""));
            JsonNode v = api.get("handler", "/api/cases/" + id).body();
            assertThat(limit(v, "NOTIFY").get("dueAt").asText()).isEqualTo("2024-02-23T17:30:00+08:00");
            refused("handler", id, "notify", "{\"kind\":\"ACCEPTED\",\"mode\":\"POST\",\"text\":\"受理告知书\"}", 409,
                    "notice-kind-mismatch");
            step("handler", id, "sign", "{\"occurredAt\":\"2024-02-08T10:10:00+08:00\"}");
            step("handler", id, "accept", "{\"occurredAt\":\"2024-02-08T10:20:00+08:00\"}");
            JsonNode after = step("handler", id, "notify",
                    "{\"kind\":\"ACCEPTED\",\"mode\":\"POST\",\"text\":\"受理告知书\",\"occurredAt\":\"2024-02-09T09:00:00+08:00\"}");
            assertThat(limit(after, "NOTIFY").get("status").asText()).isEqualTo("MET");
            assertThat(after.at("/notices/0/kind").asText()).isEqualTo("ACCEPTED");
            assertThat(after.at("/steps/notifiedAt").asText()).isEqualTo("2024-02-09T09:00:00+08:00");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get("handler", "/api/ledger?size=500").body()
                    .findValues("caseId").stream().map(JsonNode::asText).toList()).contains(id));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode row = ledgerRow("handler", id);
                assertThat(row.get("notifiedAt").asText()).isEqualTo("2024-02-09T09:00:00+08:00");
            });
        }

        @Test
        @DisplayName("不予受理未告知：书面告知仍计时；告知不予受理后停止")
        void aDeclineWithoutANoticeKeepsTheStageOpen() {
            String id = newCase("handler", register("SIMPLE", "COMPLAINT", "town", "2024-02-08T10:00:00+08:00", ""));
            step("handler", id, "sign", "{\"occurredAt\":\"2024-02-08T10:10:00+08:00\"}");
            JsonNode declined = step("handler", id, "decline",
                    "{\"reason\":\"属于诉讼程序\",\"guidance\":\"请向法院起诉\",\"occurredAt\":\"2024-02-08T10:30:00+08:00\"}");
            assertThat(declined.get("status").asText()).isEqualTo("DECLINED");
            assertThat(limit(declined, "NOTIFY").get("stoppedAt").isNull()).isTrue();
            JsonNode told = step("handler", id, "notify",
                    "{\"kind\":\"NOT_ACCEPTED\",\"mode\":\"IN_PERSON\",\"text\":\"不予受理告知书\",\"occurredAt\":\"2024-02-09T09:00:00+08:00\"}");
            assertThat(limit(told, "NOTIFY").get("status").asText()).isEqualTo("MET");
        }
    }

    JsonNode ledgerRow(String user, String id) {
        for (JsonNode row : api.get(user, "/api/ledger?size=500").body().get("items")) {
            if (row.get("caseId").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("case " + id + " not in the ledger yet");
    }

    @Nested
    class DeliveryAndReviews {

        @Test
        @DisplayName("已办结未送达：再次办结被拒（case-closed），说明当前仍可送达")
        void aResolvedCaseSaysItStillDelivers() {
            String id = caseWithOpinion();
            step("handler", id, "meetings", "{\"kind\":\"CONCLUSION\",\"summary\":\"见面\",\"occurredAt\":\"2024-03-01T09:00:00+08:00\"}");
            step("handler", id, "resolve", "{\"summary\":\"已办结\",\"occurredAt\":\"2024-03-01T10:00:00+08:00\"}");
            Api.Res again = refused("handler", id, "resolve", "{\"summary\":\"再次\"}", 409, "case-closed");
            assertThat(again.body().get("detailEn").asText()).contains("resolved", "allowed now: ", "deliver the reply");
            assertThat(again.body().get("detailZh").asText()).contains("当前可办理");
            step("handler", id, "deliver", "{\"mode\":\"POST\",\"occurredAt\":\"2024-03-02T10:00:00+08:00\"}");
        }

        @Test
        @DisplayName("送达：办结时限停止；复查申请期限 03-01 → 04-01 17:30")
        void deliveryStopsConcludeAndSetsTheReviewWindow() {
            String id = caseWithOpinion();
            JsonNode v = step("handler", id, "deliver", "{\"mode\":\"POST\",\"occurredAt\":\"2024-03-01T10:00:00+08:00\",\"receivedBy\":\"李四\"}");
            assertThat(v.get("deliveredAt").asText()).isEqualTo("2024-03-01T10:00:00+08:00");
            assertThat(v.get("reviewRequestDeadline").asText()).isEqualTo("2024-04-01T17:30:00+08:00");
            assertThat(limit(v, "CONCLUDE").get("stopReason").asText()).isEqualTo("COMPLETED");
            assertThat(limit(v, "CONCLUDE").get("stoppedAt").asText()).isEqualTo("2024-03-01T10:00:00+08:00");
            assertThat(v.at("/delivery/mode").asText()).isEqualTo("POST");
        }

        @Test
        @DisplayName("复查、复核为关联事项；复核后不再受理")
        void reviewsAreLinkedCasesAndStopAfterTheReReview() {
            String id = caseWithOpinion();
            Api.Res early = api.post("handler", "/api/cases/" + id + "/reviews", "{\"unit\":\"town\",\"reason\":\"不服\"}");
            assertThat(early.status()).as(early.toString()).isEqualTo(409);
            assertThat(early.body().get("code").asText()).isEqualTo("reply-not-delivered");
            step("handler", id, "deliver", "{\"mode\":\"POST\",\"occurredAt\":\"2024-03-01T10:00:00+08:00\"}");

            Api.Res late = api.post("handler", "/api/cases/" + id + "/reviews",
                    "{\"unit\":\"town\",\"reason\":\"不服\",\"occurredAt\":\"2024-04-01T17:31:00+08:00\"}");
            assertThat(late.status()).as(late.toString()).isEqualTo(409);
            assertThat(late.body().get("code").asText()).isEqualTo("review-window-closed");

            Api.Res review = api.post("handler", "/api/cases/" + id + "/reviews",
                    "{\"unit\":\"town\",\"reason\":\"对处理意见不服\",\"occurredAt\":\"2024-03-20T10:00:00+08:00\"}");
            assertThat(review.status()).as(review.toString()).isEqualTo(201);
            JsonNode r = review.body();
            String reviewId = r.get("id").asText();
            assertThat(review.header("Location")).isEqualTo("/api/cases/" + reviewId);
            assertThat(r.get("parentCaseId").asText()).isEqualTo(id);
            assertThat(r.get("reviewLevel").asText()).isEqualTo("REVIEW");
            List<String> running = new ArrayList<>();
            r.get("timeLimits").forEach(l -> {
                if (l.get("stoppedAt").isNull()) {
                    running.add(l.get("stage").asText());
                }
            });
            assertThat(running).containsExactly("REVIEW_DECISION");
            // 03-20 + 30 days = Fri 04-19
            assertThat(limit(r, "REVIEW_DECISION").get("dueAt").asText()).isEqualTo("2024-04-19T17:30:00+08:00");
            JsonNode parent = api.get("handler", "/api/cases/" + id).body();
            assertThat(parent.at("/reviews/0/caseId").asText()).isEqualTo(reviewId);
            assertThat(parent.at("/reviews/0/level").asText()).isEqualTo("REVIEW");
            assertThat(parent.at("/reviews/0/requestedAt").asText()).isEqualTo("2024-03-20T10:00:00+08:00");

            step("handler", reviewId, "review-decision", "{\"decision\":\"UPHELD\",\"text\":\"维持\",\"occurredAt\":\"2024-04-10T10:00:00+08:00\"}");
            JsonNode closed = step("handler", reviewId, "deliver", "{\"mode\":\"IN_PERSON\",\"occurredAt\":\"2024-04-11T10:00:00+08:00\"}");
            assertThat(closed.get("status").asText()).isEqualTo("RESOLVED");

            Api.Res reReview = api.post("supervisor", "/api/cases/" + reviewId + "/reviews",
                    "{\"unit\":\"town\",\"reason\":\"不服复查\",\"occurredAt\":\"2024-04-15T10:00:00+08:00\"}");
            assertThat(reReview.status()).as(reReview.toString()).isEqualTo(201);
            String reReviewId = reReview.body().get("id").asText();
            assertThat(reReview.body().get("reviewLevel").asText()).isEqualTo("RE_REVIEW");
            step("handler", reReviewId, "review-decision", "{\"decision\":\"CHANGED\",\"text\":\"变更\",\"occurredAt\":\"2024-04-20T10:00:00+08:00\"}");
            step("handler", reReviewId, "deliver", "{\"mode\":\"POST\",\"occurredAt\":\"2024-04-22T10:00:00+08:00\"}");
            Api.Res exhausted = api.post("handler", "/api/cases/" + reReviewId + "/reviews",
                    "{\"unit\":\"town\",\"reason\":\"再次\",\"occurredAt\":\"2024-04-23T10:00:00+08:00\"}");
            assertThat(exhausted.status()).as(exhausted.toString()).isEqualTo(409);
            assertThat(exhausted.body().get("code").asText()).isEqualTo("review-exhausted");
        }
        @Test
        @DisplayName("交办的复查事项：送达复查意见即办结，督办清单与积案台账随之显示已办结")
        void anEscalatedReviewClosesWithItsDelivery() {
            String id = caseWithOpinion();
            step("handler", id, "deliver", "{\"mode\":\"POST\",\"occurredAt\":\"2024-03-01T10:00:00+08:00\"}");
            Api.Res review = api.post("handler", "/api/cases/" + id + "/reviews",
                    "{\"unit\":\"town\",\"reason\":\"不服\",\"occurredAt\":\"2024-03-20T10:00:00+08:00\"}");
            assertThat(review.status()).as(review.toString()).isEqualTo(201);
            String reviewId = review.body().get("id").asText();
            step("supervisor", reviewId, "escalate", "{\"reason\":\"BACKLOG\",\"leader\":\"镇长\",\"occurredAt\":\"2024-03-21T10:00:00+08:00\"}");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(row(api.get("supervisor", "/api/escalations?open=true").body(), reviewId)).isNotNull();
                assertThat(status(api.get("supervisor", "/api/backlog").body(), reviewId)).isEqualTo("OPEN");
            });

            step("handler", reviewId, "review-decision", "{\"decision\":\"UPHELD\",\"text\":\"维持\",\"occurredAt\":\"2024-04-10T10:00:00+08:00\"}");
            assertThat(step("handler", reviewId, "deliver", "{\"mode\":\"IN_PERSON\",\"occurredAt\":\"2024-04-11T10:00:00+08:00\"}")
                    .get("status").asText()).isEqualTo("RESOLVED");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(row(api.get("supervisor", "/api/escalations?open=true").body(), reviewId)).isNull();
                assertThat(status(api.get("supervisor", "/api/escalations?open=false").body(), reviewId)).isEqualTo("RESOLVED");
                assertThat(status(api.get("supervisor", "/api/backlog").body(), reviewId)).isEqualTo("RESOLVED");
            });
        }

        /** The row of the case in a list, or null. */
        JsonNode row(JsonNode list, String caseId) {
            for (JsonNode r : list) {
                if (r.get("caseId").asText().equals(caseId)) {
                    return r;
                }
            }
            return null;
        }

        /** The status of the case's row in a list; an assertion error (retried while awaited) while it has none. */
        String status(JsonNode list, String caseId) {
            JsonNode r = row(list, caseId);
            assertThat(r).as("a row of %s in %s", caseId, list).isNotNull();
            return r.get("status").asText();
        }
    }

    @Nested
    class Accusations {

        @Test
        @DisplayName("检举控告须写明被检举单位：400")
        void anAccusationWithoutTheAccusedUnitIsA400() {
            Api.Res r = api.post("supervisor", "/api/cases", register("GENERAL", "ACCUSATION", "town", "2024-03-04T09:00:00+08:00", ""));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.body().findValuesAsText("field")).contains("accusedUnit");
        }

        @Test
        @DisplayName("被检举单位的用户在任何接口都看不到该事项（404），不能转送给它（409 accused-unit）")
        void theAccusedUnitSeesTheCaseNowhere() {
            String id = newCase("supervisor", register("GENERAL", "ACCUSATION", "town", "2024-03-04T09:00:00+08:00",
                    ",\"accusedUnit\":\"village-1\""));
            assertThat(api.get("supervisor", "/api/cases/" + id).body().get("accusedUnit").asText()).isEqualTo("village-1");
            assertThat(api.get("auditor", "/api/cases/" + id).body().get("accusedUnit").asText()).isEqualTo("village-1");
            assertThat(api.get("handler", "/api/cases/" + id).body().get("accusedUnit").isNull()).isTrue();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> ledgerRow("supervisor", id));

            for (String path : List.of("/api/cases/" + id, "/api/cases/" + id + "/history",
                    "/api/cases/" + id + "/history?asOf=2024-03-05", "/api/cases/" + id + "/verify")) {
                Api.Res r = api.get("village1", path);
                assertThat(r.status()).as(path + " " + r).isEqualTo(404);
                assertThat(r.body().get("code").asText()).isEqualTo("case-not-found");
            }
            // valid bodies: a step that would pass its field checks still learns nothing about the case
            for (String[] step : List.of(new String[]{"sign", "{}"}, new String[]{"accept", "{}"},
                    new String[]{"notify", "{\"kind\":\"ACCEPTED\",\"mode\":\"POST\",\"text\":\"告知\"}"},
                    new String[]{"transfer", "{\"toUnit\":\"village-2\",\"reason\":\"属地\"}"})) {
                Api.Res r = api.post("village1", "/api/cases/" + id + "/" + step[0], step[1]);
                assertThat(r.status()).as(step[0] + " " + r).isEqualTo(404);
                assertThat(r.body().get("code").asText()).isEqualTo("case-not-found");
            }
            for (String path : List.of("/api/cases", "/api/ledger", "/api/overdue?asOf=2030-01-01", "/api/upcoming?within=P3000D",
                    "/api/escalations", "/api/stats/units")) {
                Api.Res r = api.get("village1", path);
                assertThat(r.status()).as(path).isEqualTo(200);
                assertThat(r.text()).as(path).doesNotContain(id);
            }
            for (String format : List.of("csv", "xlsx")) {
                Api.Res r = api.get("village1", "/api/ledger?format=" + format);
                assertThat(r.status()).isEqualTo(200);
                assertThat(new String(r.raw().body(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(id);
            }
            // nor in the person registry (信访人), where the same petitioner's case of village-1 lets its users see the person
            String own = newCase("supervisor", register("GENERAL", "COMPLAINT", "village-1", "2024-03-05T09:00:00+08:00", ""));
            String personId = api.get("supervisor", "/api/cases/" + id).body().at("/petitioner/personId").asText();
            assertThat(api.get("supervisor", "/api/persons/" + personId).text()).contains(id, own);
            Api.Res person = api.get("village1", "/api/persons/" + personId);
            assertThat(person.status()).as(person.toString()).isEqualTo(200);
            assertThat(person.text()).contains(own).doesNotContain(id);
            Api.Res persons = api.get("village1", "/api/persons?q=" + java.net.URLEncoder.encode("李四", java.nio.charset.StandardCharsets.UTF_8));
            assertThat(persons.text()).contains(personId).doesNotContain(id);
            // a leader of the accused unit, whom the registry shows every person: the one who accused the unit, known by that
            // accusation alone, is not there at all
            Api.Res leader = api.post("admin", "/api/admin/users",
                    "{\"username\":\"leader-v1\",\"password\":\"secret-123\",\"displayName\":\"村书记\",\"role\":\"LEADER\",\"unit\":\"village-1\"}");
            assertThat(leader.status()).as(leader.toString()).isEqualTo(201);
            String alone = newCase("supervisor", """
                    {"track":"GENERAL","channel":"LETTER","category":"ACCUSATION","petitioner":{"name":"欧阳举报","phone":"13700007777"},
                     "headcount":1,"subject":"举报村干部","content":"举报内容","unit":"town","accusedUnit":"village-1"}
                    """);
            String accuser = api.get("supervisor", "/api/cases/" + alone).body().at("/petitioner/personId").asText();
            assertThat(api.get("supervisor", "/api/persons/" + accuser).status()).isEqualTo(200);
            Api.Res hiddenPerson = api.get("leader-v1:secret-123", "/api/persons/" + accuser);
            assertThat(hiddenPerson.status()).as(hiddenPerson.toString()).isEqualTo(404);
            Api.Res registry = api.get("leader-v1:secret-123", "/api/persons");
            assertThat(registry.status()).isEqualTo(200);
            assertThat(registry.text()).contains(personId).doesNotContain(accuser, "欧阳举报", alone, id);
            Api.Res transfer = api.post("supervisor", "/api/cases/" + id + "/transfer", "{\"toUnit\":\"village-1\",\"reason\":\"属地\"}");
            assertThat(transfer.status()).as(transfer.toString()).isEqualTo(409);
            assertThat(transfer.body().get("code").asText()).isEqualTo("accused-unit");
        }
    }

    @Nested
    class Extensions {

        @Test
        @DisplayName("延期须有批准人与告知时间；批准人须为督查、管理员或本单位负责人；办结只能延期一次")
        void anExtensionIsApprovedAndThePetitionerTold() {
            String id = caseWithOpinion();
            Api.Res none = api.post("supervisor", "/api/cases/" + id + "/extend", "{\"stage\":\"CONCLUDE\",\"amount\":10,\"reason\":\"复杂\"}");
            assertThat(none.status()).isEqualTo(400);
            assertThat(none.body().findValuesAsText("field")).contains("approvedBy", "petitionerToldAt");
            Api.Res unknown = api.post("supervisor", "/api/cases/" + id + "/extend", "{\"stage\":\"CONCLUDE\",\"amount\":10,\"reason\":\"复杂\","
                    + "\"approvedBy\":\"nobody\",\"petitionerToldAt\":\"2024-03-01T09:00:00+08:00\"}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.body().findValuesAsText("field")).contains("approvedBy");
            refused("supervisor", id, "extend", "{\"stage\":\"CONCLUDE\",\"amount\":10,\"reason\":\"复杂\","
                    + "\"approvedBy\":\"village1\",\"petitionerToldAt\":\"2024-03-01T09:00:00+08:00\"}", 400, "approver-not-permitted");
            JsonNode v = step("handler", id, "extend", "{\"stage\":\"CONCLUDE\",\"amount\":10,\"reason\":\"复杂\","
                    + "\"approvedBy\":\"leader\",\"petitionerToldAt\":\"2024-03-01T09:00:00+08:00\"}");
            assertThat(v.at("/extensions/0/approvedBy").asText()).isEqualTo("leader");
            assertThat(v.at("/extensions/0/petitionerToldAt").asText()).isEqualTo("2024-03-01T09:00:00+08:00");
            refused("supervisor", id, "extend", "{\"stage\":\"CONCLUDE\",\"amount\":5,\"reason\":\"复杂\","
                    + "\"approvedBy\":\"supervisor\",\"petitionerToldAt\":\"2024-03-01T09:00:00+08:00\"}", 409, "extension-limit-exceeded");
            refused("supervisor", id, "extend", "{\"stage\":\"MEET_CONCLUSION\",\"amount\":1,\"reason\":\"x\","
                    + "\"approvedBy\":\"supervisor\",\"petitionerToldAt\":\"2024-03-01T09:00:00+08:00\"}", 409, "extension-not-allowed");
        }

        @Test
        @DisplayName("超期后延期：保留超期记录，完成时为超期完成（MET_LATE）")
        void aStageBreachedBeforeAnExtensionEndsMetLate() {
            // accepted Mon 2024-02-26: OPINION due Mon 03-04 17:30, long past: the engine records the breach at once
            String id = newCase("handler", register("SIMPLE", "COMPLAINT", "town", "2024-02-26T09:00:00+08:00", ""));
            step("handler", id, "sign", "{\"occurredAt\":\"2024-02-26T09:10:00+08:00\"}");
            step("handler", id, "accept", "{\"occurredAt\":\"2024-02-26T09:20:00+08:00\"}");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(limit(api.get("handler", "/api/cases/" + id).body(), "OPINION").get("status").asText()).isEqualTo("BREACHED"));
            JsonNode extended = step("supervisor", id, "extend", "{\"stage\":\"OPINION\",\"amount\":5,\"reason\":\"补充调查\","
                    + "\"approvedBy\":\"supervisor\",\"petitionerToldAt\":\"2024-03-04T09:00:00+08:00\",\"occurredAt\":\"2024-03-04T09:00:00+08:00\"}");
            JsonNode opinion = limit(extended, "OPINION");
            assertThat(opinion.get("breachedAt").isNull()).isFalse();
            // 5 more working days from 03-04: 03-11 17:30
            assertThat(opinion.get("dueAt").asText()).isEqualTo("2024-03-11T17:30:00+08:00");
            step("handler", id, "respond", "{\"mode\":\"PHONE\",\"summary\":\"已告知\",\"occurredAt\":\"2024-03-04T10:00:00+08:00\"}");
            step("handler", id, "meetings", "{\"kind\":\"HANDLING\",\"summary\":\"见面\",\"occurredAt\":\"2024-03-05T09:00:00+08:00\"}");
            JsonNode done = step("handler", id, "opinion", "{\"decision\":\"SUPPORTED\",\"text\":\"支持\",\"occurredAt\":\"2024-03-06T10:00:00+08:00\"}");
            assertThat(limit(done, "OPINION").get("status").asText()).isEqualTo("MET_LATE");
            assertThat(limit(done, "OPINION").get("breachedAt").isNull()).isFalse();
        }
    }

    @Nested
    class RolesAndOutcomes {

        @Test
        @DisplayName("单位负责人（LEADER）：管理员创建，须属单位；可阅本单位事项、批准免除见面")
        void theLeaderRole() {
            Api.Res noUnit = api.post("admin", "/api/admin/users",
                    "{\"username\":\"leader2\",\"password\":\"secret-123\",\"displayName\":\"村书记\",\"role\":\"LEADER\"}");
            assertThat(noUnit.status()).as(noUnit.toString()).isEqualTo(400);
            Api.Res created = api.post("admin", "/api/admin/users",
                    "{\"username\":\"leader3\",\"password\":\"secret-123\",\"displayName\":\"村书记\",\"role\":\"LEADER\",\"unit\":\"village-1\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = newCase("handler", register("SIMPLE", "COMPLAINT", "town", "2024-03-04T09:00:00+08:00", ""));
            assertThat(api.get("leader", "/api/cases/" + id).status()).isEqualTo(200);
            step("handler", id, "sign", "{\"occurredAt\":\"2024-03-04T09:10:00+08:00\"}");
            step("handler", id, "accept", "{\"occurredAt\":\"2024-03-04T09:20:00+08:00\"}");
            JsonNode waived = step("leader", id, "meetings/waive", "{\"kind\":\"HANDLING\",\"reason\":\"信访人拒绝见面\"}");
            assertThat(waived.at("/meetings/0/waived").asBoolean()).isTrue();
        }

        @Test
        @DisplayName("为其他单位登记即交办：首接单位为本单位，接收单位 5 个工作日内可退回")
        void registeringForAnotherUnitIsAnAssignment() {
            JsonNode v = api.post("handler", "/api/cases", register("SIMPLE", "COMPLAINT", "village-1", "2024-03-04T09:00:00+08:00", ""))
                    .body();
            assertThat(v.get("unit").asText()).isEqualTo("village-1");
            assertThat(v.get("firstUnit").asText()).isEqualTo("town");
            assertThat(v.at("/transfers/0/kind").asText()).isEqualTo("ASSIGNMENT");
            assertThat(v.at("/transfers/0/returnableUntil").asText()).isEqualTo("2024-03-11T17:30:00+08:00");
            JsonNode back = step("village1", v.get("id").asText(), "return", "{\"reason\":\"不属本村\",\"occurredAt\":\"2024-03-05T09:00:00+08:00\"}");
            assertThat(back.get("unit").asText()).isEqualTo("town");
        }

        @Test
        @DisplayName("建议意见类的处理意见为采纳类；满意度须注明来源")
        void proposalsAreAdoptedAndRatingsHaveASource() {
            String id = newCase("handler", register("SIMPLE", "PROPOSAL", "town", "2024-03-04T09:00:00+08:00", ""));
            step("handler", id, "sign", "{\"occurredAt\":\"2024-03-04T09:10:00+08:00\"}");
            step("handler", id, "accept", "{\"occurredAt\":\"2024-03-04T09:20:00+08:00\"}");
            step("handler", id, "respond", "{\"mode\":\"PHONE\",\"summary\":\"已告知\",\"occurredAt\":\"2024-03-04T09:30:00+08:00\"}");
            step("handler", id, "meetings", "{\"kind\":\"HANDLING\",\"summary\":\"见面\",\"occurredAt\":\"2024-03-05T09:00:00+08:00\"}");
            refused("handler", id, "opinion", "{\"decision\":\"SUPPORTED\",\"text\":\"支持\",\"occurredAt\":\"2024-03-06T09:00:00+08:00\"}",
                    400, "decision-not-for-category");
            step("handler", id, "opinion", "{\"decision\":\"PARTLY_ADOPTED\",\"text\":\"部分采纳\",\"occurredAt\":\"2024-03-06T09:00:00+08:00\"}");
            step("handler", id, "meetings", "{\"kind\":\"CONCLUSION\",\"summary\":\"见面\",\"occurredAt\":\"2024-03-07T09:00:00+08:00\"}");
            Api.Res noSource = api.post("handler", "/api/cases/" + id + "/resolve", "{\"summary\":\"已办结\",\"satisfaction\":\"SATISFIED\"}");
            assertThat(noSource.status()).isEqualTo(400);
            assertThat(noSource.body().findValuesAsText("field")).contains("satisfactionSource");
            JsonNode done = step("handler", id, "resolve",
                    "{\"summary\":\"已办结\",\"satisfaction\":\"SATISFIED\",\"satisfactionSource\":\"PHONE_CALLBACK\"}");
            assertThat(done.at("/resolution/satisfactionSource").asText()).isEqualTo("PHONE_CALLBACK");
        }

        @Test
        @DisplayName("统计：免除的见面与举行的见面分开计")
        void statisticsCountWaivedMeetingsApart() {
            Api.Res unit = api.post("admin", "/api/admin/units", "{\"id\":\"stats-unit\",\"name\":\"统计测试单位\"}");
            assertThat(unit.status()).as(unit.toString()).isEqualTo(201);
            for (boolean waive : List.of(true, false)) {
                String id = newCase("supervisor", register("SIMPLE", "COMPLAINT", "stats-unit", "2024-03-04T09:00:00+08:00", ""));
                Api.Res add = api.post("admin", "/api/admin/users", ("{\"username\":\"stats-%s\",\"password\":\"secret-123\","
                        + "\"displayName\":\"经办人\",\"role\":\"HANDLER\",\"unit\":\"stats-unit\"}").formatted(waive));
                assertThat(add.status()).as(add.toString()).isEqualTo(201);
                String handler = "stats-" + waive;
                stepAs(handler, id, "sign", "{\"occurredAt\":\"2024-03-04T09:10:00+08:00\"}");
                stepAs(handler, id, "accept", "{\"occurredAt\":\"2024-03-04T09:20:00+08:00\"}");
                if (waive) {
                    step("supervisor", id, "meetings/waive", "{\"kind\":\"HANDLING\",\"reason\":\"拒绝见面\",\"occurredAt\":\"2024-03-04T10:00:00+08:00\"}");
                } else {
                    stepAs(handler, id, "meetings", "{\"kind\":\"HANDLING\",\"summary\":\"见面\",\"occurredAt\":\"2024-03-04T10:00:00+08:00\"}");
                }
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode stats = null;
                for (JsonNode s : api.get("supervisor", "/api/stats/units?from=2024-03-01&to=2024-03-31").body()) {
                    if (s.get("unit").asText().equals("stats-unit")) {
                        stats = s;
                    }
                }
                assertThat(stats).isNotNull();
                assertThat(stats.at("/responseAndMeetings/handlingMeetings").asLong()).isEqualTo(1);
                assertThat(stats.at("/responseAndMeetings/handlingMeetingsWaived").asLong()).isEqualTo(1);
            });
        }

        void stepAs(String user, String id, String step, String body) {
            Api.Res r = api.post(user + ":secret-123", "/api/cases/" + id + "/" + step, body);
            assertThat(r.status()).as(step + " " + r).isEqualTo(200);
        }
    }
}
