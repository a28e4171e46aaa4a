package cn.xinfang.petition.app.audit;

import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17: the log of reveals of personal data and the log of admin actions, for AUDITOR and ADMIN, filtered, and as xlsx. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogApiTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    String newCase() {
        Api.Res r = api.post("handler", "/api/cases", """
                {"track":"SIMPLE","channel":"VISIT","category":"COMPLAINT","petitioner":{"name":"测试人"},
                 "headcount":1,"subject":"审计日志","content":"审计日志测试","unit":"town"}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().get("id").asText();
    }

    @Test
    @DisplayName("每次查看未脱敏个人信息都在 /api/audit/reveals 中，可按用户、事项、时间筛选，可导出 xlsx")
    void everyRevealIsListed() throws Exception {
        String a = newCase();
        String b = newCase();
        assertThat(api.get("supervisor", "/api/cases/" + a + "?reveal=true").status()).isEqualTo(200);
        assertThat(api.get("auditor", "/api/cases/" + b + "?reveal=true").status()).isEqualTo(200);
        assertThat(api.get("handler", "/api/cases/" + a).status()).isEqualTo(200); // masked: not a reveal

        Api.Res all = api.get("auditor", "/api/audit/reveals");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.body().get("total").asLong()).isEqualTo(2);
        JsonNode newest = all.body().at("/items/0");
        assertThat(newest.get("username").asText()).isEqualTo("auditor");
        assertThat(newest.get("role").asText()).isEqualTo("AUDITOR");
        assertThat(newest.get("caseId").asText()).isEqualTo(b);
        assertThat(newest.get("purpose").asText()).isEqualTo("case-view");
        assertThat(newest.get("at").asText()).endsWith("+08:00");

        assertThat(api.get("admin", "/api/audit/reveals?username=supervisor").body().get("items").findValuesAsText("caseId")).containsExactly(a);
        assertThat(api.get("admin", "/api/audit/reveals?caseId=" + b).body().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("admin", "/api/audit/reveals?from=2000-01-01&to=2000-12-31").body().get("total").asLong()).isZero();
        assertThat(api.get("admin", "/api/audit/reveals?size=1&page=1").body().get("items").findValuesAsText("caseId")).containsExactly(a);

        Api.Res xlsx = api.get("auditor", "/api/audit/reveals?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(cells(xlsx.raw().body())).contains("个人信息查看记录", "supervisor", "auditor", a, b);
    }

    @Test
    @DisplayName("每次管理操作都在 /api/audit/admin-actions 中，可按操作人、操作、对象筛选，可导出 xlsx")
    void everyAdminActionIsListed() throws Exception {
        Api.Res unit = api.post("admin", "/api/admin/units", "{\"id\":\"village-9\",\"name\":\"九村\",\"parent\":\"town\"}");
        assertThat(unit.status()).as(unit.toString()).isEqualTo(201);
        JsonNode actions = api.get("auditor", "/api/audit/admin-actions?target=village-9").body();
        assertThat(actions.get("total").asLong()).isEqualTo(1);
        assertThat(actions.at("/items/0/actor").asText()).isEqualTo("admin");
        assertThat(actions.at("/items/0/action").asText()).isNotBlank();
        String action = actions.at("/items/0/action").asText();
        assertThat(api.get("admin", "/api/audit/admin-actions?actor=admin&action=" + action).body().get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("admin", "/api/audit/admin-actions?actor=nobody").body().get("total").asLong()).isZero();
        Api.Res xlsx = api.get("admin", "/api/audit/admin-actions?format=xlsx&target=village-9");
        assertThat(cells(xlsx.raw().body())).contains("管理操作记录", "village-9", action);
    }

    @Test
    @DisplayName("只有审计人员和系统管理员可读；错误的参数得 400")
    void onlyAuditorsAndAdminsReadTheLogs() {
        for (String user : List.of("supervisor", "handler", "leader", "village1")) {
            for (String path : List.of("/api/audit/reveals", "/api/audit/admin-actions", "/api/audit/reveals?format=xlsx")) {
                Api.Res r = api.get(user, path);
                assertThat(r.status()).as(user + " " + path).isEqualTo(403);
            }
        }
        assertThat(api.get(null, "/api/audit/reveals").status()).isEqualTo(401);
        Api.Res bad = api.get("auditor", "/api/audit/reveals?from=yesterday&size=0&format=pdf");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("from", "size", "format");
    }

    static String cells(byte[] xlsx) throws Exception {
        StringBuilder s = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheetAt(0)) {
                row.forEach(c -> s.append(c.toString()).append('|'));
            }
        }
        return s.toString();
    }
}
