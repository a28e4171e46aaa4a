package cn.xinfang.petition.app.security;

import cn.xinfang.petition.app.CaseApplication;
import cn.xinfang.petition.app.support.Api;
import cn.xinfang.petition.app.support.PerClassDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A production start (no demo data): refused with a clear message while no administrator password
 * is given; with {@code CASES_ADMIN_PASSWORD} set, exactly one account, {@code admin}, exists.
 */
class FirstStartTest {

    static String[] args(String... extra) {
        List<String> props = new ArrayList<>();
        for (String p : PerClassDatabase.properties(PerClassDatabase.databaseName(FirstStartTest.class))) {
            props.add("--" + (p.startsWith("cases.security.demo-data") ? "cases.security.demo-data=false" : p));
        }
        props.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        props.addAll(Arrays.asList(extra));
        return props.toArray(String[]::new);
    }

    @Test
    @DisplayName("生产库首次启动：未设置 CASES_ADMIN_PASSWORD 拒绝启动；设置后只创建 admin")
    void theFirstStartNeedsTheAdministratorPassword() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CaseApplication.class).run(args("--cases.security.admin-password=")))
                .hasStackTraceContaining("CASES_ADMIN_PASSWORD");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CaseApplication.class)
                .run(args("--cases.security.admin-password=s3cret-first"))) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select username from app_user", String.class)).containsExactly("admin");
            assertThat(jdbc.queryForObject("select password_hash from app_user", String.class)).startsWith("$2").doesNotContain("s3cret");
            Api api = new Api(Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port")));
            assertThat(api.get("admin:s3cret-first", "/api/admin/users").status()).isEqualTo(200);
            assertThat(api.get("handler", "/api/time/policy").status()).isEqualTo(401);
            assertThat(api.get(null, "/v3/api-docs").status()).isEqualTo(200);
            assertThat(api.get(null, "/v3/api-docs").text()).contains("/api/cases/{id}/sign");
        }
    }
}
