package dev.jnn.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jnn.examples.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The comparison report in a real browser (Debian's chromium, driven through its chromedriver with
 * Selenium; nothing downloaded): it loads with no console error and no network request, every chart
 * of runs has one series per variant, hovering a point shows its value, a legend click hides a series,
 * the log switch and the table's sorting work. Screenshots are left in {@code target/report-screenshots}.
 * Skipped where chromium or chromedriver is missing; {@code .ci/run} installs both and checks that the
 * screenshots were written, so in CI it always runs.
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("JNN_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("JNN_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/report-screenshots");
    static final List<String> VARIANTS = List.of("optimizer.type=sgd", "optimizer.type=momentum", "optimizer.type=adam");

    static Path report;
    static ChromeDriver browser;

    @BeforeAll
    static void compareAndOpen() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no " + CHROMIUM + " or " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        Path out = Files.createTempDirectory("jnn-report").resolve("cmp");
        PrintStream stdout = System.out;
        try {
            System.setOut(new PrintStream(PrintStream.nullOutputStream()));
            assertEquals(0, Main.run("compare", "../examples/spirals.yaml", "--vary", "optimizer.type=sgd,momentum,adam",
                    "--seeds", "2", "--set", "train.epochs=6", "--out", out.toString()));
        } finally {
            System.setOut(stdout);
        }
        report = out.resolve("report.html");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.get(report.toUri().toString());
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void loadsWithNoConsoleErrorAndNoNetworkRequest() throws IOException {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "console errors and warnings");
        assertEquals(0L, js("return performance.getEntriesByType('resource').length"), "resources fetched");
        long charts = (Long) js("return JSON.parse(document.getElementById('jnn-data').textContent).length");
        assertEquals(charts, browser.findElements(By.cssSelector(".chart .uplot")).size(), "one drawn chart per chart in the data");
        screenshot("report.png", "return document.body.scrollHeight");
    }

    @Test
    void everyChartOfRunsHasOneSeriesPerVariantWithItsFullName() {
        List<WebElement> charts = browser.findElements(By.cssSelector(".chart[data-kind=runs] .uplot"));
        assertTrue(charts.size() >= 5, "loss, accuracy and gradient-by-layer charts: " + charts.size());
        for (WebElement chart : charts) {
            List<String> names = chart.findElements(By.cssSelector(".u-legend tr.u-series .u-label")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(VARIANTS, names.subList(1, names.size()).stream().map(n -> n.replaceAll(":$", "")).toList(),
                    "legend of " + chart.getAttribute("data-chart"));
            assertEquals((long) VARIANTS.size(), js("return window.jnnCharts[arguments[0]].series.length - 1",
                    chart.getAttribute("data-chart")));
        }
    }

    @Test
    void hoveringAPointShowsItsValue() {
        String id = "test-loss";
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) js("var u = window.jnnCharts[arguments[0]];"
                + "var r = u.over.getBoundingClientRect();"
                + "return {x: u.valToPos(u.data[0][3], 'x') - r.width / 2, y: u.valToPos(u.data[2][3], 'y') - r.height / 2,"
                + " value: u.data[2][3]};", id);
        WebElement over = browser.findElement(By.cssSelector("[data-chart=" + id + "] .u-over"));
        new Actions(browser).moveToElement(over, (int) Math.round(number(at.get("x"))), (int) Math.round(number(at.get("y")))).perform();
        assertEquals(3L, js("return window.jnnCharts[arguments[0]].cursor.idx", id), "the cursor is on the fourth epoch");
        String shown = browser.findElement(By.cssSelector("[data-chart=" + id + "] .u-legend tr.u-series:nth-child(3) .u-value")).getText();
        assertEquals(number(at.get("value")), Double.parseDouble(shown), 1e-3 * Math.abs(number(at.get("value"))),
                "momentum's held-out loss at epoch 4, shown in the legend");
        assertEquals("4", browser.findElement(By.cssSelector("[data-chart=" + id + "] .u-legend tr.u-series:nth-child(1) .u-value")).getText());
    }

    @Test
    void aLegendClickHidesItsSeriesAndASecondShowsItAgain() throws IOException {
        String id = "train-loss";
        WebElement adam = browser.findElement(By.cssSelector("[data-chart=" + id + "] .u-legend tr.u-series:nth-child(4)"));
        adam.findElement(By.cssSelector(".u-label")).click();
        assertEquals(Boolean.FALSE, js("return window.jnnCharts[arguments[0]].series[3].show", id));
        assertTrue(adam.getAttribute("class").contains("u-off"), adam.getAttribute("class"));
        screenshot("legend-click.png", "return 1000");
        adam.findElement(By.cssSelector(".u-label")).click();
        assertEquals(Boolean.TRUE, js("return window.jnnCharts[arguments[0]].series[3].show", id));
    }

    @Test
    void theLogSwitchChangesBothLossChartsTogether() {
        assertEquals(3L, js("return window.jnnCharts['train-loss'].scales.y.distr"), "loss charts start logarithmic");
        browser.findElement(By.cssSelector("#chart-train-loss .log-toggle")).click();
        assertEquals(1L, js("return window.jnnCharts['train-loss'].scales.y.distr"));
        assertEquals(1L, js("return window.jnnCharts['test-loss'].scales.y.distr"), "the held-out loss follows: same axes");
        assertEquals(js("return window.jnnCharts['train-loss'].scales.y.max"), js("return window.jnnCharts['test-loss'].scales.y.max"));
        browser.findElement(By.cssSelector("#chart-test-loss .log-toggle")).click();
        assertEquals(3L, js("return window.jnnCharts['train-loss'].scales.y.distr"));
    }

    @Test
    void aClickOnAColumnSortsTheTableByItsNumbers() {
        WebElement header = browser.findElements(By.cssSelector("table.results th")).get(2);
        assertEquals("final train loss", header.getText().replaceAll("[^a-z ]", "").trim());
        header.click();
        List<Double> losses = browser.findElements(By.cssSelector("table.results tbody tr td:nth-child(3)")).stream()
                .map(td -> Double.parseDouble(td.getAttribute("data-sort"))).toList();
        assertEquals(losses.stream().sorted().toList(), losses, "ascending");
        header.click();
        List<Double> again = browser.findElements(By.cssSelector("table.results tbody tr td:nth-child(3)")).stream()
                .map(td -> Double.parseDouble(td.getAttribute("data-sort"))).toList();
        List<Double> descending = new java.util.ArrayList<>(losses);
        java.util.Collections.reverse(descending);
        assertEquals(descending, again, "descending after a second click");
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** A screenshot of the page at the given height, kept for people to look at. */
    private static void screenshot(String name, String heightScript) throws IOException {
        long height = ((Number) js(heightScript)).longValue();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, (int) Math.min(height + 40, 6000)));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        assertFalse(Files.size(SCREENSHOTS.resolve(name)) < 10_000, "a screenshot with something on it");
    }
}
