package cn.xinfang.petition.app.web;

import cn.xinfang.petition.app.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The visit and reception pages (issue 14) in headless Chromium: record a visit with errors beside the fields, the rota calendar. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class VisitPagesBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        Optional<Path[]> chromium = Browser.findChromium();
        assumeTrue(chromium.isPresent(), Browser::missingMessage);
        browser = Browser.start(chromium.get(), port);
        browser.size(Browser.DESKTOP);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @DisplayName("经办人登记走访：错误显示在字段旁，改正后出现在列表中")
    void aHandlerRecordsAVisit() {
        browser.login("handler");
        browser.open("/visits");
        assertThat(browser.find(By.cssSelector("nav.main")).getText()).contains("大走访", "接访排班");
        browser.type(By.id("f-person-name"), "张三");
        browser.type(By.id("f-person-phone"), "123");
        browser.click(By.cssSelector("button[data-action=record-visit]"));
        browser.waitFor(By.cssSelector("[data-testid=error-summary]"));
        assertThat(browser.present(By.id("error-person-phone"))).isTrue();
        assertThat(browser.present(By.id("error-demands"))).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from visit_entry", Long.class)).isZero();

        browser.type(By.id("f-person-phone"), "13812345678");
        browser.type(By.id("f-demands"), "反映村道塌陷");
        browser.click(By.cssSelector("button[data-action=record-visit]"));
        browser.waitFor(By.cssSelector("[data-testid=recorded]"));
        WebElement table = browser.find(By.cssSelector("[data-testid=visits]"));
        assertThat(table.getText()).contains("张三", "反映村道塌陷", "138****5678", "镇信访办经办人");
        assertThat(browser.find(By.cssSelector("[data-action=visit-ledger-xlsx]")).getAttribute("href")).contains("/visits/ledger.xlsx");
    }

    @Test
    @DisplayName("接访排班月历：周一书记、周五镇长，节假日空白")
    void theRotaCalendar() {
        Api api = new Api(port);
        Api.Res r = api.post("supervisor", "/api/receptions/rota", """
                {"unit":"town","from":"2024-02-01","to":"2024-02-29","monday":"leader","friday":"supervisor","others":["handler"]}
                """);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        browser.login("handler");
        browser.open("/receptions/rota?month=2024-02");
        browser.waitFor(By.cssSelector("[data-testid=rota-calendar]"));
        assertThat(browser.find(By.cssSelector("td[data-date='2024-02-05']")).getText()).contains("镇长");
        assertThat(browser.find(By.cssSelector("td[data-date='2024-02-09']")).getText()).contains("督查组");
        assertThat(browser.find(By.cssSelector("td[data-date='2024-02-04']")).getText()).contains("镇信访办经办人");
        assertThat(browser.find(By.cssSelector("td[data-date='2024-02-12']")).getText()).doesNotContain("镇长");
        assertThat(browser.all(By.cssSelector("[data-testid=rota-leader]"))).hasSize(18);
        browser.open("/receptions/compliance?from=2024-02-01&to=2024-02-29");
        browser.waitFor(By.cssSelector("[data-testid=compliance]"));
        assertThat(browser.all(By.cssSelector("[data-testid=compliance] tbody tr"))).hasSize(18);
    }
}
