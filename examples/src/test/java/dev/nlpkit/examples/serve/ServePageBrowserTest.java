package dev.nlpkit.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.nlpkit.classify.TextClassifier;

/**
 * The page in a real browser: headless Chromium driven by Selenium through the system's chromedriver (Debian's
 * {@code chromium} and {@code chromium-driver}; never a downloaded one). Skipped, with the reason printed, where
 * they are not installed.
 */
class ServePageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;

    static TextClassifier model;
    static ClassifierServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " is not installed (Debian package chromium)"
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " is not installed (Debian package chromium-driver)"
                : null;
        if (missing != null) {
            System.out.println("ServePageBrowserTest skipped: " + missing);
        }
        Assumptions.assumeTrue(missing == null, missing);
        Path file = ServeFixture.bundle(dir);
        model = ServeFixture.load(file);
        server = ClassifierServer.start(model, file, ServeFixture.options());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")),
                "--window-size=1000,1600");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @Test
    void type_see_the_prediction_click_a_token_run_a_batch() throws Exception {
        driver.manage().window().setSize(new Dimension(1000, 1600));
        driver.get(server.url());
        waiting().until(d -> d.findElement(By.id("card")).findElements(By.tagName("dt")).size() > 3);
        assertThat(driver.findElement(By.id("model-line")).getText()).contains("tiny.nlpkit", "negative", "positive");

        // type: the prediction arrives after the debounce
        String tweet = "I love this so much, best day ever!";
        WebElement text = driver.findElement(By.id("text"));
        text.click();
        text.sendKeys(tweet);
        waiting().until(d -> d.findElements(By.cssSelector("#tokens .token")).size() >= 8
                && !d.findElement(By.id("label")).getText().isBlank());
        String expected = model.predict(tweet);
        assertThat(driver.findElement(By.id("label")).getText()).startsWith(expected + " (");

        // the bar: one segment per label, widths in proportion to the probabilities
        List<WebElement> segments = driver.findElements(By.cssSelector("#bar span"));
        assertThat(segments).hasSize(2);
        double p = model.predictProba(tweet)[1];
        double barWidth = driver.findElement(By.id("bar")).getRect().getWidth();
        double positiveWidth = segments.get(1).getRect().getWidth();
        assertThat(positiveWidth / barWidth).isCloseTo(p, org.assertj.core.data.Offset.offset(0.02));
        assertThat(driver.findElement(By.id("bar")).getAttribute("aria-label")).contains("positive");

        // token colours: blue for a token that pushes towards the label, orange against, stronger for more
        List<WebElement> tokens = driver.findElements(By.cssSelector("#tokens .token"));
        WebElement strongest = null;
        double best = -1;
        for (WebElement token : tokens) {
            double c = Double.parseDouble(token.getAttribute("data-contribution"));
            String colour = token.getCssValue("background-color");
            if (c > 0) {
                assertThat(colour).startsWith("rgba(11, 87, 208");
            } else if (c < 0) {
                assertThat(colour).startsWith("rgba(230, 120, 0");
            }
            if (Math.abs(c) > best) {
                best = Math.abs(c);
                strongest = token;
            }
        }
        assertThat(best).isPositive();
        assertThat(strongest.getCssValue("background-color")).endsWith(", 0.55)");

        // click a token: its nearest words appear
        Neighbours neighbours = Neighbours.of(model.network(), model.encoder().vocabulary());
        WebElement known = tokens.stream().filter(t -> neighbours.has(t.getAttribute("data-token"))).findFirst()
                .orElseThrow();
        known.click();
        waiting().until(d -> d.findElements(By.cssSelector("#neighbour-list li")).size() == 10);
        assertThat(known.getAttribute("aria-pressed")).isEqualTo("true");
        String first = neighbours.nearest(known.getAttribute("data-token"), 1).get(0).word();
        assertThat(driver.findElement(By.cssSelector("#neighbour-list li")).getText()).startsWith(first + " (");

        // batch of three lines
        List<String> lines = List.of("this is the worst, I hate it", "Thanks for the follow, have a great weekend",
                "ugh, rain all day. no sun :(");
        WebElement batch = driver.findElement(By.id("batch"));
        batch.sendKeys(String.join("\n", lines));
        driver.findElement(By.id("run-batch")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#batch-table tbody tr")).size() == 3);
        List<String> labels = model.predict(lines);
        List<WebElement> rows = driver.findElements(By.cssSelector("#batch-table tbody tr"));
        for (int i = 0; i < 3; i++) {
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).isEqualTo(lines.get(i));
            assertThat(cells.get(1).getText()).isEqualTo(labels.get(i));
        }
        assertThat(driver.findElement(By.id("download")).isEnabled()).isTrue();

        Path target = Path.of("target");
        Files.createDirectories(target);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve("serve-page.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("ServePageBrowserTest: screenshot " + target.resolve("serve-page.png").toAbsolutePath());
    }

    @Test
    void the_page_fits_a_phone_width_screen() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(server.url());
        waiting().until(d -> d.findElement(By.id("card")).findElements(By.tagName("dt")).size() > 3);
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target.resolve("serve-page-phone.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void every_control_has_a_label() {
        driver.get(server.url());
        for (String id : List.of("text", "batch", "upload", "key")) {
            assertThat(driver.findElements(By.cssSelector("label[for=" + id + "]"))).as(id).hasSize(1);
        }
    }
}
