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
 * Issue 16's pages in Chromium: a unit reports a rectification (an empty report is refused beside
 * its field), a supervisor verifies it; a supervisor publishes a notice and it gets its number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class SupervisionBrowserTest {

    @LocalServerPort
    int port;

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
    @DisplayName("整改页：单位报告（空报告在字段旁提示），督查人员验收销号；通报页：印发后显示文号")
    void reportVerifyPublish() {
        Api api = new Api(port);
        Api.Res i = api.post("supervisor", "/api/inspections", """
                {"kind":"JOINT","methods":["HEARING"],"unit":"town","date":"2024-02-08","inspectors":["supervisor"],
                 "findings":[{"kind":"INACTION","text":"群众诉求未回应"}]}""");
        assertThat(i.status()).as(i.toString()).isEqualTo(201);
        Api.Res r = api.post("supervisor", "/api/inspections/" + i.body().get("id").asText() + "/rectifications",
                "{\"finding\":0,\"requirement\":\"逐件回应群众诉求\",\"limit\":{\"amount\":5,\"unit\":\"WORKING_DAYS\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.body().get("id").asText();
        By row = By.cssSelector("tr[data-id='" + id + "']");

        browser.login("handler");
        browser.open("/rectifications");
        browser.click(By.cssSelector("tr[data-id='" + id + "'] [data-action=report]"));
        browser.waitFor(By.cssSelector("[data-testid=error-summary]"));
        assertThat(browser.find(row).findElement(By.cssSelector(".field-error")).getText()).isNotBlank();
        browser.type(By.id("r-text-" + id), "已逐件回应");
        browser.click(By.cssSelector("tr[data-id='" + id + "'] [data-action=report]"));
        browser.waitFor(By.cssSelector("[role=status]"));
        assertThat(browser.find(row).findElement(By.cssSelector("[data-testid=status]")).getText()).isEqualTo("已报告");
        browser.open("/inspections");
        assertThat(browser.text(By.cssSelector("[data-testid=inspections]"))).contains("群众诉求未回应", "联合督查");

        browser.login("supervisor");
        browser.open("/rectifications");
        browser.select(By.id("r-accepted-" + id), "true");
        browser.type(By.id("r-vtext-" + id), "验收通过");
        browser.click(By.cssSelector("tr[data-id='" + id + "'] [data-action=verify]"));
        browser.waitFor(By.cssSelector("[role=status]"));
        assertThat(browser.find(row).findElement(By.cssSelector("[data-testid=status]")).getText()).isEqualTo("已销号");

        Api.Res n = api.post("supervisor", "/api/notices", "{\"kind\":\"CRITICISM\",\"units\":[\"town\"],\"text\":\"经督查，该镇群众诉求回应不及时。\"}");
        assertThat(n.status()).as(n.toString()).isEqualTo(201);
        String nid = n.body().get("id").asText();
        browser.open("/notices");
        browser.click(By.cssSelector("tr[data-id='" + nid + "'] [data-action=publish]"));
        browser.waitFor(By.cssSelector("[role=status]"));
        assertThat(browser.find(By.cssSelector("tr[data-id='" + nid + "'] [data-testid=number]")).getText()).matches("督通〔\\d{4}〕1号");
        browser.screenshot("notices");
        browser.click(By.cssSelector("tr[data-id='" + nid + "'] [data-action=html]"));
    }
}
