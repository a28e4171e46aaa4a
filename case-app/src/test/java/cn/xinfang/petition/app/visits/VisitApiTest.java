package cn.xinfang.petition.app.visits;

import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 大走访 and 大接访 over HTTP (issue 14), on the real database; each test works in its own unit or period. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VisitApiTest {

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

    static String visit(String unit, String day, String visitors, String person, String demands) {
        return """
                {"unit":"%s","visitedAt":"%s","visitors":[%s],"person":%s,"workUnitOrAddress":"一村三组",
                 "demands":"%s","resolution":"已当面解释政策","remarks":"重点人员"}
                """.formatted(unit, day, visitors, person, demands);
    }

    static final String ZHANG = "{\"name\":\"张三\",\"idNumber\":\"" + ID_NUMBER + "\",\"phone\":\"13812345678\",\"address\":\"一村三组\"}";

    @Test
    @DisplayName("走访：登记、编号、脱敏、更正留痕、转为信访事项并双向关联")
    void aVisitFromRecordToCase() {
        Api.Res created = api.post("handler", "/api/visits", visit("town", "2024-01-08", "\"handler\",\"leader\"", ZHANG, "反映宅基地边界纠纷"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode v = created.body();
        String id = v.get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/visits/" + id);
        assertThat(v.get("no").asText()).matches("2024-\\d{4}");
        assertThat(v.get("unit").asText()).isEqualTo("town");
        assertThat(v.get("visitedAt").asText()).isEqualTo("2024-01-08");
        assertThat(v.at("/person/idNumber").asText()).isEqualTo("110105********002X");
        assertThat(v.at("/person/phone").asText()).isEqualTo("138****5678");
        assertThat(v.get("visitors").toString()).isEqualTo("[\"handler\",\"leader\"]");
        assertThat(v.get("caseId").isNull()).isTrue();

        // numbered per unit and year
        Api.Res second = api.post("handler", "/api/visits", visit("town", "2024-01-09", "\"handler\"", ZHANG, "再次反映"));
        int n1 = Integer.parseInt(v.get("no").asText().substring(5));
        assertThat(second.body().get("no").asText()).isEqualTo(String.format("2024-%04d", n1 + 1));

        // another unit's handler sees nothing of it
        assertThat(api.get("village1", "/api/visits/" + id).status()).isEqualTo(403);
        assertThat(api.get("village1", "/api/visits?unit=town").status()).isEqualTo(403);
        assertThat(api.post("village1", "/api/visits", visit("town", "2024-01-08", "\"village1\"", ZHANG, "x")).status()).isEqualTo(403);
        assertThat(api.post("auditor", "/api/visits", visit("town", "2024-01-08", "\"handler\"", ZHANG, "x")).status()).isEqualTo(403);

        // a correction is recorded with who and when; the history is kept
        Api.Res corrected = api.put("leader", "/api/visits/" + id,
                visit("town", "2024-01-08", "\"handler\",\"leader\"", ZHANG, "反映宅基地边界纠纷（更正）"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.body().get("demands").asText()).isEqualTo("反映宅基地边界纠纷（更正）");
        JsonNode history = corrected.body().get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("kind").asText()).isEqualTo("RECORDED");
        assertThat(history.get(0).get("by").asText()).isEqualTo("handler");
        assertThat(history.get(1).get("kind").asText()).isEqualTo("CORRECTED");
        assertThat(history.get(1).get("by").asText()).isEqualTo("leader");
        assertThat(history.get(1).get("at").isTextual()).isTrue();

        // the list shows it, masked
        Api.Res list = api.get("handler", "/api/visits?unit=town&from=2024-01-08&to=2024-01-08");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(list.body().get("items").findValuesAsText("id")).contains(id);
        assertThat(list.text()).doesNotContain(ID_NUMBER).doesNotContain("13812345678");

        // a case raised from it: channel FIELD_VISIT, petitioner and demands copied, linked both ways
        Api.Res raised = api.post("handler", "/api/visits/" + id + "/case", "{\"track\":\"SIMPLE\"}");
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        JsonNode c = raised.body();
        assertThat(c.get("channel").asText()).isEqualTo("FIELD_VISIT");
        assertThat(c.get("visitId").asText()).isEqualTo(id);
        assertThat(c.get("receptionId").isNull()).isTrue();
        assertThat(c.at("/petitioner/name").asText()).isEqualTo("张三");
        assertThat(c.get("content").asText()).isEqualTo("反映宅基地边界纠纷（更正）");
        assertThat(api.get("handler", "/api/cases/" + c.get("id").asText()).body().get("visitId").asText()).isEqualTo(id);
        assertThat(api.get("handler", "/api/visits/" + id).body().get("caseId").asText()).isEqualTo(c.get("id").asText());
        Api.Res again = api.post("handler", "/api/visits/" + id + "/case", "{\"track\":\"SIMPLE\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asText()).isEqualTo("case-already-raised");
        // the ledger's 化解稳控情况 now follows the case
        JsonNode rows = api.get("handler", "/api/visits/ledger?unit=town&from=2024-01-08&to=2024-01-08&format=json").body();
        JsonNode row = null;
        for (JsonNode r : rows) {
            if (r.get("visitId").asText().equals(id)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("resolution").asText()).contains(c.get("caseNo").asText()).contains("已登记");
        // a resolution written on the visit after the case last changed is newer: the ledger shows it
        Api.Res later = api.put("handler", "/api/visits/" + id, visit("town", "2024-01-08", "\"handler\",\"leader\"", ZHANG,
                "反映宅基地边界纠纷（更正）").replace("已当面解释政策", "双方已签调解协议"));
        assertThat(later.status()).as(later.toString()).isEqualTo(200);
        assertThat(later.body().get("caseId").asText()).isEqualTo(c.get("id").asText());
        JsonNode after = api.get("handler", "/api/visits/ledger?unit=town&from=2024-01-08&to=2024-01-08&format=json").body();
        for (JsonNode r : after) {
            if (r.get("visitId").asText().equals(id)) {
                assertThat(r.get("resolution").asText()).isEqualTo("双方已签调解协议");
            }
        }
        assertThat(api.get("handler", "/api/visits/nope").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("走访登记的数据错误逐项列出，且不留记录")
    void badInputIsListedField() {
        Long before = jdbc.queryForObject("select count(*) from visit_entry", Long.class);
        Long receptionsBefore = jdbc.queryForObject("select count(*) from reception_entry", Long.class);
        Api.Res r = api.post("handler", "/api/visits", """
                {"unit":"town","visitedAt":"2024-13-01","visitors":["nobody"],
                 "person":{"name":"张三","idNumber":"110105194912310021","phone":"123"},"demands":" "}
                """);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("visitedAt", "visitors[0]", "person.idNumber", "person.phone", "demands");
        Api.Res noVisitors = api.post("handler", "/api/visits", visit("town", "2024-01-08", "", ZHANG, "x"));
        assertThat(noVisitors.status()).isEqualTo(400);
        assertThat(noVisitors.body().get("errors").get(0).get("field").asText()).isEqualTo("visitors");
        // checked as for a case: a well-formed ID number whose birth date (2099-12-31) is still to come
        String unborn = "{\"name\":\"张三\",\"idNumber\":\"110105209912310029\"}";
        Api.Res visitOfTheUnborn = api.post("handler", "/api/visits", visit("town", "2024-01-08", "\"handler\"", unborn, "x"));
        assertThat(visitOfTheUnborn.status()).as(visitOfTheUnborn.toString()).isEqualTo(400);
        assertThat(visitOfTheUnborn.body().at("/errors/0/field").asText()).isEqualTo("person.idNumber");
        assertThat(visitOfTheUnborn.body().at("/errors/0/message").asText()).contains("birth date");
        Api.Res receptionOfTheUnborn = api.post("leader", "/api/receptions", """
                {"unit":"town","date":"2024-01-08","leader":"leader","kind":"RECEPTION","person":%s,"headcount":1,"demands":"x"}
                """.formatted(unborn));
        assertThat(receptionOfTheUnborn.status()).as(receptionOfTheUnborn.toString()).isEqualTo(400);
        assertThat(receptionOfTheUnborn.body().at("/errors/0/field").asText()).isEqualTo("person.idNumber");
        assertThat(jdbc.queryForObject("select count(*) from visit_entry", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from reception_entry", Long.class)).isEqualTo(receptionsBefore);
    }

    @Test
    @DisplayName("大走访工作台账 xlsx：标题、填报单位、填报时间、表头、走访人签字逐格与通知附件一致")
    void theLedgerInTheNoticesTemplate() throws IOException {
        assertThat(api.post("handler", "/api/visits", visit("town", "2024-03-05", "\"handler\",\"leader\"", ZHANG, "反映低保问题")).status())
                .isEqualTo(201);
        Api.Res x = api.get("handler", "/api/visits/ledger?unit=town&from=2024-03-05&to=2024-03-05&format=xlsx");
        assertThat(x.status()).as(x.toString()).isEqualTo(200);
        assertThat(x.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.raw().body()))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(cells(s.getRow(0))).containsExactly("曹庙镇大走访工作台账", "", "", "", "", "", "", "", "");
            assertThat(cells(s.getRow(1))).containsExactly("填报单位：曹庙镇信访办", "", "", "", "", "", "", "", "");
            assertThat(cells(s.getRow(2))).containsExactly("填报时间：" + today, "", "", "", "", "", "", "", "");
            assertThat(cells(s.getRow(3))).containsExactly("序号", "走访群众（信访人）", "单位或地址", "身份证号", "联系方式", "走访情况（主要诉求）",
                    "走访人", "化解稳控情况", "备注");
            assertThat(cells(s.getRow(4))).containsExactly("1", "张三", "一村三组", "110105********002X", "138****5678", "反映低保问题",
                    "镇信访办经办人、镇长", "已当面解释政策", "重点人员");
            assertThat(cells(s.getRow(5))).containsExactly("走访人签字：", "", "", "", "", "", "", "", "");
            assertThat(s.getLastRowNum()).isEqualTo(5);
            assertThat(s.getMergedRegions()).extracting(CellRangeAddress::formatAsString)
                    .contains("A1:I1", "A2:I2", "A3:I3", "A6:I6");
            assertThat(s.getPrintSetup().getLandscape()).isTrue();
            assertThat(s.getPrintSetup().getPaperSize()).isEqualTo((short) 9); // A4
            assertThat(s.getRepeatingRows().formatAsString()).isEqualTo("4:4");
            assertThat(s.getRow(4).getCell(5).getCellStyle().getWrapText()).isTrue();
        }
        // unmasked only for a leader, supervisor or auditor, and recorded
        assertThat(api.get("handler", "/api/visits/ledger?unit=town&from=2024-03-05&to=2024-03-05&format=json&reveal=true").status())
                .isEqualTo(403);
        Long logged = jdbc.queryForObject("select count(*) from personal_data_access where purpose = 'visit-ledger'", Long.class);
        Api.Res revealed = api.get("leader", "/api/visits/ledger?unit=town&from=2024-03-05&to=2024-03-05&format=json&reveal=true");
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.body().get(0).get("idNumber").asText()).isEqualTo(ID_NUMBER);
        assertThat(jdbc.queryForObject("select count(*) from personal_data_access where purpose = 'visit-ledger'", Long.class))
                .isEqualTo(logged + 1);
        // CSV: the same columns, with a byte-order mark
        Api.Res csv = api.get("handler", "/api/visits/ledger?unit=town&from=2024-03-05&to=2024-03-05&format=csv");
        byte[] b = csv.raw().body();
        assertThat(new byte[]{b[0], b[1], b[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(b, StandardCharsets.UTF_8)).contains("序号,走访群众（信访人）,单位或地址,身份证号,联系方式,走访情况（主要诉求）,走访人,化解稳控情况,备注\r\n")
                .contains("1,张三,一村三组,110105********002X,138****5678,反映低保问题,镇信访办经办人、镇长,已当面解释政策,重点人员");
    }

    @Test
    @DisplayName("接访排班：2023-12-25 至 2024-02-29 共 45 个工作日；调班留痕；接访转事项双向关联；接访落实")
    void theRotaReceptionsAndCompliance() {
        Api.Res refused = api.post("handler", "/api/receptions/rota", rota());
        assertThat(refused.status()).isEqualTo(403);
        Api.Res r = api.post("supervisor", "/api/receptions/rota", rota());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode days = r.body();
        assertThat(days).hasSize(45);
        int mondays = 0;
        int fridays = 0;
        for (JsonNode d : days) {
            if (d.get("leader").asText().equals("leader")) {
                mondays++;
            }
            if (d.get("leader").asText().equals("supervisor")) {
                fridays++;
            }
        }
        assertThat(mondays).isEqualTo(8);
        assertThat(fridays).isEqualTo(8);
        assertThat(days.findValuesAsText("date")).contains("2024-02-04", "2024-02-18").doesNotContain("2024-01-01", "2024-02-12", "2024-02-16");
        assertThat(days.get(0).get("date").asText()).isEqualTo("2023-12-25");
        assertThat(days.get(0).get("displayName").asText()).isEqualTo("镇长");

        Api.Res swapped = api.put("supervisor", "/api/receptions/rota/town/2024-01-09", "{\"leader\":\"leader\",\"reason\":\"外出学习\"}");
        assertThat(swapped.status()).as(swapped.toString()).isEqualTo(200);
        JsonNode day = api.get("handler", "/api/receptions/rota?unit=town&from=2024-01-09&to=2024-01-09").body();
        assertThat(day).hasSize(1);
        assertThat(day.get(0).get("leader").asText()).isEqualTo("leader");
        assertThat(day.get(0).get("reason").asText()).isEqualTo("外出学习");
        Api.Res notScheduled = api.put("supervisor", "/api/receptions/rota/town/2024-01-13", "{\"leader\":\"leader\",\"reason\":\"x\"}");
        assertThat(notScheduled.status()).isGreaterThanOrEqualTo(400);
        assertThat(notScheduled.body().get("code").asText()).isEqualTo("rota-day-not-scheduled");

        // the leader records the reception and raises its case (a leader registers only cases of their own unit's records)
        Api.Res reception = api.post("leader", "/api/receptions", """
                {"unit":"town","date":"2024-01-08","leader":"leader","kind":"RECEPTION","person":%s,"headcount":1,
                 "demands":"反映拖欠工资","raiseCase":true,"track":"GENERAL"}
                """.formatted(ZHANG));
        assertThat(reception.status()).as(reception.toString()).isEqualTo(201);
        String caseId = reception.body().get("caseId").asText();
        JsonNode c = api.get("leader", "/api/cases/" + caseId).body();
        assertThat(c.get("channel").asText()).isEqualTo("LEADER_RECEPTION");
        assertThat(c.get("receptionId").asText()).isEqualTo(reception.body().get("id").asText());
        assertThat(api.get("handler", "/api/receptions?unit=town&from=2024-01-08&to=2024-01-08").body()).hasSize(1);
        // without a record, a leader still may not register a case
        Api.Res direct = api.post("leader", "/api/cases", """
                {"track":"SIMPLE","channel":"LEADER_RECEPTION","category":"COMPLAINT","petitioner":{"name":"张三"},
                 "subject":"s","content":"c","unit":"town"}
                """);
        assertThat(direct.status()).isEqualTo(403);

        JsonNode compliance = api.get("supervisor", "/api/receptions/compliance?unit=town&from=2024-01-08&to=2024-01-10").body();
        assertThat(compliance).hasSize(3);
        assertThat(compliance.get(0).get("date").asText()).isEqualTo("2024-01-08");
        assertThat(compliance.get(0).get("leader").asText()).isEqualTo("leader");
        assertThat(compliance.get(0).get("held").asBoolean()).isTrue();
        assertThat(compliance.get(0).get("casesRaised").asInt()).isEqualTo(1);
        assertThat(compliance.get(0).get("casesOpen").get(0).get("caseId").asText()).isEqualTo(caseId);
        assertThat(compliance.get(1).get("held").asBoolean()).isFalse();
        assertThat(compliance.get(1).get("casesRaised").asInt()).isZero();
        assertThat(api.get("supervisor", "/api/receptions/compliance?unit=town&from=2024-01-08&to=2024-01-10&format=xlsx").status())
                .isEqualTo(200);
    }

    String rota() {
        return """
                {"unit":"town","from":"2023-12-25","to":"2024-02-29","monday":"leader","friday":"supervisor",
                 "others":["handler","village1"]}
                """;
    }

    @Test
    @DisplayName("遍访：信访人按身份证号或姓名加电话视为同一人；干部按 ISO 周统计未走访未接访的周")
    void coverage() {
        // 王五's case has his ID number and phone; the visit knows only his name and phone: the same person
        String wangwu = "{\"name\":\"王五\",\"idNumber\":\"" + ID_NUMBER + "\",\"phone\":\"13900001111\"}";
        assertThat(api.post("village2", "/api/cases", registration(wangwu)).status()).isEqualTo(201);
        assertThat(api.post("village2", "/api/cases", registration("{\"name\":\"李四\",\"phone\":\"13900002222\"}")).status()).isEqualTo(201);
        assertThat(api.post("village2", "/api/cases", registration("{\"name\":\"李四\",\"phone\":\"13900002222\"}")).status()).isEqualTo(201);
        assertThat(api.post("village2", "/api/visits", visit("village-2", "2024-01-09", "\"village2\"",
                "{\"name\":\"王五\",\"phone\":\"13900001111\"}", "走访王五")).status()).isEqualTo(201);
        Api.Res r = api.get("village2", "/api/visits/coverage?unit=village-2&from=2024-01-08&to=2024-01-21");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode cov = r.body();
        assertThat(cov.get("petitioners").asInt()).isEqualTo(2);
        assertThat(cov.get("visited").asInt()).isEqualTo(1);
        assertThat(cov.get("notVisited")).hasSize(1);
        assertThat(cov.get("notVisited").get(0).get("name").asText()).isEqualTo("李四");
        assertThat(cov.get("notVisited").get(0).get("caseIds")).hasSize(2);
        assertThat(cov.get("cadres")).hasSize(1);
        assertThat(cov.get("cadres").get(0).get("username").asText()).isEqualTo("village2");
        assertThat(cov.get("cadres").get(0).get("displayName").asText()).isEqualTo("二村经办人");
        // 2024-01-08..01-21 spans W02 and W03; the visit was on Tuesday 01-09 (W02)
        assertThat(cov.get("cadres").get(0).get("weeksWithoutVisit").toString()).isEqualTo("[\"2024-W03\"]");
    }

    static String registration(String petitioner) {
        return """
                {"track":"SIMPLE","channel":"VISIT","category":"COMPLAINT","petitioner":%s,"headcount":1,
                 "subject":"宅基地纠纷","content":"反映宅基地边界纠纷","unit":"village-2"}
                """.formatted(petitioner);
    }

    static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Cell c = row.getCell(i);
            values.add(c == null ? "" : c.getStringCellValue());
        }
        return values;
    }
}
