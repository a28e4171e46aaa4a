package cn.xinfang.petition.app.web;

import cn.xinfang.petition.app.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 15 in a real browser: the backlog ledger shows a case with its leader and progress status,
 * and a person's page lists their cases with the flags derived from them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class BacklogPagesBrowserTest {

    static final String PLAN = "\"plan\":{\"crux\":\"工程款未结算\",\"measures\":\"协调结算\",\"responsible\":\"王镇长\",\"targetDate\":\"2024-12-31\"}";

    @LocalServerPort
    int port;

    Browser browser;
    Api api;

    @BeforeAll
    void startBrowser() {
        Optional<Path[]> chromium = Browser.findChromium();
        assumeTrue(chromium.isPresent(), Browser::missingMessage);
        browser = Browser.start(chromium.get(), port);
        browser.size(Browser.DESKTOP);
        api = new Api(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    String register(String subject) {
        Api.Res r = api.post("handler", "/api/cases", """
                {"track":"GENERAL","channel":"VISIT","category":"COMPLAINT","petitioner":{"name":"孙八","phone":"13700001111"},
                 "subject":"%s","content":"反映问题","unit":"town"}
                """.formatted(subject));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().get("id").asText();
    }

    @Test
    @DisplayName("积案台账与信访人页面")
    void theLedgerAndThePersonPage() {
        String first = register("拖欠工资 张三工地");
        String second = register("张三工地拖欠工资问题");
        assertThat(api.post("supervisor", "/api/cases/" + second + "/leader", "{\"leader\":\"leader\"," + PLAN + "}").status())
                .isEqualTo(200);

        browser.login("supervisor");
        browser.reloadUntil("/backlog", By.cssSelector("[data-testid=backlog] tr[data-case='" + second + "'] [data-testid=lp-status]"));
        String row = browser.text(By.cssSelector("[data-testid=backlog] tr[data-case='" + second + "']"));
        assertThat(row).contains("孙八", "leader", "工程款未结算", "进行中");
        browser.screenshot("backlog");

        browser.open("/persons?q=13700001111");
        browser.click(By.cssSelector("[data-testid=persons] a"));
        browser.waitFor(By.cssSelector("[data-testid=person-cases]"));
        // the person registry follows the events a moment later than the backlog ledger: wait for the second case
        browser.reloadUntil(browser.path(), By.cssSelector("[data-testid=person-flags]"), "重复访");
        assertThat(browser.text(By.cssSelector("[data-testid=person-name]"))).isEqualTo("孙八");
        assertThat(browser.text(By.cssSelector("[data-testid=person-phone]"))).isEqualTo("137****1111");
        assertThat(browser.text(By.cssSelector("[data-testid=person-flags]"))).contains("重复访");
        assertThat(browser.text(By.cssSelector("[data-testid=person-cases]"))).contains("拖欠工资 张三工地", "张三工地拖欠工资问题");
        assertThat(browser.find(By.cssSelector("[data-testid=repeat-of]")).getAttribute("href")).endsWith("/cases/" + first);
        browser.screenshot("person");
    }
}
