package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 系统管理: units and users over HTTP, ADMIN only, every change audited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static String unit(String id, String name, String parent) {
        return parent == null ? """
                {"id":"%s","name":"%s"}""".formatted(id, name)
                : """
                {"id":"%s","name":"%s","parent":"%s"}""".formatted(id, name, parent);
    }

    static String user(String username, String password, String role, String unit) {
        return """
                {"username":"%s","password":"%s","displayName":"测试用户 %s","role":"%s"%s}"""
                .formatted(username, password, username, role, unit == null ? "" : ",\"unit\":\"" + unit + "\"");
    }

    /** Creates a HANDLER of village-1 with the given password, as admin. */
    void newHandler(String username, String password) {
        Api.Res r = api.post("admin", "/api/admin/users", user(username, password, "HANDLER", "village-1"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    /** The actors of the audit rows of one action on one target. */
    List<String> audit(String action, String target) {
        return jdbc.queryForList("select actor from admin_audit where action = ? and target = ? order by id", String.class, action, target);
    }

    List<String> auditDetails(String action, String target) {
        return jdbc.queryForList("select detail from admin_audit where action = ? and target = ? order by id", String.class, action, target);
    }

    static List<String> fields(Api.Res r) {
        return r.body().path("errors").findValuesAsText("field");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Nested
    class Units {

        @Test
        @DisplayName("新建单位：201，随后可在列表中看到，并留痕")
        void aNewUnitIsCreatedListedAndAudited() {
            Api.Res r = api.post("admin", "/api/admin/units", unit("village-3", "三村", "town"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.header("Location")).isEqualTo("/api/admin/units/village-3");
            assertThat(r.body().get("id").asText()).isEqualTo("village-3");
            assertThat(r.body().get("name").asText()).isEqualTo("三村");
            assertThat(r.body().get("parent").asText()).isEqualTo("town");

            Api.Res list = api.get("admin", "/api/admin/units");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body().findValuesAsText("id")).contains("town", "village-1", "village-2", "civil-affairs", "village-3");
            JsonNode created = null;
            for (JsonNode u : list.body()) {
                if (u.get("id").asText().equals("village-3")) {
                    created = u;
                }
            }
            assertThat(created).isNotNull();
            assertThat(created.get("parent").asText()).isEqualTo("town");
            assertThat(audit("create-unit", "village-3")).containsExactly("admin");
            // the new unit can receive cases at once
            assertThat(api.post("handler", "/api/cases", CaseApiTest.register("SIMPLE", "village-3")).status()).isEqualTo(201);
        }

        @Test
        void aDuplicateUnitIsA409() {
            Api.Res r = api.post("admin", "/api/admin/units", unit("town", "又一个镇", null));
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.body().get("code").asText()).isEqualTo("unit-exists");
            assertThat(jdbc.queryForObject("select name from unit where id = 'town'", String.class)).isEqualTo("曹庙镇信访办");
            assertThat(audit("create-unit", "town")).isEmpty();
        }

        @Test
        @DisplayName("单位编号无效且上级单位不存在：两处错误一并列出")
        void anInvalidIdAndAnUnknownParentAreListedTogether() {
            Api.Res r = api.post("admin", "/api/admin/units", unit("Village 3!", "三村", "atlantis"));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.body().get("code").asText()).isEqualTo("invalid-request");
            assertThat(fields(r)).containsExactlyInAnyOrder("id", "parent");
            Api.Res missing = api.post("admin", "/api/admin/units", "{}");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(fields(missing)).containsExactlyInAnyOrder("id", "name");
            assertThat(api.get("admin", "/api/admin/units").body().findValuesAsText("id")).doesNotContain("Village 3!");
        }
    }

    @Nested
    class Users {

        @Test
        @DisplayName("新建经办人：201，答复中没有密码或哈希，并留痕")
        void aNewHandlerIsCreatedWithoutShowingAnyPassword() {
            Api.Res r = api.post("admin", "/api/admin/users", user("village1b", "secret-1", "HANDLER", "village-1"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.header("Location")).isEqualTo("/api/admin/users/village1b");
            JsonNode a = r.body();
            assertThat(a.get("username").asText()).isEqualTo("village1b");
            assertThat(a.get("role").asText()).isEqualTo("HANDLER");
            assertThat(a.get("unit").asText()).isEqualTo("village-1");
            assertThat(a.get("enabled").asBoolean()).isTrue();
            assertThat(fieldNames(a)).noneMatch(n -> n.toLowerCase().contains("password") || n.toLowerCase().contains("hash"));
            assertThat(r.text()).doesNotContain("secret-1").doesNotContain("$2a$");

            Api.Res list = api.get("admin", "/api/admin/users");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body().findValuesAsText("username")).contains("admin", "handler", "village1b");
            assertThat(list.text()).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("hash").doesNotContain("$2a$");
            assertThat(audit("create-user", "village1b")).containsExactly("admin");
            // stored as a BCrypt hash, never as given
            assertThat(jdbc.queryForObject("select password_hash from app_user where username = 'village1b'", String.class))
                    .startsWith("$2").isNotEqualTo("secret-1");
        }

        @Test
        void aHandlerWithoutAUnitIsRefused() {
            Api.Res r = api.post("admin", "/api/admin/users", user("nounit", "secret-1", "HANDLER", null));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(fields(r)).containsExactly("unit");
            Api.Res unknown = api.post("admin", "/api/admin/users", user("nounit", "secret-1", "HANDLER", "atlantis"));
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(fields(unknown)).containsExactly("unit");
            assertThat(audit("create-user", "nounit")).isEmpty();
        }

        @Test
        @DisplayName("SYSTEM 角色不能分配给用户")
        void theSystemRoleIsRefused() {
            Api.Res r = api.post("admin", "/api/admin/users", user("robot", "secret-1", "SYSTEM", null));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(fields(r)).containsExactly("role");
            assertThat(r.body().get("detailEn").asText()).contains("SYSTEM");
            assertThat(api.get("admin", "/api/admin/users").body().findValuesAsText("username")).doesNotContain("robot");
        }

        @Test
        void anUnknownRoleIsRefused() {
            Api.Res r = api.post("admin", "/api/admin/users", user("king", "secret-1", "KING", null));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(fields(r)).containsExactly("role");
            assertThat(r.body().get("detailEn").asText()).contains("HANDLER");
        }

        @Test
        void aDuplicateUsernameIsA409() {
            Api.Res r = api.post("admin", "/api/admin/users", user("handler", "secret-1", "AUDITOR", null));
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.body().get("code").asText()).isEqualTo("user-exists");
            // the existing account is untouched: same role, same password
            assertThat(jdbc.queryForObject("select role from app_user where username = 'handler'", String.class)).isEqualTo("HANDLER");
            assertThat(api.get("handler", "/api/time/policy").status()).isEqualTo(200);
            assertThat(audit("create-user", "handler")).isEmpty();
        }

        @Test
        void aNewUserCanSignIn() {
            assertThat(api.get("newcomer:secret-1", "/api/time/policy").status()).isEqualTo(401);
            newHandler("newcomer", "secret-1");
            assertThat(api.get("newcomer:secret-1", "/api/time/policy").status()).isEqualTo(200);
            assertThat(api.get("newcomer:wrong-one", "/api/time/policy").status()).isEqualTo(401);
        }

        @Test
        @DisplayName("停用账号：下一次请求即被拒绝；重新启用后恢复")
        void disablingAUserRefusesItsNextRequest() {
            newHandler("leaver", "secret-1");
            assertThat(api.get("leaver:secret-1", "/api/time/policy").status()).isEqualTo(200);

            Api.Res off = api.put("admin", "/api/admin/users/leaver", "{\"enabled\":false}");
            assertThat(off.status()).as(off.toString()).isEqualTo(200);
            assertThat(off.body().get("enabled").asBoolean()).isFalse();
            Api.Res refused = api.get("leaver:secret-1", "/api/time/policy");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body().get("code").asText()).isEqualTo("unauthorized");
            assertThat(api.post("leaver:secret-1", "/api/cases", CaseApiTest.register("SIMPLE", "village-1")).status()).isEqualTo(401);

            Api.Res on = api.put("admin", "/api/admin/users/leaver", "{\"enabled\":true}");
            assertThat(on.status()).as(on.toString()).isEqualTo(200);
            assertThat(on.body().get("enabled").asBoolean()).isTrue();
            assertThat(api.get("leaver:secret-1", "/api/time/policy").status()).isEqualTo(200);

            assertThat(audit("update-user", "leaver")).containsExactly("admin", "admin");
            assertThat(auditDetails("update-user", "leaver")).containsExactly("disabled", "enabled");
        }

        @Test
        @DisplayName("修改密码：旧密码 401，新密码 200")
        void changingThePasswordRefusesTheOldOne() {
            newHandler("forgetful", "old-secret");
            assertThat(api.get("forgetful:old-secret", "/api/time/policy").status()).isEqualTo(200);

            Api.Res r = api.put("admin", "/api/admin/users/forgetful", "{\"password\":\"new-secret\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(fieldNames(r.body())).noneMatch(n -> n.toLowerCase().contains("password") || n.toLowerCase().contains("hash"));
            assertThat(api.get("forgetful:old-secret", "/api/time/policy").status()).isEqualTo(401);
            assertThat(api.get("forgetful:new-secret", "/api/time/policy").status()).isEqualTo(200);
            // nothing else changed
            assertThat(r.body().get("role").asText()).isEqualTo("HANDLER");
            assertThat(r.body().get("unit").asText()).isEqualTo("village-1");
            assertThat(auditDetails("update-user", "forgetful")).containsExactly("password changed");
            assertThat(audit("update-user", "forgetful")).containsExactly("admin");
        }

        @Test
        void updatingAMissingUserIsA404() {
            Api.Res r = api.put("admin", "/api/admin/users/nobody", "{\"enabled\":false}");
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.body().get("code").asText()).isEqualTo("user-not-found");
            assertThat(audit("update-user", "nobody")).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'nobody'", Integer.class)).isZero();
        }
    }

    @Nested
    class Input {

        @Test
        void overlongOrUnstorableNamesAreA400() {
            int audits = jdbc.queryForObject("select count(*) from admin_audit", Integer.class);
            String tooLong = "名".repeat(201);

            Api.Res unit = api.post("admin", "/api/admin/units", unit("long-name", tooLong, null));
            assertThat(unit.status()).as(unit.toString()).isEqualTo(400);
            assertThat(fields(unit)).containsExactly("name");
            Api.Res nul = api.post("admin", "/api/admin/units", "{\"id\":\"nul-name\",\"name\":\"一\\u0000村\"}");
            assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
            assertThat(fields(nul)).containsExactly("name");

            Api.Res user = api.post("admin", "/api/admin/users",
                    "{\"username\":\"longname\",\"password\":\"secret-1\",\"displayName\":\"" + tooLong + "\",\"role\":\"AUDITOR\"}");
            assertThat(user.status()).as(user.toString()).isEqualTo(400);
            assertThat(fields(user)).containsExactly("displayName");
            Api.Res rename = api.put("admin", "/api/admin/users/auditor", "{\"displayName\":\"" + tooLong + "\"}");
            assertThat(rename.status()).as(rename.toString()).isEqualTo(400);
            assertThat(fields(rename)).containsExactly("displayName");

            assertThat(jdbc.queryForObject("select count(*) from unit where id in ('long-name', 'nul-name')", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'longname'", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from admin_audit", Integer.class)).isEqualTo(audits);
        }

        @Test
        void theLastAdministratorCannotBeDisabledOrDemoted() {
            Api.Res disable = api.put("admin", "/api/admin/users/admin", "{\"enabled\":false}");
            assertThat(disable.status()).as(disable.toString()).isEqualTo(409);
            assertThat(disable.body().get("code").asText()).isEqualTo("last-admin");
            assertThat(api.put("admin", "/api/admin/users/admin", "{\"role\":\"AUDITOR\"}").status()).isEqualTo(409);
            assertThat(api.get("admin", "/api/admin/users").status()).isEqualTo(200);
        }

        @Test
        void aPasswordLongerThanBcryptCanUseIsAFieldError() {
            Api.Res r = api.post("admin", "/api/admin/users",
                    "{\"username\":\"longpw\",\"password\":\"" + "p".repeat(73) + "\",\"displayName\":\"长密码\",\"role\":\"AUDITOR\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("errors").findValuesAsText("field")).containsExactly("password");
        }

        @Test
        void aShortPasswordIsRefused() {
            Api.Res r = api.post("admin", "/api/admin/users", user("shorty", "abc", "AUDITOR", null));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(fields(r)).containsExactly("password");
            Api.Res put = api.put("admin", "/api/admin/users/auditor", "{\"password\":\"abc\"}");
            assertThat(put.status()).isEqualTo(400);
            assertThat(fields(put)).containsExactly("password");
            assertThat(api.get("auditor", "/api/time/policy").status()).isEqualTo(200);
        }

        @Test
        void aHandlerCannotLoseItsUnit() {
            Api.Res r = api.put("admin", "/api/admin/users/village2", "{\"unit\":\"\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.body().get("code").asText()).isEqualTo("handler-needs-unit");
            Api.Res toHandler = api.put("admin", "/api/admin/users/supervisor", "{\"role\":\"HANDLER\"}");
            assertThat(toHandler.status()).isEqualTo(400);
            assertThat(toHandler.body().get("code").asText()).isEqualTo("handler-needs-unit");
            assertThat(jdbc.queryForObject("select unit from app_user where username = 'village2'", String.class)).isEqualTo("village-2");
            assertThat(jdbc.queryForObject("select role from app_user where username = 'supervisor'", String.class)).isEqualTo("SUPERVISOR");
            assertThat(audit("update-user", "village2")).isEmpty();
            assertThat(audit("update-user", "supervisor")).isEmpty();
        }
    }

    @Nested
    class Access {

        @Test
        @DisplayName("非管理员：管理接口一律 403，且什么都没改")
        void nonAdminsAreForbidden() {
            int users = jdbc.queryForObject("select count(*) from app_user", Integer.class);
            int units = jdbc.queryForObject("select count(*) from unit", Integer.class);
            int audits = jdbc.queryForObject("select count(*) from admin_audit", Integer.class);
            for (String who : List.of("handler", "supervisor", "auditor", "village1")) {
                for (String path : List.of("/api/admin/users", "/api/admin/units")) {
                    Api.Res get = api.get(who, path);
                    assertThat(get.status()).as(who + " GET " + path + ": " + get).isEqualTo(403);
                    assertThat(get.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(get.body().get("code").asText()).isEqualTo("forbidden");
                }
                Api.Res unit = api.post(who, "/api/admin/units", unit("by-" + who, "越权单位", "town"));
                assertThat(unit.status()).as(who + " POST unit: " + unit).isEqualTo(403);
                Api.Res user = api.post(who, "/api/admin/users", user("by-" + who, "secret-1", "ADMIN", null));
                assertThat(user.status()).as(who + " POST user: " + user).isEqualTo(403);
                Api.Res promote = api.put(who, "/api/admin/users/" + who, "{\"role\":\"ADMIN\"}");
                assertThat(promote.status()).as(who + " PUT self: " + promote).isEqualTo(403);
            }
            assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isEqualTo(users);
            assertThat(jdbc.queryForObject("select count(*) from unit", Integer.class)).isEqualTo(units);
            assertThat(jdbc.queryForObject("select count(*) from admin_audit", Integer.class)).isEqualTo(audits);
            assertThat(jdbc.queryForObject("select role from app_user where username = 'handler'", String.class)).isEqualTo("HANDLER");
        }

        @Test
        void signingInIsRequired() {
            for (String path : List.of("/api/admin/users", "/api/admin/units")) {
                Api.Res get = api.get(null, path);
                assertThat(get.status()).as("GET " + path).isEqualTo(401);
                assertThat(get.header("WWW-Authenticate")).startsWith("Basic");
                assertThat(get.body().get("code").asText()).isEqualTo("unauthorized");
            }
            assertThat(api.post(null, "/api/admin/units", unit("anon", "匿名", null)).status()).isEqualTo(401);
            assertThat(api.post(null, "/api/admin/users", user("anon", "secret-1", "ADMIN", null)).status()).isEqualTo(401);
            assertThat(api.put(null, "/api/admin/users/handler", "{\"enabled\":false}").status()).isEqualTo(401);
            assertThat(api.get("admin:wrong", "/api/admin/users").status()).isEqualTo(401);
            assertThat(api.send(null, "GET", "/api/admin/users", null, Map.of("Authorization", "Bearer x")).status()).isEqualTo(401);
            assertThat(api.get("handler", "/api/time/policy").status()).isEqualTo(200);
        }
    }
}
