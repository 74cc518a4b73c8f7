package dev.shuffify.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.shuffify.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs): the pages
 * render with no console error, run-now and restore work end to end, a user cannot see another's schedule, and
 * screenshots of the main pages are written under {@code target/screenshots/}. Under CI (CI=true) a missing
 * browser fails the build instead of skipping.
 */
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("shuffify.dashboard.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    private static final Path SHOTS = Path.of(System.getProperty("shuffify.dashboard.screenshots",
            "target/screenshots"));
    private static ChromeDriver driver;

    private DemoWorld world;
    private DashboardServer server;

    @BeforeAll
    static void browser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String why = "the browser tests need " + CHROMIUM + " and " + DRIVER
                    + " (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        Files.createDirectories(SHOTS);
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1100", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void start() {
        world = new DemoWorld();
        server = world.dashboard().authenticator(DemoWorld.cookieAuthenticator()).start(0);
    }

    @AfterEach
    void stop() {
        server.close();
        world.close();
    }

    private void signIn(String who) {
        driver.get(server.uri().resolve("favicon.svg").toString()); // 401: only to be on the dashboard's host
        driver.manage().deleteAllCookies();
        driver.manage().addCookie(new Cookie("who", who));
        driver.manage().logs().get(LogType.BROWSER); // drop the 401 of that first visit
    }

    private void open(String hash) {
        driver.get(server.uri() + hash);
    }

    private WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void awaitPage(String name) {
        await("#page[data-ready='true'][data-page='" + name + "']");
    }

    private static List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
        assertThat(png.length).isGreaterThan(1000);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    @Test
    void theMainPagesRenderWithNoConsoleError() throws IOException {
        signIn("ops");
        open("#/schedules");
        awaitPage("schedules");
        assertThat(driver.findElements(By.cssSelector("#schedules tbody tr"))).hasSize(3);
        screenshot("schedules-operator");

        open("#/schedule/" + world.aliceShuffle.id());
        await("[data-spread='after'] svg");
        awaitPage("schedule");
        assertThat(driver.findElements(By.cssSelector("#history tbody tr"))).hasSize(3);
        assertThat(driver.findElements(By.cssSelector("svg[data-chart='runs-per-day'] rect[data-status='success']")))
                .hasSize(3);
        assertThat(driver.findElements(By.cssSelector("svg[data-chart='durations'] rect"))).hasSize(3);
        assertThat(driver.findElements(By.cssSelector("svg[data-chart='spread-before'] [data-same-artist]")).size())
                .isGreaterThan(driver.findElements(By.cssSelector("svg[data-chart='spread-after'] [data-same-artist]"))
                        .size());
        screenshot("schedule-history");

        open("#/playlist/morning-mix?user=alice");
        awaitPage("snapshots");
        assertThat(driver.findElements(By.cssSelector("#snapshots tbody tr")))
                .hasSize(world.shuffify.snapshots().list(DemoWorld.ALICE, "morning-mix").size());
        screenshot("snapshots");

        open("#/health");
        awaitPage("health");
        assertThat(await("[data-card='store'] .value").getText()).isEqualTo("up");
        assertThat(driver.findElements(By.cssSelector("svg[data-chart='accounts'] rect"))).hasSize(
                world.shuffify.operations().health().accounts().size());
        screenshot("health");

        assertThat(consoleErrors()).isEmpty();
        assertThat(driver.findElement(By.id("page")).getText()).doesNotContain("null").doesNotContain("undefined");
    }

    @Test
    void whatAUserTypedIsShownAsText() {
        signIn(DemoWorld.ALICE);
        open("#/schedules");
        awaitPage("schedules");
        List<String> targets = driver.findElements(By.cssSelector("#schedules a.target")).stream()
                .map(WebElement::getText).toList();
        assertThat(targets).contains(DemoWorld.HOSTILE_NAME.replace("  ", " "));
        assertThat(js("return document.querySelectorAll('#page img, #page b').length")).isEqualTo(0L);
        assertThat(js("return window.__xss === undefined")).isEqualTo(true);
        open("#/schedule/" + world.aliceRoadTrip.id());
        awaitPage("schedule");
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).contains("<img src=x");
        assertThat(js("return document.querySelectorAll('#page img, #page b').length")).isEqualTo(0L);
        assertThat(js("return window.__xss === undefined")).isEqualTo(true);
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void runNowShowsThePreviewThenRuns() throws IOException {
        String id = world.aliceShuffle.id();
        int before = world.shuffify.runs().history(DemoWorld.ALICE, id, 100).size();
        signIn(DemoWorld.ALICE);
        open("#/schedule/" + id);
        awaitPage("schedule");
        driver.findElement(By.id("run-now")).click();
        await("[data-preview='loaded'] ol.new-order li");
        assertThat(driver.findElements(By.cssSelector("ol.new-order li"))).hasSize(30);
        assertThat(world.shuffify.runs().history(DemoWorld.ALICE, id, 100)).hasSize(before);
        screenshot("run-now-preview");
        driver.findElement(By.id("confirm-run")).click();
        WebElement result = await("#run-result [data-run-status]");
        assertThat(result.getAttribute("data-run-status")).isEqualTo("success");
        assertThat(world.shuffify.runs().history(DemoWorld.ALICE, id, 100)).hasSize(before + 1);
        assertThat(driver.findElements(By.cssSelector("#history tbody tr"))).hasSize(before + 1);
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void restoreConfirmsWhatItWillDoThenRestores() throws IOException {
        List<Snapshot> snaps = world.shuffify.snapshots().list(DemoWorld.ALICE, "morning-mix");
        Snapshot oldest = snaps.get(snaps.size() - 1);
        world.music.removeEntries("morning-mix", oldest.uris().get(3));
        assertThat(world.music.uris("morning-mix")).isNotEqualTo(oldest.uris());
        signIn(DemoWorld.ALICE);
        open("#/playlist/morning-mix");
        awaitPage("snapshots");
        driver.findElement(By.cssSelector("tr[data-snapshot-id='" + oldest.id() + "'] button.restore")).click();
        WebElement summary = await("#restore-summary");
        assertThat(summary.getText()).contains("from 29 to 30 tracks").contains("1 added back");
        assertThat(world.music.uris("morning-mix")).isNotEqualTo(oldest.uris());
        assertThat(driver.findElement(By.id("page")).getText()).doesNotContain("null").doesNotContain("undefined");
        screenshot("restore-confirmation");
        driver.findElement(By.id("confirm-restore")).click();
        await("[data-restored='" + oldest.id() + "']");
        assertThat(world.music.uris("morning-mix")).isEqualTo(oldest.uris());
        assertThat(driver.findElements(By.cssSelector("#snapshots tbody tr"))).hasSize(snaps.size() + 1);
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void aUserCannotSeeAnotherUsersSchedule() {
        signIn(DemoWorld.ALICE);
        open("#/schedules");
        awaitPage("schedules");
        assertThat(driver.findElements(By.cssSelector("tr[data-schedule-id='" + world.bobShuffle.id() + "']")))
                .isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("Bob's secret mix");
        open("#/schedule/" + world.bobShuffle.id());
        awaitPage("error");
        assertThat(driver.findElement(By.id("error")).getAttribute("data-status")).isEqualTo("404");
        assertThat(driver.getPageSource()).doesNotContain("Bob's secret mix");
        open("#/playlist/bob-mix?user=bob");
        awaitPage("error");
        assertThat(driver.findElement(By.id("error")).getAttribute("data-status")).isEqualTo("404");
        assertThat(driver.getPageSource()).doesNotContain("Bob's secret mix");
    }
}
