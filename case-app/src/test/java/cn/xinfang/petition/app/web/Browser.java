package cn.xinfang.petition.app.web;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for a test class,
 * driven by Selenium, against the service on its random port. Chromium is looked up in
 * {@code CHROME_BIN} / {@code CHROMEDRIVER} or the usual Debian paths; without it the browser
 * tests are skipped with a message saying what to install (.ci/run installs it).
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1366, 768);
    static final Dimension PHONE = new Dimension(390, 844);

    final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** The Chromium binary and its driver, or empty when this machine has none. */
    static Optional<Path[]> findChromium() {
        Optional<Path> bin = first(System.getenv("CHROME_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium");
        Optional<Path> drv = first(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        return bin.isPresent() && drv.isPresent() ? Optional.of(new Path[]{bin.get(), drv.get()}) : Optional.empty();
    }

    /**
     * Chromium and its driver, or else: on CI ({@code CI=true}, where .ci/run installs them) the
     * class fails, elsewhere its tests are skipped with {@link #missingMessage()}.
     */
    static Path[] requireChromium() {
        Optional<Path[]> chromium = findChromium();
        if (chromium.isEmpty()) {
            System.err.println(missingMessage());
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but " + missingMessage());
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(chromium.isPresent(), Browser::missingMessage);
        return chromium.get();
    }

    static String missingMessage() {
        return "Browser tests skipped: no Chromium found (looked in CHROME_BIN/CHROMEDRIVER, /usr/bin/chromium, /usr/bin/chromedriver). "
                + "Install Debian's packages with: apt-get install -y chromium chromium-driver (.ci/run does this).";
    }

    static Browser start(Path[] chromium, int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium[0].toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--force-device-scale-factor=1", "--lang=zh-CN",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        // the pages' own language is zh-CN; the browser's too, so date pickers read as an office's browser shows them
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .withEnvironment(java.util.Map.of("LANGUAGE", "zh_CN:zh", "LANG", "zh_CN.UTF-8"))
                .usingDriverExecutable(chromium[1].toFile())
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, "http://localhost:" + port);
    }

    private static Optional<Path> first(String... candidates) {
        return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).map(Path::of)
                .filter(p -> Files.isExecutable(p) && !Files.isDirectory(p)).findFirst();
    }

    // ------------------------------------------------------------------ navigation

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String path() {
        return url().substring(base.length());
    }

    void login(String user) {
        driver.manage().deleteAllCookies();
        open("/login");
        type(By.name("username"), user);
        type(By.name("password"), "demo");
        click(By.cssSelector("[data-action=login]"));
        waitFor(By.cssSelector("[data-testid=current-user]"));
    }

    /** The viewport exactly {@code d} (a phone is emulated as a mobile device, with its touch-sized layout). */
    void size(Dimension d) {
        boolean phone = d.width < 600;
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", d.width, "height", d.height, "deviceScaleFactor", 1, "mobile", phone));
    }

    // ------------------------------------------------------------------ elements

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /**
     * The text of {@code by}; found again when htmx replaced the element between finding and reading it
     * (a StaleElementReferenceException, or Chromium's "does not belong to the document": the page settles a
     * fragment a moment after a step's answer).
     */
    String text(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                return find(by).getText();
            } catch (org.openqa.selenium.WebDriverException swapped) {
                // Chromium reports the same race either way: stale, or "Node with given id does not belong to the document"
                boolean replaced = swapped instanceof org.openqa.selenium.StaleElementReferenceException
                        || String.valueOf(swapped.getMessage()).contains("does not belong to the document");
                if (!replaced || attempt == 5) {
                    throw swapped;
                }
                sleep(100);
            }
        }
    }

    void type(By by, String text) {
        WebElement e = find(by);
        e.clear();
        e.sendKeys(text);
    }

    /** Sets an input's value directly (date and time pickers, whose typing depends on the browser's locale). */
    void set(By by, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(by), value);
    }

    void select(By by, String value) {
        new org.openqa.selenium.support.ui.Select(find(by)).selectByValue(value);
    }

    void click(By by) {
        WebElement e = find(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    /** Waits until the browser shows {@code path} (a click that navigates returns before the new page is there). */
    String waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> path.equals(path()));
        return path();
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Reloads {@code path} until {@code by} appears (the read models follow the steps a moment later). */
    WebElement reloadUntil(String path, By by) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            open(path);
            if (present(by)) {
                return find(by);
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("no " + by + " on " + path + " after 20 s; page: " + find(By.tagName("main")).getText());
            }
            sleep(250);
        }
    }

    /** Reloads {@code path} until {@code by} is there and its text contains {@code text} (a read model follows the events a moment later). */
    WebElement reloadUntil(String path, By by, String text) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            open(path);
            if (present(by) && text(by).contains(text)) {
                return find(by);
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("no " + by + " with \"" + text + "\" on " + path + " after 20 s; page: " + find(By.tagName("main")).getText());
            }
            sleep(250);
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Whether the page scrolls sideways (the body wider than the window). */
    boolean scrollsSideways() {
        Number scroll = (Number) js("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);");
        Number inner = (Number) js("return document.documentElement.clientWidth;");
        return scroll.longValue() > inner.longValue();
    }

    /** The names of the visible fields that have no label (a label for it, around it, or aria-labelledby). */
    @SuppressWarnings("unchecked")
    List<String> unlabelledFields() {
        return (List<String>) js("""
                var bad = [];
                document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(function (e) {
                  var labelled = (e.id && document.querySelector('label[for="' + CSS.escape(e.id) + '"]'))
                      || e.closest('label') || e.getAttribute('aria-labelledby');
                  if (!labelled) { bad.push(e.name || e.id || e.outerHTML.substring(0, 60)); }
                });
                return bad;""");
    }

    String cookie(String name) {
        var c = driver.manage().getCookieNamed(name);
        return c == null ? null : c.getValue();
    }

    // ------------------------------------------------------------------ screenshots

    /**
     * Saves the visible viewport as {name}.png: into the repository's docs/screenshots with
     * {@code -Dscreenshots=docs} (to refresh the pictures the docs show), else under
     * case-app/target/screenshots, so that an ordinary test run leaves the tracked files alone.
     */
    void screenshot(String name) {
        screenshot(name, null);
    }

    /** The same, with {@code top} scrolled to the top of the viewport first. */
    void screenshot(String name, By top) {
        if (top != null) {
            js("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -8);", find(top));
        } else {
            js("window.scrollTo(0, 0);");
        }
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path dir = screenshots();
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path screenshots() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path root = Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
        if ("docs".equals(System.getProperty("screenshots"))) {
            return root.resolve("docs").resolve("screenshots");
        }
        return root.resolve("case-app").resolve("target").resolve("screenshots");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    static File file(Path p) {
        return p.toFile();
    }
}
