package dev.xraytracing.local.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium WebDriver through Debian's {@code chromium-driver}, which .ci/run
 * installs next to {@code chromium}. Both are found on the PATH, never downloaded: where either is missing the browser
 * tests skip, saying which package to install.
 */
final class Browser implements AutoCloseable {
    /** Why the browser tests skip here, or empty where the browser and its driver are installed. */
    static final Optional<String> MISSING = missing();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    private static Optional<String> missing() {
        if (executable("chromium", "chromium-browser", "google-chrome", "google-chrome-stable").isEmpty()) {
            return Optional.of("Chromium is not installed (apt-get install chromium chromium-driver): browser test "
                    + "skipped");
        }
        if (executable("chromedriver").isEmpty()) {
            return Optional.of("chromedriver is not installed (apt-get install chromium-driver): browser test skipped");
        }
        return Optional.empty();
    }

    private static Optional<Path> executable(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .flatMap(dir -> Stream.of(names).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    /** Opens {@code url} in a fresh headless browser window of {@code width}x{@code height}, once the page is ready. */
    static Browser open(String url, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
                .orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("chromedriver").orElseThrow().toFile()).build();
        Browser browser = new Browser(new ChromeDriver(service, options));
        try {
            browser.driver.get(url);
            browser.waitFor("document.readyState === 'complete' && document.body"
                    + " && document.body.hasAttribute('data-ready-ms')");
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /**
     * Writes the console of {@code documents} into {@code dir} and opens it; skips the test, naming the package to
     * install, where no browser or driver is installed.
     */
    static Browser openConsole(Path dir, List<String> documents, int width, int height) {
        Assumptions.assumeTrue(MISSING.isEmpty(), MISSING.orElse(""));
        Path html = TraceReport.of(documents).writeHtml(dir.resolve("console.html"), "xray-tracing local run");
        return open(html.toUri().toString(), width, height);
    }

    /** Goes to {@code url} (a new address, or the same page with another fragment) and waits until it is ready. */
    void navigate(String url) {
        driver.get(url);
        waitFor("document.readyState === 'complete' && document.body && document.body.hasAttribute('data-ready-ms')");
    }

    /** The value of a JavaScript expression in the page, as JSON; an exception in the page fails. */
    JsonNode eval(String expression) {
        return JSON.valueToTree(((JavascriptExecutor) driver).executeScript("return (" + expression + ");"));
    }

    String text(String expression) {
        return eval(expression).asText();
    }

    /** Waits (at most 30 s) until {@code condition}, a JavaScript expression, is true. */
    void waitFor(String condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(() -> "waiting for " + condition)
                .until(page -> eval("!!(" + condition + ")").asBoolean());
    }

    /** A real mouse click in the middle of the first element matching {@code selector}, scrolled into view. */
    void click(String selector) {
        WebElement element = driver.findElement(By.cssSelector(selector));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'});", element);
        new Actions(driver).moveToElement(element).click().perform();
    }

    /** Focuses {@code selector}, selects what it holds and types {@code text} over it (empty: deletes it). */
    void type(String selector, String text) {
        WebElement element = driver.findElement(By.cssSelector(selector));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus();arguments[0].select();", element);
        new Actions(driver).sendKeys(text.isEmpty() ? Keys.BACK_SPACE.toString() : text).perform();
    }

    /** Clears the filter, chooses the trace's row in the list and waits until its view is shown. */
    void openTrace(String traceId) {
        type("#filter", "");
        click("tr.trace-row[data-trace='" + traceId + "']");
        waitFor("document.body.getAttribute('data-trace') === '" + traceId + "'");
    }

    void screenshot(Path file) throws java.io.IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
