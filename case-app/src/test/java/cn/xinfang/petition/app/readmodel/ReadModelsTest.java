package cn.xinfang.petition.app.readmodel;

import cn.xinfang.petition.app.support.Api;
import cn.xinfang.petition.app.support.SegmentClaims;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import cn.xinfang.petition.projection.worklist.FindWorklistQuery;
import cn.xinfang.petition.projection.worklist.Worklist;
import org.axonframework.common.Registration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read models and the audit trail after a scripted set of back-entered (补录) cases, all in
 * March 2024 (Asia/Shanghai):
 * <ul>
 *   <li>A, SIMPLE, town: registered Mon 03-04 09:00, signed 10:00, accepted 11:00, petitioner told Wed 03-06 09:00
 *       (RESPOND was due Tue 03-05 17:30). Open: MEET_HANDLING and OPINION due Mon 03-11 17:30, CONCLUDE due
 *       Mon 05-06 17:30 (03-04 + 60 days = 05-03, inside the Labour Day holiday 05-01..05-05).</li>
 *   <li>B, GENERAL, village-1: registered 03-04 09:00; ACCEPT due Mon 03-11 17:30; escalated by a supervisor.</li>
 *   <li>C, SIMPLE, town: registered 03-04 09:00, never signed; SIGN due 03-04 11:00.</li>
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadModelsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    QueryGateway queries;
    @Autowired
    QueryBus queryBus;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    Api api;
    String a;
    String b;
    String c;
    Instant beforeResponse;

    static String register(String track, String unit, String subject) {
        return """
                {"track":"%s","channel":"LETTER","category":"COMPLAINT",
                 "petitioner":{"name":"王五","idNumber":"11010519491231002X","phone":"13812345678","address":"一村五组"},
                 "subject":"%s","content":"纸质台账补录","unit":"%s","occurredAt":"2024-03-04T09:00:00+08:00"}
                """.formatted(track, subject, unit);
    }

    String ok(Api.Res r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r.body().path("id").asText();
    }

    static String at(String local) {
        return "{\"occurredAt\":\"" + local + ":00+08:00\"}";
    }

    @BeforeAll
    void script() throws InterruptedException {
        api = new Api(port);
        a = ok(api.post("handler", "/api/cases", register("SIMPLE", "town", "A 道路维修")));
        b = ok(api.post("handler", "/api/cases", register("GENERAL", "village-1", "B 低保申请")));
        c = ok(api.post("handler", "/api/cases", register("SIMPLE", "town", "C 噪声扰民")));
        ok(api.post("handler", "/api/cases/" + a + "/sign", at("2024-03-04T10:00")));
        ok(api.post("handler", "/api/cases/" + a + "/accept", at("2024-03-04T11:00")));
        ok(api.post("supervisor", "/api/cases/" + b + "/escalate",
                "{\"reason\":\"HARD_CASE\",\"leader\":\"王镇长\",\"plan\":\"一案一策：联合调处\",\"occurredAt\":\"2024-03-05T09:00:00+08:00\"}"));
        Thread.sleep(20);
        beforeResponse = Instant.now();
        Thread.sleep(20);
        ok(api.post("handler", "/api/cases/" + a + "/respond",
                "{\"mode\":\"PHONE\",\"summary\":\"电话告知\",\"occurredAt\":\"2024-03-06T09:00:00+08:00\"}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select count(*) from ledger_case", Integer.class)).isEqualTo(3);
            assertThat(jdbc.queryForObject("select count(*) from ledger_case where responded_at is not null", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from time_limit_run where stage = 'RESPOND' and stopped_at is not null",
                    Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from escalation_entry where reason = 'HARD_CASE'", Integer.class)).isEqualTo(1);
        });
    }

    List<String> overdue(String query) {
        Api.Res r = api.get("supervisor", "/api/overdue?" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.body().forEach(n -> out.add(label(n.get("caseId").asText()) + "." + n.get("stage").asText()));
        return out;
    }

    String label(String id) {
        return id.equals(a) ? "A" : id.equals(b) ? "B" : id.equals(c) ? "C" : "?";
    }

    @Test
    @Order(1)
    @DisplayName("超期清单按发生时间回溯")
    void theOverdueListAtSeveralInstantsOfTheTimeline() {
        assertThat(overdue("asOf=2024-03-04T10:30:00%2B08:00")).isEmpty();
        assertThat(overdue("asOf=2024-03-04T11:30:00%2B08:00")).containsExactly("C.SIGN");
        assertThat(overdue("asOf=2024-03-05T18:00:00%2B08:00")).containsExactly("C.SIGN", "A.RESPOND");
        assertThat(overdue("asOf=2024-03-12T09:00:00%2B08:00"))
                .containsExactly("C.SIGN", "A.MEET_HANDLING", "A.OPINION", "B.ACCEPT"); // same due: by case number
        assertThat(overdue("asOf=2024-03-12T09:00:00%2B08:00&unit=village-1")).containsExactly("B.ACCEPT");
    }

    @Test
    @Order(1)
    @DisplayName("超期清单可分页：page/size 取一页，X-Total-Count 为全部条数")
    void theOverdueListPageByPage() {
        String at = "asOf=2024-03-12T09:00:00%2B08:00";
        // the whole list, in order: C.SIGN, A.MEET_HANDLING, A.OPINION, B.ACCEPT (test above)
        Api.Res whole = api.get("supervisor", "/api/overdue?" + at);
        assertThat(whole.header("X-Total-Count")).isNull();
        assertThat(overdue(at + "&size=2")).containsExactly("C.SIGN", "A.MEET_HANDLING");
        assertThat(api.get("supervisor", "/api/overdue?" + at + "&size=2").header("X-Total-Count")).isEqualTo("4");
        assertThat(overdue(at + "&page=1&size=2")).containsExactly("A.OPINION", "B.ACCEPT");
        assertThat(overdue(at + "&page=1&size=3")).containsExactly("B.ACCEPT");
        // past the end: no entry, the count still given
        Api.Res past = api.get("supervisor", "/api/overdue?" + at + "&page=2&size=2");
        assertThat(past.body()).isEmpty();
        assertThat(past.header("X-Total-Count")).isEqualTo("4");
        // page alone: 50 entries a page
        assertThat(overdue(at + "&page=0")).hasSize(4);
        assertThat(api.get("supervisor", "/api/overdue?" + at + "&page=1").body()).isEmpty();
        assertThat(api.get("supervisor", "/api/overdue?" + at + "&unit=village-1&size=1").header("X-Total-Count")).isEqualTo("1");
        Api.Res bad = api.get("supervisor", "/api/overdue?" + at + "&page=-1&size=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("page", "size");
        assertThat(api.get("supervisor", "/api/overdue?" + at + "&size=501").status()).isEqualTo(400);
        Api.Res notANumber = api.get("supervisor", "/api/overdue?" + at + "&size=many");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body().get("code").asText()).isEqualTo("invalid-request");
        assertThat(notANumber.body().get("errors").findValuesAsText("field")).containsExactly("size");
        // the soon-due list pages the same way
        Api.Res soon = api.get("supervisor", "/api/upcoming?within=PT2H&asOf=2024-03-04T10:30:00%2B08:00&size=1");
        assertThat(soon.header("X-Total-Count")).isEqualTo("2");
        assertThat(soon.body()).hasSize(1);
        assertThat(label(soon.body().get(0).get("caseId").asText()) + "." + soon.body().get(0).get("stage").asText()).isEqualTo("C.SIGN");
    }

    Worklist worklist(String unit, String status, String stage, int page, int size) {
        return queries.query(new FindWorklistQuery(unit, status, stage, Instant.now(), page, size),
                ResponseTypes.instanceOf(Worklist.class)).join();
    }

    List<String> cases(Worklist w) {
        List<String> out = new ArrayList<>();
        w.items().forEach(i -> out.add(label(i.entry().caseId())));
        return out;
    }

    @Test
    @Order(1)
    @DisplayName("工作台：未办结事项按当前环节（最早到期的进行中环节）排序，由数据库分页")
    void theWorklistOrdersOpenCasesByTheirEarliestRunningDue() {
        // C's SIGN was due on 03-04 at 11:00; A's MEET_HANDLING and OPINION and B's ACCEPT at the same instant
        // (03-11, the overdue list above): C, then A and B by case number
        Worklist all = worklist(null, null, null, 0, 20);
        assertThat(cases(all)).containsExactly("C", "A", "B");
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(i -> i.entry().seq()).containsExactly(1L, 2L, 3L);
        Worklist.Item a = all.items().get(1);
        // due 03-11 (both), NOTIFY 15 days after registration (03-19), CONCLUDE 60 days after acceptance (05-03)
        assertThat(a.running()).extracting(l -> l.stage()).containsExactly("MEET_HANDLING", "OPINION", "NOTIFY", "CONCLUDE");
        assertThat(a.next().stage()).isEqualTo("MEET_HANDLING");
        assertThat(a.entry().currentStage()).isEqualTo("MEET_HANDLING");
        assertThat(a.entry().idNumber()).as("masked").isEqualTo("110105********002X");
        assertThat(all.items().get(0).running()).extracting(l -> l.stage()).containsExactly("SIGN", "NOTIFY");

        assertThat(cases(worklist(null, "REGISTERED", null, 0, 20))).containsExactly("C", "B");
        assertThat(cases(worklist(null, null, "OPINION", 0, 20))).containsExactly("A");
        assertThat(cases(worklist(null, null, "NOTIFY", 0, 20))).containsExactly("C", "A", "B");
        assertThat(cases(worklist("village-1", null, null, 0, 20))).containsExactly("B");
        assertThat(cases(worklist("town", null, "ACCEPT", 0, 20))).isEmpty();

        Worklist second = worklist(null, null, null, 1, 2);
        assertThat(cases(second)).containsExactly("B");
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.items().get(0).entry().seq()).isEqualTo(3);
        Worklist past = worklist(null, null, null, 5, 2);
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).as("counted past the last page").isEqualTo(3);
        assertThat(worklist("village-2", null, null, 0, 20).total()).isZero();
    }

    @Test
    @DisplayName("指标 petition.cases.overdue（超期）与超期清单（全部单位、当前）的总数一致")
    void theOverdueGaugeCountsWhatTheOverdueListShows() {
        Api.Res list = api.get("supervisor", "/api/overdue?size=1");
        double gauge = meters.get("petition.cases.overdue").tag("kind", "overdue").gauge().value();
        assertThat(gauge).isPositive();
        assertThat(gauge).isEqualTo(Double.parseDouble(list.header("X-Total-Count")));
    }

    /** The cases of a work list answered by the API, by their labels. */
    List<String> cases(com.fasterxml.jackson.databind.JsonNode worklist) {
        List<String> out = new ArrayList<>();
        worklist.get("items").forEach(i -> out.add(label(i.get("entry").get("caseId").asText())));
        return out;
    }

    @Test
    @Order(1)
    @DisplayName("工作台 API（GET /api/worklist）：与首页同序同范围，分页与总数，参数错误为 400")
    void theWorklistThroughTheApi() {
        Api.Res all = api.get("supervisor", "/api/worklist");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(cases(all.body())).containsExactly("C", "A", "B");
        assertThat(all.body().get("total").asLong()).isEqualTo(3);
        assertThat(all.header("X-Total-Count")).isEqualTo("3");
        com.fasterxml.jackson.databind.JsonNode a = all.body().get("items").get(1);
        assertThat(a.get("running").findValuesAsText("stage")).containsExactly("MEET_HANDLING", "OPINION", "NOTIFY", "CONCLUDE");
        assertThat(a.get("entry").get("idNumber").asText()).as("masked").isEqualTo("110105********002X");
        // a handler of the town sees the town's cases only, whatever unit is asked for
        assertThat(cases(api.get("handler", "/api/worklist").body())).containsExactly("C", "A");
        assertThat(api.get("handler", "/api/worklist?unit=village-1").status()).isEqualTo(403);
        assertThat(cases(api.get("supervisor", "/api/worklist?unit=village-1").body())).containsExactly("B");
        assertThat(cases(api.get("supervisor", "/api/worklist?status=REGISTERED").body())).containsExactly("C", "B");
        assertThat(cases(api.get("supervisor", "/api/worklist?stage=OPINION").body())).containsExactly("A");
        Api.Res second = api.get("supervisor", "/api/worklist?page=1&size=2");
        assertThat(cases(second.body())).containsExactly("B");
        assertThat(second.header("X-Total-Count")).isEqualTo("3");
        Api.Res past = api.get("supervisor", "/api/worklist?page=5&size=2");
        assertThat(past.body().get("items")).isEmpty();
        assertThat(past.body().get("total").asLong()).isEqualTo(3);

        Api.Res closed = api.get("supervisor", "/api/worklist?status=CLOSED&stage=NONE&size=0");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(400);
        assertThat(closed.body().get("code").asText()).isEqualTo("invalid-request");
        assertThat(closed.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("status", "stage", "size");
        // a status of a case no longer being handled is not on the work list
        Api.Res resolved = api.get("supervisor", "/api/worklist?status=RESOLVED");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(400);
        assertThat(resolved.body().get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(resolved.body().get("errors").get(0).get("message").asText()).contains("OPINION_GIVEN");
    }

    @Test
    @Order(2)
    void lateness_isGivenInCalendarAndWorkingTime() {
        JsonNode list = api.get("supervisor", "/api/overdue?asOf=2024-03-05T09:00:00%2B08:00").body();
        JsonNode sign = list.get(0);
        assertThat(sign.get("stage").asText()).isEqualTo("SIGN");
        // due Mon 11:00; at Tue 09:00: 22 h of calendar time, 11:00-12:00 + 14:00-17:30 + 08:30-09:00 = 5 h of working time
        assertThat(Duration.parse(sign.get("lateBy").asText())).isEqualTo(Duration.ofHours(22));
        assertThat(Duration.parse(sign.get("lateByWorkingTime").asText())).isEqualTo(Duration.ofHours(5));
    }

    @Test
    @Order(3)
    @DisplayName("“当时屏幕上显示什么”：knownAt 之前未录入的回应不计")
    void knownAtShowsWhatHadBeenRecordedThen() {
        String asOf = "asOf=2024-03-07T09:00:00%2B08:00";
        assertThat(overdue(asOf)).containsExactly("C.SIGN");
        String known = OffsetDateTime.ofInstant(beforeResponse, java.time.ZoneOffset.UTC).toString().replace("+", "%2B");
        assertThat(overdue(asOf + "&knownAt=" + known)).containsExactly("C.SIGN", "A.RESPOND");
        assertThat(overdue(asOf + "&knownAt=2024-01-01T00:00:00%2B08:00")).isEmpty();
    }

    @Test
    @Order(4)
    void upcomingListsWhatIsDueSoon() {
        String d = ok(api.post("handler", "/api/cases", register("SIMPLE", "town", "D 新登记").replace(",\"occurredAt\":\"2024-03-04T09:00:00+08:00\"", "")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode soon = api.get("handler", "/api/upcoming?within=P7D").body();
            assertThat(soon.findValuesAsText("caseId")).contains(d);
        });
        assertThat(api.get("handler", "/api/upcoming?within=PT1M").body().findValuesAsText("caseId")).doesNotContain(d);
        assertThat(api.get("handler", "/api/upcoming?within=soon").status()).isEqualTo(400);
        assertThat(api.get("village1", "/api/upcoming?unit=town").status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    @DisplayName("预警清单同样可按某一时刻回溯；查询中未编码的 '+' 也能识别")
    void upcomingAsOfAnInstant() {
        // at Mon 03-04 10:30, C's SIGN is due at 11:00 (within 2 h); A's ACCEPT (due 12:00, stopped 11:00) too
        JsonNode soon = api.get("supervisor", "/api/upcoming?within=PT2H&asOf=2024-03-04T10:30:00+08:00").body();
        List<String> got = new ArrayList<>();
        soon.forEach(n -> got.add(label(n.get("caseId").asText()) + "." + n.get("stage").asText()));
        assertThat(got).containsExactly("C.SIGN", "A.ACCEPT");
        assertThat(api.get("supervisor", "/api/upcoming?asOf=3000-01-01").status()).isEqualTo(400);
        assertThat(api.get("supervisor", "/api/overdue?asOf=%2B999999999-01-01T00:00:00Z").status()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void theLedgerHasOneRowPerCaseWithItsCurrentStage() {
        JsonNode page = api.get("supervisor", "/api/ledger?from=2024-03-01&to=2024-03-31").body();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        JsonNode rowA = null;
        for (JsonNode r : page.get("items")) {
            if (r.get("caseId").asText().equals(a)) {
                rowA = r;
            }
        }
        assertThat(rowA).isNotNull();
        assertThat(rowA.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(rowA.get("handler").asText()).isEqualTo("handler");
        assertThat(rowA.get("currentStage").asText()).isEqualTo("MEET_HANDLING");
        assertThat(OffsetDateTime.parse(rowA.get("currentDue").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-03-11T17:30:00+08:00").toInstant());
        assertThat(rowA.get("idNumber").asText()).isEqualTo("110105********002X");
        assertThat(rowA.get("phone").asText()).isEqualTo("138****5678");
        assertThat(api.get("village1", "/api/ledger").body().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("supervisor", "/api/ledger?q=噪声").body().get("items").get(0).get("caseId").asText()).isEqualTo(c);
        assertThat(api.get("supervisor", "/api/cases?status=REGISTERED&unit=town").body().get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("supervisor", "/api/cases?overdue=true").body().get("total").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(6)
    void theLedgerExportsAsXlsxWithTheTitleRowsOfAPaperLedger() throws IOException {
        Api.Res r = api.get("supervisor", "/api/ledger?format=xlsx&from=2024-03-01&to=2024-03-31");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).contains("ledger.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.raw().body()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("信访事项台账");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).startsWith("填报单位：");
            Row header = s.getRow(2);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("序号", "案件编号", "信访人", "身份证号", "联系方式", "单位或地址", "主要诉求", "渠道",
                    "类别", "办理单位", "经办人", "当前环节", "当前时限", "状态", "化解情况", "备注", "书面告知", "送达");
            assertThat(s.getLastRowNum()).isEqualTo(5);
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).isEqualTo("1");
            assertThat(s.getRow(3).getCell(2).getStringCellValue()).isEqualTo("王五");
            assertThat(s.getRow(3).getCell(3).getStringCellValue()).isEqualTo("110105********002X");
            assertThat(s.getRow(3).getCell(7).getStringCellValue()).isEqualTo("来信");
        }
    }

    @Test
    @Order(7)
    void theLedgerExportsAsCsvWithAByteOrderMark() {
        Api.Res r = api.get("supervisor", "/api/ledger?format=csv&unit=village-1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        byte[] bytes = r.raw().body();
        assertThat(new byte[]{bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("序号,案件编号,信访人,身份证号,联系方式,单位或地址,主要诉求,渠道,类别,办理单位,经办人,当前环节,当前时限,状态,化解情况,备注,"
                + "书面告知,送达");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("B 低保申请").contains("village-1").contains("已登记");
    }

    @Test
    @Order(8)
    void escalationsShowTheResponsibleLeaderAndPlan() {
        JsonNode list = api.get("supervisor", "/api/escalations?open=true").body();
        JsonNode caseB = null;
        for (JsonNode e : list) {
            if (e.get("caseId").asText().equals(b)) {
                caseB = e;
            }
        }
        assertThat(caseB).as(list.toString()).isNotNull();
        assertThat(caseB.get("escalations").findValuesAsText("leader")).contains("王镇长");
        assertThat(caseB.get("escalations").findValuesAsText("plan")).contains("一案一策：联合调处");
    }

    @Test
    @Order(9)
    void statisticsPerUnit() {
        JsonNode stats = api.get("auditor", "/api/stats/units?from=2024-03-01&to=2024-03-31").body();
        JsonNode town = null;
        for (JsonNode s : stats) {
            if (s.get("unit").asText().equals("town")) {
                town = s;
            }
        }
        assertThat(town).as(stats.toString()).isNotNull();
        assertThat(town.get("registered").asLong()).isEqualTo(2);
        assertThat(town.get("accepted").asLong()).isEqualTo(1);
        assertThat(town.get("timelyAcceptanceRate").asDouble()).isEqualTo(1.0);
        assertThat(town.at("/stages/RESPOND/met").asLong()).isZero();
        assertThat(town.at("/stages/RESPOND/completed").asLong()).isEqualTo(1);
        assertThat(town.at("/responseAndMeetings/responded").asLong()).isEqualTo(1);
        Api.Res xlsx = api.get("auditor", "/api/stats/units?from=2024-03-01&to=2024-03-31&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
    }

    @Test
    @Order(10)
    @DisplayName("历史：逐条事件、哈希，以及某一时刻的事项状态")
    void historyAndTheCaseAsItWas() {
        JsonNode h = api.get("auditor", "/api/cases/" + a + "/history").body();
        assertThat(h.get(0).get("type").asText()).isEqualTo("PetitionRegisteredEvent");
        assertThat(h.get(0).get("hash").asText()).hasSize(64);
        assertThat(h.get(0).at("/data/petitioner/idNumber").asText()).isEqualTo("110105********002X");
        assertThat(h.get(0).at("/actor/userId").asText()).isEqualTo("handler");
        JsonNode then = api.get("auditor", "/api/cases/" + a + "/history?asOf=2024-03-04T10:30:00%2B08:00").body();
        assertThat(then.get("status").asText()).isEqualTo("SIGNED");
        JsonNode known = api.get("auditor", "/api/cases/" + a + "/history?asOf=2024-03-07T00:00:00%2B08:00&knownAt="
                + OffsetDateTime.ofInstant(beforeResponse, java.time.ZoneOffset.UTC).toString().replace("+", "%2B")).body();
        assertThat(known.at("/steps/respondedAt").isNull() || known.at("/steps/respondedAt").isMissingNode()).isTrue();
        assertThat(api.get("auditor", "/api/cases/" + a + "/history?asOf=2020-01-01").status()).isEqualTo(404);
    }

    @Test
    @Order(12)
    @DisplayName("防篡改：直接修改数据库中的事件，校验指出该事件")
    void anAlteredEventIsNamedByTheVerification() {
        JsonNode intact = api.get("auditor", "/api/cases/" + c + "/verify").body();
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        String eventId = jdbc.queryForObject("select eventidentifier from domainevententry where aggregateidentifier = ? and sequencenumber = 0",
                String.class, c);
        byte[] payload = jdbc.queryForObject("select payload from domainevententry where eventidentifier = ?", byte[].class, eventId);
        byte[] forged = new String(payload, StandardCharsets.UTF_8).replace("C 噪声扰民", "C 已撤回").getBytes(StandardCharsets.UTF_8);
        jdbc.update("update domainevententry set payload = ? where eventidentifier = ?", forged, eventId);
        JsonNode broken = api.get("auditor", "/api/cases/" + c + "/verify").body();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.at("/firstProblem/sequence").asLong()).isZero();
        assertThat(broken.at("/firstProblem/eventId").asText()).isEqualTo(eventId);
        assertThat(broken.at("/firstProblem/problem").asText()).startsWith("ALTERED");
        jdbc.update("update domainevententry set payload = ? where eventidentifier = ?", payload, eventId);
        assertThat(api.get("auditor", "/api/cases/" + c + "/verify").body().get("intact").asBoolean()).isTrue();
    }

    @Test
    @Order(14)
    @DisplayName("记录被改得无法读取：校验仍能指出该事件，读取事项返回 409 而非 500")
    void aPayloadAlteredBeyondReadingIsStillNamed() {
        String eventId = jdbc.queryForObject("select eventidentifier from domainevententry where aggregateidentifier = ? and sequencenumber = 1",
                String.class, a);
        byte[] payload = jdbc.queryForObject("select payload from domainevententry where eventidentifier = ?", byte[].class, eventId);
        jdbc.update("update domainevententry set payload = ? where eventidentifier = ?", "{\"tampered\":".getBytes(StandardCharsets.UTF_8), eventId);
        try {
            JsonNode v = api.get("auditor", "/api/cases/" + a + "/verify").body();
            assertThat(v.get("intact").asBoolean()).isFalse();
            assertThat(v.at("/firstProblem/sequence").asLong()).isEqualTo(1);
            Api.Res read = api.get("auditor", "/api/cases/" + a);
            assertThat(read.status()).isEqualTo(409);
            assertThat(read.body().get("code").asText()).isEqualTo("record-unreadable");
            assertThat(api.post("auditor", "/api/audit/verify", "{\"root\":\"x\",\"heads\":[{}]}").status()).isEqualTo(400);
        } finally {
            jdbc.update("update domainevententry set payload = ? where eventidentifier = ?", payload, eventId);
        }
    }

    @Test
    @Order(13)
    @DisplayName("摘要：保存后追加事件仍可验证；删除事件被发现并指出事项")
    void aDigestKeptEarlierProvesTheStoreOrNamesTheCase() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Api.Res taken = api.get("auditor", "/api/audit/digest");
        assertThat(taken.status()).isEqualTo(200);
        String digest = taken.text();
        assertThat(taken.body().get("eventCount").asLong()).isPositive();
        ok(api.post("handler", "/api/cases/" + c + "/sign", at("2024-03-04T14:00")));
        JsonNode stillGood = api.post("auditor", "/api/audit/verify", digest).body();
        assertThat(stillGood.get("intact").asBoolean()).as(stillGood.toString()).isTrue();

        long seq = json.readTree(digest).get("heads").findValues("caseId").stream().anyMatch(n -> n.asText().equals(b)) ? 1 : -1;
        assertThat(seq).isEqualTo(1);
        jdbc.update("delete from domainevententry where aggregateidentifier = ? and sequencenumber = 1", b);
        JsonNode found = api.post("auditor", "/api/audit/verify", digest).body();
        assertThat(found.get("intact").asBoolean()).isFalse();
        assertThat(found.get("cases").findValuesAsText("caseId")).containsExactly(b);
        assertThat(api.get("auditor", "/api/cases/" + b + "/verify").body().at("/firstProblem/problem").asText()).startsWith("MISSING");
        assertThat(api.post("handler", "/api/audit/verify", digest).status()).isEqualTo(403);
    }

    @Test
    @Order(11)
    @DisplayName("重建视图：逐行一致")
    void everyProjectionRebuildsToTheSameRows() {
        Map<String, String> tables = Map.of(
                "ledger", "select * from ledger_case order by case_id",
                "overdue", "select r.*, d.version_no, d.due_at, d.warning_at, d.effective_at, d.recorded_at from time_limit_run r "
                        + "join time_limit_due d on d.run_id = r.run_id order by r.run_id, d.version_no",
                "escalations", "select * from escalation_entry order by event_id",
                "backlog", "select * from backlog_case order by case_id");
        for (var e : tables.entrySet()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("admin", "/api/admin/projections/" + e.getKey() + "/rebuild")
                    .body().get("caughtUp").asBoolean());
            List<Map<String, Object>> before = jdbc.queryForList(e.getValue());
            assertThat(before).isNotEmpty();
            Api.Res started = api.post("admin", "/api/admin/projections/" + e.getKey() + "/rebuild", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofMillis(200)).untilAsserted(() -> {
                JsonNode st = api.get("admin", "/api/admin/projections/" + e.getKey() + "/rebuild").body();
                assertThat(st.get("caughtUp").asBoolean()).as(st.toString()).isTrue();
                assertThat(jdbc.queryForList(e.getValue())).isEqualTo(before);
            });
        }
        assertThat(api.post("supervisor", "/api/admin/projections/ledger/rebuild", null).status()).isEqualTo(403);
        assertThat(api.post("admin", "/api/admin/projections/nope/rebuild", null).status()).isEqualTo(404);
    }

    @Test
    @Order(15)
    @DisplayName("重建视图：另一进程持有分段时答 409，不重置，本节点继续处理")
    void aRebuildWhileAnotherProcessHoldsASegmentResetsNothing() {
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("admin", "/api/admin/projections/ledger/rebuild")
                .body().get("caughtUp").asBoolean());
        long position = api.get("admin", "/api/admin/projections/ledger/rebuild").body().get("position").asLong();
        Integer rows = jdbc.queryForObject("select count(*) from ledger_case", Integer.class);
        assertThat(rows).isPositive();
        // a mark in the view that only a reset (its tables cleared, the events replayed) takes away; on
        // the case registered today, whose first deadline is hours away (no event comes in meanwhile)
        String marked = "select count(*) from ledger_case where remark = 'mark-kept-unless-reset'";
        jdbc.update("update ledger_case set remark = 'mark-kept-unless-reset' where subject = 'D 新登记'");
        assertThat(jdbc.queryForObject(marked, Integer.class)).isEqualTo(1);
        // a second node's claim on segment 1, as the token store writes it (owner, time of the claim)
        SegmentClaims.claimAsAnotherNode(jdbc, "ledger", 1);
        List<String> tokensBefore = tokens(jdbc);
        try {
            Api.Res refused = api.post("admin", "/api/admin/projections/ledger/rebuild", null);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.body().get("code").asText()).isEqualTo("projection-held-elsewhere");
            assertThat(refused.body().get("detailEn").asText()).contains("nothing was reset").contains("Retry");
            assertThat(jdbc.queryForObject(marked, Integer.class)).as("nothing reset, nothing replayed").isEqualTo(1);
            assertThat(tokens(jdbc)).as("no segment's token reset (segment 0 included, which this node could claim)")
                    .isEqualTo(tokensBefore);
            JsonNode status = api.get("admin", "/api/admin/projections/ledger/rebuild").body();
            assertThat(status.get("running").asBoolean()).as("this node goes on with the view: %s", status).isTrue();
            assertThat(status.get("position").asLong()).as("no replay from the start: %s", status).isGreaterThanOrEqualTo(position);
        } finally {
            SegmentClaims.release(jdbc, "ledger", 1);
        }
        // the claim released, the rebuild goes through (that it gives the same rows is the rebuild test above)
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(200)).until(() ->
                api.post("admin", "/api/admin/projections/ledger/rebuild", null).status() == 202);
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode st = api.get("admin", "/api/admin/projections/ledger/rebuild").body();
            assertThat(st.get("caughtUp").asBoolean()).as(st.toString()).isTrue();
            assertThat(jdbc.queryForObject("select count(*) from ledger_case", Integer.class)).isEqualTo(rows);
            assertThat(jdbc.queryForObject(marked, Integer.class)).as("this time the view was rebuilt").isZero();
        });
    }

    /** The ledger's segment tokens as stored: segment, type and the token's bytes. */
    private static List<String> tokens(JdbcTemplate jdbc) {
        return jdbc.query("select segment, tokentype, token from tokenentry where processorname = 'ledger' order by segment",
                (rs, i) -> rs.getInt(1) + " " + rs.getString(2) + " "
                        + (rs.getBytes(3) == null ? "-" : java.util.HexFormat.of().formatHex(rs.getBytes(3))));
    }

    @Test
    @DisplayName("A query runs without a transaction: each of its statements commits on its own, no COMMIT round trip after a read")
    void queriesRunWithoutATransaction() {
        Registration probe = queryBus.subscribe("transaction-probe", Boolean.class,
                m -> TransactionSynchronizationManager.isActualTransactionActive());
        try {
            assertThat(queries.query("transaction-probe", "probe", Boolean.class).join()).isFalse();
        } finally {
            probe.cancel();
        }
    }
}
