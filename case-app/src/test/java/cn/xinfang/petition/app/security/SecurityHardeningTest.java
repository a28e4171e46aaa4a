package cn.xinfang.petition.app.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.xinfang.petition.app.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** Issue 17: password guessing is throttled per user (API and login form), security headers, session cookie flags. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHardeningTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginThrottle throttle;
    /** The user accounts, watched: how often a request reads a user's row. */
    @MockitoSpyBean
    UserAccounts accounts;

    Api api;
    MutableClock clock;
    ListAppender<ILoggingEvent> logs;

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-03-02T02:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        clock = new MutableClock();
        throttle.useClock(clock);
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(LoginThrottle.class)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(LoginThrottle.class)).detachAppender(logs);
        throttle.useClock(Clock.systemUTC());
    }

    @Test
    @DisplayName("API：同一用户 15 分钟内 5 次密码错误后，再试（即使密码正确）得 429，等待时间逐次加长；日志不含密码")
    void fiveFailuresLockTheUserForAGrowingDelay() {
        for (int i = 1; i <= 5; i++) {
            Api.Res r = api.get("village2:guess-" + i, "/api/time/policy");
            assertThat(r.status()).as("attempt %d: %s", i, r).isEqualTo(401);
            clock.now = clock.now.plusSeconds(60);
        }
        // failures at 02:00, 02:01, 02:02, 02:03, 02:04: the fifth locks the user for 1 minute, until 02:05
        clock.now = Instant.parse("2026-03-02T02:04:30Z");
        Api.Res locked = api.get("village2", "/api/time/policy");
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(locked.body().path("code").asText()).isEqualTo("too-many-failed-logins");
        assertThat(locked.header("Retry-After")).isEqualTo("30");
        // another user is not affected
        assertThat(api.get("village1", "/api/time/policy").status()).isEqualTo(200);

        // after the minute (02:05) a sixth failure (02:05:10, the first at 02:00 is still within 15 minutes) locks for 2 minutes
        clock.now = Instant.parse("2026-03-02T02:05:10Z");
        assertThat(api.get("village2:guess-6", "/api/time/policy").status()).isEqualTo(401);
        clock.now = Instant.parse("2026-03-02T02:06:10Z");
        Api.Res longer = api.get("village2", "/api/time/policy");
        assertThat(longer.status()).isEqualTo(429);
        assertThat(longer.header("Retry-After")).isEqualTo("60");
        clock.now = Instant.parse("2026-03-02T02:07:10Z");
        assertThat(api.get("village2", "/api/time/policy").status()).isEqualTo(200);
        // a success forgets the failures: one more failure does not lock
        assertThat(api.get("village2:guess-7", "/api/time/policy").status()).isEqualTo(401);
        assertThat(api.get("village2", "/api/time/policy").status()).isEqualTo(200);

        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(l -> l.contains("username=village2") && l.contains("failures=5"));
        assertThat(String.join("\n", lines)).doesNotContain("guess-");
    }

    @Test
    @DisplayName("失败记录超过 15 分钟即不再计数")
    void failuresOlderThanTheWindowDoNotCount() {
        for (int i = 1; i <= 4; i++) {
            assertThat(api.get("leader:wrong", "/api/time/policy").status()).isEqualTo(401);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(api.get("leader:wrong", "/api/time/policy").status()).isEqualTo(401);
        assertThat(api.get("leader", "/api/time/policy").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("登录页：5 次密码错误后再提交得 429")
    void theLoginFormIsThrottledToo() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> r = login(browser, "auditor", "wrong-" + i);
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).contains("/login?error");
        }
        HttpResponse<String> locked = login(browser, "auditor", "demo");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("登录失败次数过多");
        assertThat(logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList()).noneMatch(l -> l.contains("wrong-"));
    }

    private HttpResponse<String> login(HttpClient browser, String user, String password) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(page.body());
        assertThat(m.find()).as("CSRF field on the login page").isTrue();
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("每个应答都带安全响应头：API、页面、静态文件、错误、健康检查")
    void everyAnswerCarriesTheSecurityHeaders() {
        for (Api.Res r : List.of(api.get("handler", "/api/time/policy"), api.get(null, "/api/cases"), api.get(null, "/login"),
                api.get(null, "/css/app.css"), api.get(null, "/actuator/health"), api.get("handler", "/api/no-such-thing"),
                api.get("handler", "/"), api.get("handler", "/api/admin/users"))) {
            assertThat(r.header("X-Content-Type-Options")).as(r.raw().uri().toString()).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).as(r.raw().uri().toString()).isEqualTo("same-origin");
            assertThat(r.header("Content-Security-Policy")).as(r.raw().uri().toString())
                    .contains("frame-ancestors 'none'").contains("script-src 'self'").contains("default-src 'self'");
            assertThat(r.raw().headers().allValues("Content-Security-Policy")).hasSize(1);
        }
    }

    @Test
    @DisplayName("会话 Cookie：HttpOnly、SameSite=Lax；经 TLS（代理的 X-Forwarded-Proto: https）时 Secure")
    void sessionCookiesAreHttpOnlyLaxAndSecureBehindTls() {
        String plain = api.get(null, "/login").header("Set-Cookie");
        assertThat(plain).contains("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        String tls = api.send(null, "GET", "/login", null, Map.of("X-Forwarded-Proto", "https")).header("Set-Cookie");
        assertThat(tls).contains("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
    }

    @Test
    @DisplayName("一次请求只读一次用户行：API（HTTP Basic）与页面（会话）各一次")
    void aRequestReadsItsUsersRowOnce() throws Exception {
        clearInvocations(accounts);
        // the ledger asks for the account (the unit scope) after authentication has read the row
        assertThat(api.get("handler", "/api/ledger").status()).isEqualTo(200);
        verify(accounts).loadUserByUsername("handler");
        verify(accounts, never()).find("handler");

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(login(browser, "handler", "demo").statusCode()).isEqualTo(302);
        clearInvocations(accounts);
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        // a page: the session's check and the page's handler share one read
        verify(accounts, never()).loadUserByUsername("handler");
        verify(accounts).find("handler");
    }
}
