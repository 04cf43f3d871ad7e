package org.reprolab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code reprolab console} started as a user starts it, on a free port with a fresh password file (and its
 * installed features remembered beside its runs, see {@link Distribution#launch}); a real headless Chromium logs
 * in, starts a smoke run of forests-smoothers from the Experiments page and reads its claims, cancels a running
 * run, and uninstalls and reinstalls the theory feature. Needs the Debian packages chromium and chromium-driver (.ci/run installs them): without them the test
 * fails, it does not skip.
 */
class WebConsoleIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);
    private static final Pattern URL_LINE = Pattern.compile("ReproLab web console: (http://\\S+)");
    private static final Pattern PASSWORD_LINE = Pattern.compile("password \\(generated now.*\\): (\\S+)$");
    private static final Path SCREENSHOTS = Path.of("target", "webconsole-screenshots");

    @TempDir
    static Path work;
    private static Process console;
    private static String pageUrl;
    private static String password;
    private static String output;
    private WebDriver browser;

    @BeforeAll
    static void startConsole() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        console = Distribution.launch(work.resolve("runs"), Map.of("REPROLAB_JAVA_OPTS",
                "-Dreprolab.console.port=" + port + " -Dreprolab.console.passwordFile=" + work.resolve("console.password")),
                "console");
        // The shell's standard input stays open: at its end the Gogo shell would stop reading, not the platform.
        CompletableFuture<String[]> announced = CompletableFuture.supplyAsync(WebConsoleIT::readAnnouncement);
        String[] urlAndPassword = announced.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        pageUrl = urlAndPassword[0];
        password = urlAndPassword[1];
    }

    /** Reads the console's output until it has printed the page's URL and the password generated for it. */
    private static String[] readAnnouncement() {
        StringBuilder seen = new StringBuilder();
        String url = null;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(console.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.append(line).append('\n');
                Matcher u = URL_LINE.matcher(line);
                Matcher p = PASSWORD_LINE.matcher(line.strip());
                if (u.find()) {
                    url = u.group(1);
                } else if (url != null && p.find()) {
                    output = seen.toString();
                    return new String[] {url, p.group(1)};
                }
            }
        } catch (IOException e) {
            throw new AssertionError("reading the console's output: " + e.getMessage() + "\n" + seen, e);
        }
        throw new AssertionError("reprolab console ended without printing the web console's URL and password:\n" + seen);
    }

    @AfterAll
    static void stopConsole() throws InterruptedException {
        if (console != null) {
            console.destroy();
            if (!console.waitFor(30, TimeUnit.SECONDS)) {
                console.destroyForcibly();
            }
        }
    }

    @BeforeEach
    void openBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the web console test needs Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install the Debian packages chromium and chromium-driver (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theFirstStartPrintsTheUrlOnLoopbackAndStoresOnlyAnOwnerOnlySaltedHash() throws IOException {
        assertTrue(pageUrl.startsWith("http://127.0.0.1:") && pageUrl.endsWith("/system/console/experiments"), pageUrl);
        Path hashFile = work.resolve("console.password");
        String stored = Files.readString(hashFile);
        assertTrue(stored.startsWith("pbkdf2-sha256:"), stored);
        assertFalse(stored.contains(password), "the password itself is not stored");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(hashFile)));
        assertEquals(1, output.split(Pattern.quote(password), -1).length - 1, "the password is printed once:\n" + output);
    }

    @Test
    void logInRunASmokeProfileAndSeeItsClaims() throws IOException {
        browser.get(pageUrl);
        logIn(password);
        WebDriverWait wait = new WebDriverWait(browser, RUN_LIMIT);
        WebElement experiment = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("experiment-forests-smoothers")));
        assertTrue(browser.findElement(By.id("feature-theory")).getText().contains("Forests"),
                "experiments are grouped under their feature");
        screenshot("experiments-page.png");

        experiment.findElement(By.name("seed")).clear();
        experiment.findElement(By.name("seed")).sendKeys("3");
        experiment.findElement(By.id("start-forests-smoothers")).click();

        WebElement claims = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claims")));
        assertTrue(browser.getCurrentUrl().contains("?run="), browser.getCurrentUrl());
        assertEquals("succeeded", browser.findElement(By.id("status")).getText());
        List<WebElement> rows = claims.findElements(By.tagName("tr"));
        assertTrue(rows.size() > 1, "a header and at least one claim");
        assertEquals("claim statement expected measured held", rows.getFirst().getText().toLowerCase().replaceAll("\\s+", " "));
        for (WebElement row : rows.subList(1, rows.size())) {
            String held = row.findElements(By.tagName("td")).getLast().getText();
            assertTrue(held.equals("yes") || held.equals("no"), "held is yes or no, got '" + held + "'");
        }
        assertFalse(browser.findElements(By.cssSelector("svg.rl-plot polyline")).isEmpty(), "its series are plotted");
        assertTrue(browser.getPageSource().contains("seed 3"), "the form's seed reached the run");
        screenshot("run-page.png");

        browser.findElement(By.id("report")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("img")));
        assertTrue(browser.getCurrentUrl().endsWith("/report.html"), browser.getCurrentUrl());
        assertTrue(browser.getPageSource().contains("Claims"), () -> "the report bundle's run page, served by the console: "
                + browser.getPageSource().substring(0, Math.min(1500, browser.getPageSource().length())));
        Boolean plotLoaded = (Boolean) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "var i = document.querySelector('img'); return i.complete && i.naturalWidth > 0;");
        assertTrue(plotLoaded, "its PNG plots load through the console too");
        screenshot("run-report.png");
    }

    @Test
    void uninstallTheTheoryFeatureFromThePageAndInstallItAgain() throws IOException {
        Path distributionState = Distribution.HOME.resolve("conf/features.properties");
        String distributionStateBefore = Files.exists(distributionState) ? Files.readString(distributionState) : null;
        browser.get(pageUrl);
        logIn(password);
        WebDriverWait wait = new WebDriverWait(browser, RUN_LIMIT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("experiment-more-is-better")));
        try {
            browser.findElement(By.id("uninstall-theory")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("install-theory")));
            assertTrue(browser.findElements(By.id("error")).isEmpty(), () -> browser.findElement(By.id("error")).getText());
            assertTrue(browser.findElements(By.id("experiment-more-is-better")).isEmpty(), "its experiments are gone");
            assertTrue(browser.findElements(By.id("experiment-forests-smoothers")).isEmpty(), "its experiments are gone");
            assertTrue(browser.findElement(By.id("feature-theory")).getText().contains("(not installed)"),
                    browser.findElement(By.id("feature-theory")).getText());
            String state = Files.readString(Distribution.featureState(work.resolve("runs")));
            assertTrue(state.lines().anyMatch(l -> l.startsWith("installed=") && l.contains("core") && !l.contains("theory")),
                    "the test's own feature state records it: " + state);
            screenshot("theory-uninstalled.png");

            browser.findElement(By.id("install-theory")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("uninstall-theory")));
        } finally {
            if (browser.findElements(By.id("install-theory")).size() == 1) {
                browser.findElement(By.id("install-theory")).click(); // leave the platform as the other tests expect it
            }
        }
        assertTrue(browser.findElements(By.id("error")).isEmpty(), () -> browser.findElement(By.id("error")).getText());
        assertTrue(browser.findElement(By.id("feature-theory")).getText().contains("(installed)"));
        assertFalse(browser.findElements(By.id("experiment-more-is-better")).isEmpty(), "more-is-better is back");
        String state = Files.readString(Distribution.featureState(work.resolve("runs")));
        assertTrue(state.lines().anyMatch(l -> l.startsWith("installed=") && l.contains("core") && l.contains("theory")), state);

        browser.findElement(By.id("start-forests-smoothers")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claims")));
        assertEquals("succeeded", browser.findElement(By.id("status")).getText(), "the reinstalled experiment runs");
        assertEquals(distributionStateBefore, Files.exists(distributionState) ? Files.readString(distributionState) : null,
                "the distribution's own feature state is untouched");
    }

    @Test
    void aBadParameterComesBackAsAMessageOnThePage() {
        browser.get(pageUrl);
        logIn(password);
        WebElement experiment = new WebDriverWait(browser, START_LIMIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("experiment-forests-smoothers")));
        experiment.findElement(By.name("p.trees")).sendKeys("many");
        experiment.findElement(By.id("start-forests-smoothers")).click();
        WebElement error = new WebDriverWait(browser, START_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
        assertTrue(error.getText().contains("trees"), error.getText());
        assertFalse(browser.findElements(By.id("experiment-forests-smoothers")).isEmpty(), "the page is shown again");
    }

    @Test
    void cancelARunningRunFromItsPage() throws IOException {
        browser.get(pageUrl);
        logIn(password);
        WebDriverWait wait = new WebDriverWait(browser, RUN_LIMIT);
        WebElement experiment = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("experiment-more-is-better")));
        // The full profile runs for minutes; its smoke profile can end before the button is clicked.
        new Select(experiment.findElement(By.name("profile"))).selectByVisibleText("full");
        experiment.findElement(By.id("start-more-is-better")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("cancel"))).click();
        wait.until(ExpectedConditions.and(ExpectedConditions.textToBe(By.id("status"), "cancelled"),
                ExpectedConditions.numberOfElementsToBe(By.id("progress"), 0)));
        assertTrue(browser.findElements(By.id("error")).isEmpty(), () -> browser.findElement(By.id("error")).getText());
        assertTrue(browser.findElements(By.id("cancel")).isEmpty(), "an ended run has no Cancel button");
        String runId = browser.getCurrentUrl().replaceFirst(".*[?&]run=", "");
        assertEquals("CANCELLED", RunRecords.read(work.resolve("runs").resolve(runId)).path("status").asText(), runId);
        screenshot("run-cancelled.png");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        browser.get(pageUrl);
        logIn("not-" + password);
        WebElement error = new WebDriverWait(browser, START_LIMIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.className("error")));
        assertTrue(error.getText().contains("Wrong password"), error.getText());
        assertTrue(browser.findElements(By.id("experiment-forests-smoothers")).isEmpty(), "the page stays closed");

        HttpClient http = HttpClient.newHttpClient();
        assertEquals(401, http.send(basic(pageUrl, "wrong"), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(pageUrl)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "no password, no page");
        assertEquals(200, http.send(basic(pageUrl, password), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    private void logIn(String withPassword) {
        new WebDriverWait(browser, START_LIMIT).until(ExpectedConditions.presenceOfElementLocated(By.id("password")))
                .sendKeys(withPassword);
        browser.findElement(By.id("login")).click();
    }

    private static HttpRequest basic(String url, String withPassword) {
        String credentials = Base64.getEncoder().encodeToString(("admin:" + withPassword).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + credentials).build();
    }

    /** Kept under target/ for a person to look at what the test saw. */
    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
