package cn.xinfang.petition.app.crossfeature;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where the features of issues 14–17 meet: a petitioner who is visited and received shows those
 * records in the person registry (issue 15); the campaign summary (issue 16) counts the unit's
 * visits, petitioners covered and rota days; shredding the person (issue 17) erases the clear
 * copies the visit, reception and registry lists keep. Figures counted by hand from what the test
 * writes, in March 2025 (no holiday: 03-03 Mon … 03-07 Fri are five working days).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AcrossFeaturesTest {

    /** A valid resident ID number (check character counted by hand from GB 11643's weights). */
    static final String WANG_ID = "110105198001011238";
    static final String WANG = "{\"name\":\"王五\",\"idNumber\":\"" + WANG_ID + "\",\"phone\":\"13700001111\",\"address\":\"三村五组\"}";
    static final String ZHAO = "{\"name\":\"赵六\",\"idNumber\":\"110105198512124568\",\"phone\":\"13700002222\",\"address\":\"四村\"}";

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    Api.Res ok(Api.Res r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r;
    }

    String visit(String day, String person, String demands) {
        return ok(api.post("handler", "/api/visits", """
                {"unit":"town","visitedAt":"%s","visitors":["handler"],"person":%s,"workUnitOrAddress":"三村",
                 "demands":"%s","resolution":"已解释","remarks":""}
                """.formatted(day, person, demands)), 201).body().get("id").asText();
    }

    @Test
    @DisplayName("走访与接访进入信访人档案；专项汇总统计走访、覆盖与接访排班；删除个人信息后走访、接访与档案均显示已删除")
    void visitsReceptionsSummaryAndShredding() {
        String caseId = ok(api.post("handler", "/api/cases", """
                {"track":"SIMPLE","channel":"VISIT","category":"COMPLAINT","petitioner":%s,"headcount":1,
                 "subject":"宅基地界址纠纷","content":"与邻户界址不清","unit":"town","occurredAt":"2025-03-03T09:00:00+08:00"}
                """.formatted(WANG)), 201).body().get("id").asText();
        String wangVisit = visit("2025-03-04", WANG, "宅基地纠纷回访");
        visit("2025-03-05", ZHAO, "咨询低保政策");
        ok(api.post("supervisor", "/api/receptions/rota", """
                {"unit":"town","from":"2025-03-03","to":"2025-03-07","monday":"leader","friday":"supervisor","others":["handler"]}
                """), 201);
        String reception = ok(api.post("leader", "/api/receptions", """
                {"unit":"town","date":"2025-03-03","leader":"leader","kind":"RECEPTION","person":%s,"headcount":1,
                 "demands":"宅基地界址纠纷","raiseCase":false}
                """.formatted(WANG)), 201).body().get("id").asText();

        // the registry: the case, the visit and the reception under one person
        JsonNode found = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("supervisor", "/api/persons?q=" + WANG_ID).body(),
                b -> b.size() == 1 && b.get(0).get("visitIds").size() == 2);
        JsonNode wang = found.get(0);
        assertThat(texts(wang.get("caseIds"))).containsExactly(caseId);
        assertThat(texts(wang.get("visitIds"))).containsExactlyInAnyOrder(wangVisit, reception);
        String personId = wang.get("id").asText();
        assertThat(api.get("supervisor", "/api/cases/" + caseId).body().at("/petitioner/personId").asText()).isEqualTo(personId);

        // the campaign summary: 2 visits, 1 petitioner of the unit's cases visited (赵六 has no case),
        // 5 rota days, 1 of them held (the Monday, by its leader)
        String campaign = ok(api.post("supervisor", "/api/campaigns", """
                {"name":"三月走访","reportEvery":"P7D","units":["town"],"phases":[{"name":"第一周","from":"2025-03-03","to":"2025-03-07"}]}
                """), 201).body().get("id").asText();
        JsonNode row = await().atMost(Duration.ofSeconds(20)).until(
                () -> townRow(api.get("supervisor", "/api/campaigns/" + campaign + "/summary").body()),
                r -> r != null && r.at("/figures/casesRegistered").asInt() == 1);
        assertThat(row.at("/figures/visitsRecorded").asInt()).isEqualTo(2);
        assertThat(row.at("/figures/petitionersCovered").asInt()).isEqualTo(1);
        assertThat(row.at("/figures/rotaDaysScheduled").asInt()).isEqualTo(5);
        assertThat(row.at("/figures/rotaDaysHeld").asInt()).isEqualTo(1);
        JsonNode covered = ok(api.get("supervisor", "/api/campaigns/" + campaign
                + "/summary/items?unit=town&phase=0&figure=petitionersCovered"), 200).body();
        assertThat(covered.findValuesAsText("id")).containsExactly(wangVisit);
        JsonNode held = ok(api.get("supervisor", "/api/campaigns/" + campaign
                + "/summary/items?unit=town&phase=0&figure=rotaDaysHeld"), 200).body();
        assertThat(held.findValuesAsText("id")).containsExactly("town/2025-03-03");

        // shredding: every list that kept a clear copy shows the erased marker
        ok(api.post("admin", "/api/admin/persons/" + personId + "/shred", "{\"reason\":\"保存期限届满\"}"), 200);
        JsonNode v = ok(api.get("supervisor", "/api/visits/" + wangVisit + "?reveal=true"), 200).body();
        assertThat(v.at("/person/name").asText()).isEqualTo("已删除");
        assertThat(v.at("/person/idNumber").asText()).isEqualTo("已删除");
        JsonNode receptions = ok(api.get("supervisor", "/api/receptions?unit=town&from=2025-03-03&to=2025-03-03&reveal=true"), 200).body();
        assertThat(receptions.toString()).contains("已删除").doesNotContain("王五").doesNotContain(WANG_ID);
        JsonNode ledger = ok(api.get("supervisor", "/api/visits/ledger?unit=town&from=2025-03-04&to=2025-03-04&format=json&reveal=true"), 200).body();
        assertThat(ledger.toString()).doesNotContain("王五").doesNotContain(WANG_ID).doesNotContain("13700001111");
        JsonNode person = ok(api.get("supervisor", "/api/persons/" + personId + "?reveal=true"), 200).body();
        assertThat(person.get("name").asText()).isEqualTo("已删除");
        assertThat(person.toString()).doesNotContain(WANG_ID).doesNotContain("13700001111");
        // 赵六 was not touched
        assertThat(api.get("supervisor", "/api/visits/ledger?unit=town&from=2025-03-05&to=2025-03-05&format=json").body().toString())
                .contains("赵六");
    }

    @Test
    @DisplayName("重点领域：台账与事项列表按领域筛选；改定领域后随之变化；未知领域 400")
    void theKeyFieldFiltersTheLedgerAndTheList() {
        String wages = ok(api.post("handler", "/api/cases", """
                {"track":"GENERAL","channel":"VISIT","category":"COMPLAINT","petitioner":{"name":"钱七"},"headcount":1,
                 "subject":"工地欠薪","content":"某工地拖欠工资","unit":"town","field":"WAGE_ARREARS"}
                """), 201).body().get("id").asText();
        String land = ok(api.post("handler", "/api/cases", """
                {"track":"GENERAL","channel":"VISIT","category":"COMPLAINT","petitioner":{"name":"孙八"},"headcount":1,
                 "subject":"征地补偿","content":"征地补偿标准","unit":"town"}
                """), 201).body().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("supervisor", "/api/ledger?field=WAGE_ARREARS&size=500").body().findValuesAsText("caseId"),
                ids -> ids.contains(wages));
        assertThat(api.get("supervisor", "/api/ledger?field=WAGE_ARREARS&size=500").body().findValuesAsText("caseId"))
                .contains(wages).doesNotContain(land);
        assertThat(api.get("handler", "/api/cases?field=WAGE_ARREARS&size=100").body().findValuesAsText("caseId"))
                .contains(wages).doesNotContain(land);

        ok(api.post("supervisor", "/api/cases/" + land + "/reclassify", "{\"field\":\"LAND_ACQUISITION\"}"), 200);
        List<String> lands = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.get("supervisor", "/api/ledger?field=LAND_ACQUISITION&size=500").body().findValuesAsText("caseId"),
                ids -> ids.contains(land));
        assertThat(lands).doesNotContain(wages);
        JsonNode row = api.get("supervisor", "/api/ledger?field=LAND_ACQUISITION&size=500").body().get("items").get(0);
        assertThat(row.get("field").asText()).isEqualTo("LAND_ACQUISITION");

        // the statistics of one key field count its cases only: in town, registered today, 1 WAGE_ARREARS case
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        JsonNode stats = api.get("supervisor", "/api/stats/units?field=WAGE_ARREARS&from=" + today + "&to=" + today).body();
        assertThat(townRow(stats).get("registered").asInt()).isEqualTo(1);
        JsonNode landStats = api.get("supervisor", "/api/stats/units?field=LAND_ACQUISITION&from=" + today + "&to=" + today).body();
        assertThat(townRow(landStats).get("registered").asInt()).isEqualTo(1);
        assertThat(api.get("supervisor", "/api/stats/units?field=WAGES").status()).isEqualTo(400);

        Api.Res bad = api.get("supervisor", "/api/ledger?field=WAGES");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().findValuesAsText("field")).contains("field");
    }

    @Test
    @DisplayName("重复访：仅有姓名（无身份证号、无电话）的信访人不能确定为同一人，不自动认定重复访；有电话时认定")
    void aNameAloneIsNoPersonForRepeatPetitions() {
        String body = """
                {"track":"SIMPLE","channel":"VISIT","category":"COMPLAINT","petitioner":%s,"headcount":1,
                 "subject":"村口路灯损坏无人修理","content":"路灯不亮","unit":"town"}
                """;
        ok(api.post("handler", "/api/cases", body.formatted("{\"name\":\"周九\"}")), 201);
        JsonNode second = ok(api.post("handler", "/api/cases", body.formatted("{\"name\":\"周九\"}")), 201).body();
        assertThat(second.get("repeatOf") == null || second.get("repeatOf").isEmpty() || second.get("repeatOf").isNull())
                .as("no repeat for a name alone: %s", second.get("repeatOf")).isTrue();

        String withPhone = "{\"name\":\"吴十\",\"phone\":\"13700003333\"}";
        String first = ok(api.post("handler", "/api/cases", body.formatted(withPhone)), 201).body().get("id").asText();
        // the registration waits for the registry to have read the first case
        JsonNode repeat = ok(api.post("handler", "/api/cases", body.formatted(withPhone)), 201).body();
        assertThat(texts(repeat.get("repeatOf"))).containsExactly(first);
    }

    @Test
    @DisplayName("仅有姓名的两位同名信访人是两个人：各有人员编号；删除其中一人的个人信息不影响另一人；更正走访不改人员编号")
    void twoPetitionersOfTheSameNameAloneAreTwoPeople() {
        String body = """
                {"track":"SIMPLE","channel":"VISIT","category":"COMPLAINT","petitioner":{"name":"郑一"},"headcount":1,
                 "subject":"%s","content":"%s","unit":"town"}
                """;
        JsonNode first = ok(api.post("handler", "/api/cases", body.formatted("灌溉渠堵塞", "渠道淤积")), 201).body();
        JsonNode second = ok(api.post("handler", "/api/cases", body.formatted("低保资格", "咨询低保")), 201).body();
        String firstPerson = first.at("/petitioner/personId").asText();
        String secondPerson = second.at("/petitioner/personId").asText();
        assertThat(firstPerson).isNotBlank();
        assertThat(secondPerson).isNotBlank().isNotEqualTo(firstPerson);

        String visit = visit("2025-04-08", "{\"name\":\"郑一\"}", "渠道淤积回访");
        String visitPerson = api.get("supervisor", "/api/visits/" + visit + "?reveal=true").body().at("/person/personId").asText();
        assertThat(visitPerson).isNotBlank().isNotIn(firstPerson, secondPerson);
        // a corrected name without ID number or phone is the same person: the id stays
        ok(api.put("handler", "/api/visits/" + visit, """
                {"visitedAt":"2025-04-08","visitors":["handler"],"person":{"name":"郑壹"},"workUnitOrAddress":"三村",
                 "demands":"渠道淤积回访","resolution":"已解释","remarks":"更正姓名"}
                """), 200);
        JsonNode corrected = api.get("supervisor", "/api/visits/" + visit + "?reveal=true").body();
        assertThat(corrected.at("/person/name").asText()).isEqualTo("郑壹");
        assertThat(corrected.at("/person/personId").asText()).isEqualTo(visitPerson);

        // a reception that raises a case: the reception and its case are one person, not the other 郑一s
        JsonNode reception = ok(api.post("leader", "/api/receptions", """
                {"unit":"town","date":"2025-04-09","leader":"leader","kind":"RECEPTION","person":{"name":"郑一"},"headcount":1,
                 "demands":"渠道改线","raiseCase":true,"track":"GENERAL","category":"PROPOSAL"}
                """), 201).body();
        String receptionPerson = reception.at("/person/personId").asText();
        assertThat(receptionPerson).isNotBlank().isNotIn(firstPerson, secondPerson, visitPerson);
        assertThat(api.get("supervisor", "/api/cases/" + reception.get("caseId").asText()).body().at("/petitioner/personId").asText())
                .isEqualTo(receptionPerson);

        ok(api.post("admin", "/api/admin/persons/" + firstPerson + "/shred", "{\"reason\":\"本人申请删除\"}"), 200);
        assertThat(api.get("supervisor", "/api/cases/" + first.get("id").asText() + "?reveal=true").body().at("/petitioner/name").asText())
                .isEqualTo("已删除");
        // the other 郑一 and the visited 郑壹 keep their data
        assertThat(api.get("supervisor", "/api/cases/" + second.get("id").asText() + "?reveal=true").body().at("/petitioner/name").asText())
                .isEqualTo("郑一");
        assertThat(api.get("supervisor", "/api/visits/" + visit + "?reveal=true").body().at("/person/name").asText()).isEqualTo("郑壹");

        // shredding the visited person finds the visit's list row by its person id
        ok(api.post("admin", "/api/admin/persons/" + visitPerson + "/shred", "{\"reason\":\"本人申请删除\"}"), 200);
        assertThat(api.get("supervisor", "/api/visits/ledger?unit=town&from=2025-04-08&to=2025-04-08&format=json&reveal=true").body()
                .toString()).contains("已删除").doesNotContain("郑壹");
        assertThat(api.get("supervisor", "/api/cases/" + second.get("id").asText() + "?reveal=true").body().at("/petitioner/name").asText())
                .isEqualTo("郑一");
    }

    static JsonNode townRow(JsonNode summary) {
        for (JsonNode r : summary.has("rows") ? summary.get("rows") : summary) {
            if (r.get("unit").asText().equals("town")) {
                return r;
            }
        }
        return null;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
