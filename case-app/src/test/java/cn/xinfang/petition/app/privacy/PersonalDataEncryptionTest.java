package cn.xinfang.petition.app.privacy;

import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.app.crypto.PersonalDataCodec;
import cn.xinfang.petition.app.persons.PersonIdentity;
import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17: the petitioner's personal data is stored encrypted in the events; shredding a person's
 * key erases it on every reading while the hash chain and the digests still verify; the retention list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataEncryptionTest {

    static final String NAME = "欧阳秀英";
    static final String ID_NUMBER = "11010519491231002X";
    static final String PHONE = "13987654321";
    static final String ADDRESS = "三村五组十号";
    static final String OTHER_NAME = "司马明";
    static final String NAME_2 = "慕容复";
    static final String ID_NUMBER_2 = "110105199002020042";
    static final String PHONE_2 = "13987650000";
    static final String ADDRESS_2 = "四村二组";
    static final String OTHER_PHONE = "13700001111";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonIdentity identity;
    @Autowired
    PersonalDataCodec codec;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static String registration(String name, String idNumber, String phone, String address) {
        return """
                {"track":"SIMPLE","channel":"VISIT","category":"COMPLAINT",
                 "petitioner":{"name":"%s"%s,"phone":"%s"%s},
                 "headcount":1,"subject":"宅基地纠纷","content":"反映邻里宅基地边界纠纷","unit":"town"}
                """.formatted(name, idNumber == null ? "" : ",\"idNumber\":\"" + idNumber + "\"", phone,
                address == null ? "" : ",\"address\":\"" + address + "\"");
    }

    String register(String body) {
        Api.Res r = api.post("handler", "/api/cases", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().get("id").asText();
    }

    List<String> rawPayloads() {
        return jdbc.query("select payload from domainevententry", (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("事件表中没有明文的姓名、身份证号、电话、地址；视图照常显示，personId 为该人的编号")
    void theEventTableHoldsNoClearPersonalData() {
        String id = register(registration(NAME_2, ID_NUMBER_2, PHONE_2, ADDRESS_2));
        String other = register(registration(OTHER_NAME, null, OTHER_PHONE, null));

        List<String> payloads = rawPayloads();
        assertThat(payloads).anyMatch(p -> p.contains("\"petitioner\":{\"v\":1"));
        for (String p : payloads) {
            assertThat(p).doesNotContain(NAME_2, ID_NUMBER_2, PHONE_2, ADDRESS_2, OTHER_NAME, OTHER_PHONE, "9002020");
        }
        // the ledger keeps the ID number and phone only masked
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from ledger_case where case_id in (?, ?)",
                Integer.class, id, other) == 2);
        assertThat(jdbc.queryForList("select id_number from ledger_case where case_id = ?", String.class, id)).containsExactly("110105********0042");
        assertThat(jdbc.queryForList("select phone from ledger_case where case_id = ?", String.class, id)).containsExactly("139****0000");

        JsonNode view = api.get("handler", "/api/cases/" + id).body();
        assertThat(view.at("/petitioner/name").asText()).isEqualTo(NAME_2);
        assertThat(view.at("/petitioner/idNumber").asText()).isEqualTo("110105********0042");
        assertThat(view.at("/petitioner/address").asText()).isEqualTo(ADDRESS_2);
        String personId = identity.personIdOf(new Petitioner(NAME_2, ID_NUMBER_2, PHONE_2, ADDRESS_2));
        assertThat(view.at("/petitioner/personId").asText()).isEqualTo(personId);
        JsonNode revealed = api.get("supervisor", "/api/cases/" + id + "?reveal=true").body();
        assertThat(revealed.at("/petitioner/idNumber").asText()).isEqualTo(ID_NUMBER_2);
        assertThat(revealed.at("/petitioner/phone").asText()).isEqualTo(PHONE_2);
        assertThat(api.get("handler", "/api/cases/" + other).body().at("/petitioner/personId").asText())
                .isEqualTo(identity.personIdOf(new Petitioner(OTHER_NAME, null, OTHER_PHONE, null))).isNotEqualTo(personId);
        // the data key is stored wrapped, never in clear
        assertThat(jdbc.queryForList("select wrapped_key from person_data_key where person_id = ? and wrapped_key is not null", String.class,
                personId)).hasSize(1).allMatch(k -> !k.contains(NAME_2));
    }

    @Test
    @DisplayName("加密往返：同一人两次登记用同一把数据密钥；明文存储的旧事件仍可读取，并带 personId")
    void roundTripsAndClearEventsFromBefore() throws Exception {
        Petitioner p = new Petitioner("上官云", "110105198001010032", "13511112222", "一村");
        JsonNode stored = codec.encrypt(p);
        assertThat(stored.toString()).doesNotContain("上官云", "110105198001010032", "13511112222");
        Petitioner back = codec.decrypt(new ObjectMapper().readTree(stored.toString()));
        assertThat(List.of(back.name(), back.idNumber(), back.phone(), back.address())).containsExactly("上官云", "110105198001010032",
                "13511112222", "一村");
        assertThat(back.personId()).isEqualTo(identity.personIdOf(p));
        assertThat(codec.encrypt(p).get("k").asText()).isEqualTo(stored.get("k").asText());
        assertThat(codec.encrypt(p).get("c").asText()).as("a fresh nonce each time").isNotEqualTo(stored.get("c").asText());

        Petitioner legacy = codec.decrypt(new ObjectMapper().readTree("{\"name\":\"上官云\",\"idNumber\":\"110105198001010032\",\"phone\":null,\"address\":null}"));
        assertThat(legacy.name()).isEqualTo("上官云");
        assertThat(legacy.personId()).isEqualTo(identity.personIdOf(p));
    }

    @Test
    @DisplayName("删除个人信息：各处显示“已删除”，他人不受影响，哈希链与摘要仍验证通过，并记入管理日志")
    void shreddingErasesEverywhereAndTheChainStillVerifies() throws Exception {
        String first = register(registration(NAME, ID_NUMBER, PHONE, ADDRESS));
        String second = register(registration(NAME, ID_NUMBER, "13911110000", "别处"));
        String other = register(registration(OTHER_NAME, null, OTHER_PHONE, "二村"));
        String personId = api.get("handler", "/api/cases/" + first).body().at("/petitioner/personId").asText();
        assertThat(api.get("handler", "/api/cases/" + second).body().at("/petitioner/personId").asText()).isEqualTo(personId);
        awaitLedger(first, second, other);
        // on the backlog ledger (积案台账) too, which keeps the petitioner in clear for its list and export
        assertThat(api.post("supervisor", "/api/cases/" + first + "/escalate", "{\"reason\":\"BACKLOG\",\"leader\":\"镇长\"}").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("supervisor", "/api/backlog?reveal=true").text().contains(ID_NUMBER));
        Api.Res digest = api.get("auditor", "/api/audit/digest");
        assertThat(digest.status()).isEqualTo(200);

        // refusals change nothing
        assertThat(api.post("supervisor", "/api/admin/persons/" + personId + "/shred", "{\"reason\":\"保存期限届满\"}").status()).isEqualTo(403);
        Api.Res noReason = api.post("admin", "/api/admin/persons/" + personId + "/shred", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().at("/errors/0/field").asText()).isEqualTo("reason");
        Api.Res unknown = api.post("admin", "/api/admin/persons/00000000-0000-0000-0000-000000000000/shred", "{\"reason\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("person-not-found");
        assertThat(api.get("handler", "/api/cases/" + first).body().at("/petitioner/name").asText()).isEqualTo(NAME);

        Api.Res shred = api.post("admin", "/api/admin/persons/" + personId + "/shred", "{\"reason\":\"保存期限届满\"}");
        assertThat(shred.status()).as(shred.toString()).isEqualTo(200);
        assertThat(shred.body().get("personId").asText()).isEqualTo(personId);
        assertThat(shred.body().get("cases").findValuesAsText("")).isEmpty();
        assertThat(shred.body().get("alreadyShredded").asBoolean()).isFalse();
        List<String> shreddedCases = new ArrayList<>();
        shred.body().get("cases").forEach(c -> shreddedCases.add(c.asText()));
        assertThat(shreddedCases).containsExactlyInAnyOrder(first, second);

        for (String id : List.of(first, second)) {
            for (String user : List.of("handler", "supervisor")) {
                JsonNode v = api.get(user, "/api/cases/" + id + ("supervisor".equals(user) ? "?reveal=true" : "")).body();
                for (String field : List.of("name", "idNumber", "phone", "address")) {
                    assertThat(v.at("/petitioner/" + field).asText()).as("%s %s %s", id, user, field).isEqualTo(Petitioner.ERASED);
                }
                assertThat(v.at("/petitioner/personId").asText()).isEqualTo(personId);
            }
            JsonNode history = api.get("auditor", "/api/cases/" + id + "/history").body();
            assertThat(history.get(0).at("/data/petitioner/name").asText()).isEqualTo(Petitioner.ERASED);
            assertThat(history.toString()).doesNotContain(NAME, ADDRESS, ID_NUMBER, PHONE)
                    // the masked forms too (the last four alone would also match a hash or an id now and then)
                    .doesNotContain("110105********002X", "139****4321");
            JsonNode asOf = api.get("auditor", "/api/cases/" + id + "/history?asOf=2100-01-01T00:00:00%2B08:00").body();
            assertThat(asOf.at("/petitioner/name").asText()).isEqualTo(Petitioner.ERASED);
            JsonNode verify = api.get("auditor", "/api/cases/" + id + "/verify").body();
            assertThat(verify.get("intact").asBoolean()).as(verify.toString()).isTrue();
        }
        Api.Res verified = api.post("auditor", "/api/audit/verify", digest.text());
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().get("intact").asBoolean()).as(verified.toString()).isTrue();

        // the other person is untouched
        assertThat(api.get("handler", "/api/cases/" + other).body().at("/petitioner/name").asText()).isEqualTo(OTHER_NAME);

        // lists and exports
        JsonNode ledger = api.get("supervisor", "/api/ledger?size=100").body();
        assertThat(ledger.toString()).doesNotContain(NAME, ADDRESS).contains(OTHER_NAME);
        for (JsonNode row : ledger.get("items")) {
            if (row.get("caseId").asText().equals(first) || row.get("caseId").asText().equals(second)) {
                assertThat(row.get("petitionerName").asText()).isEqualTo(Petitioner.ERASED);
                assertThat(row.get("idNumber").asText()).isEqualTo(Petitioner.ERASED);
            }
        }
        Api.Res csv = api.get("supervisor", "/api/ledger?format=csv");
        assertThat(csv.text()).doesNotContain(NAME, ADDRESS).contains(Petitioner.ERASED, OTHER_NAME);
        Api.Res xlsx = api.get("supervisor", "/api/ledger?format=xlsx");
        String cells = cells(xlsx.raw().body());
        assertThat(cells).doesNotContain(NAME, ADDRESS).contains(Petitioner.ERASED, OTHER_NAME);
        assertThat(api.get("supervisor", "/api/ledger?q=" + java.net.URLEncoder.encode(NAME, StandardCharsets.UTF_8)).body().get("total").asLong())
                .isZero();
        Api.Res backlog = api.get("supervisor", "/api/backlog?reveal=true");
        assertThat(backlog.text()).doesNotContain(NAME, ID_NUMBER, PHONE).contains(first, Petitioner.ERASED);
        assertThat(cells(api.get("supervisor", "/api/backlog?format=xlsx&reveal=true").raw().body())).doesNotContain(NAME, ID_NUMBER, PHONE)
                .contains(Petitioner.ERASED);

        // recorded, and a repeat changes nothing
        JsonNode actions = api.get("auditor", "/api/audit/admin-actions?action=shred-person").body();
        assertThat(actions.get("total").asLong()).isEqualTo(1);
        assertThat(actions.at("/items/0/target").asText()).isEqualTo(personId);
        assertThat(actions.at("/items/0/actor").asText()).isEqualTo("admin");
        assertThat(actions.at("/items/0/detail").asText()).contains("保存期限届满");
        Api.Res again = api.post("admin", "/api/admin/persons/" + personId + "/shred", "{\"reason\":\"再次\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("alreadyShredded").asBoolean()).isTrue();

        // a ledger rebuilt from the events shows the marker too
        assertThat(api.post("admin", "/api/admin/projections/ledger/rebuild", null).status()).isBetween(200, 299);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode rebuilt = api.get("supervisor", "/api/ledger?size=100").body();
            assertThat(rebuilt.get("total").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(rebuilt.toString()).doesNotContain(NAME, ADDRESS).contains(OTHER_NAME);
        });

        // the person comes back: a new key, the new case readable, the old ones stay erased
        String back = register(registration(NAME, ID_NUMBER, PHONE, ADDRESS));
        assertThat(api.get("handler", "/api/cases/" + back).body().at("/petitioner/name").asText()).isEqualTo(NAME);
        assertThat(api.get("handler", "/api/cases/" + first).body().at("/petitioner/name").asText()).isEqualTo(Petitioner.ERASED);
    }

    @Test
    @DisplayName("保存期限：所有事项办结满 30 年的人员列入待删除清单")
    void theRetentionListNamesPersonsWhoseCasesClosedLongAgo() {
        String closed = register(registration("诸葛亮", null, "13600002222", null));
        String open = register(registration("东方朔", null, "13600003333", null));
        assertThat(api.post("handler", "/api/cases/" + closed + "/sign", null).status()).isEqualTo(200);
        Api.Res declined = api.post("handler", "/api/cases/" + closed + "/decline", "{\"reason\":\"属于诉讼程序\",\"guidance\":\"请向人民法院起诉\"}");
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        String closedPerson = api.get("handler", "/api/cases/" + closed).body().at("/petitioner/personId").asText();
        String openPerson = api.get("handler", "/api/cases/" + open).body().at("/petitioner/personId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from ledger_case where case_id = ? and status = 'DECLINED'", Integer.class, closed) == 1);

        assertThat(api.get("auditor", "/api/admin/retention").status()).isEqualTo(403);
        JsonNode now = api.get("admin", "/api/admin/retention").body();
        assertThat(now.get("retentionYears").asInt()).isEqualTo(30);
        assertThat(now.get("persons").findValuesAsText("personId")).doesNotContain(closedPerson, openPerson);
        JsonNode later = api.get("admin", "/api/admin/retention?asOf=2090-01-01T00:00:00%2B08:00").body();
        assertThat(later.get("persons").findValuesAsText("personId")).contains(closedPerson).doesNotContain(openPerson);
    }

    void awaitLedger(String... caseIds) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from ledger_case where case_id in ("
                + String.join(",", java.util.Collections.nCopies(caseIds.length, "?")) + ")", Integer.class, (Object[]) caseIds) == caseIds.length);
    }

    static String cells(byte[] xlsx) throws Exception {
        StringBuilder s = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                row.forEach(c -> s.append(c.toString()).append('|'));
            }
        }
        return s.toString();
    }
}
