package dev.hotkeylab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.experiment.ExperimentRunner;
import dev.hotkeylab.findings.Figures;
import dev.hotkeylab.findings.Needs;
import dev.hotkeylab.junit.KafkaTest;
import dev.hotkeylab.keys.KafkaPartitioning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a person uses it: headless Chromium opens the page, starts a fixed-key run, a partition-aware salted
 * run and a run whose key is HTML through the form, and watches them live. Attaches {@code dashboard.png} (taken
 * before the HTML key and the made-up inventory figures reach the page) for the findings page.
 */
@KafkaTest
@Needs(HeadlessChromium.Missing.class)
@DisplayName("Dashboard in a real browser: bad vs good side by side, live from the broker")
class DashboardBrowserTest {

    static final String KEY = "SUPER_STAR_CONCERT_2026";
    static final String HTML_KEY = "<img src=x onerror=alert(1)>";

    @TempDir
    Path reports;

    /** Runs from the page's form, their topics kept after the run so the page still shows them. */
    private static ExperimentRunLauncher keptTopicsLauncher(KafkaBackend kafka) {
        return new ExperimentRunLauncher(new ExperimentRunner(kafka).with(o -> o.withKeepTopics(true)),
                kafka.clientConfig());
    }

    private DashboardServer start(ExperimentRunLauncher launcher) {
        return DashboardServer.start(DashboardOptions.defaults().withPort(0).withReportDir(reports), launcher);
    }

    /** Opens the dashboard and waits until its run form lists the strategies; the wait allows 90 s. */
    private static WebDriverWait openForm(ChromeDriver driver, DashboardServer server) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90), Duration.ofMillis(100));
        driver.get(server.url());
        wait.until(d -> new Select(d.findElement(By.id("f-strategy"))).getOptions().size() > 1);
        return wait;
    }

    @Test
    @DisplayName("1000 fixed-key records pile onto one partition, the salted run keeps three consumers busy, keys stay text")
    void liveSideBySide(KafkaBackend kafka, TestReporter reporter) throws Exception {
        int hot = KafkaPartitioning.partitionFor(KEY, 3);
        assertThat(hot).as("Kafka's partitioner puts the seed's concert on partition 2 of 3").isEqualTo(2);
        int htmlKeyPartition = KafkaPartitioning.partitionFor(HTML_KEY, 3);

        try (ExperimentRunLauncher launcher = keptTopicsLauncher(kafka);
             DashboardServer server = start(launcher);
             HeadlessChromium browser = HeadlessChromium.startOrSkip(1500, 1200)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = openForm(driver, server);
            wait.withMessage("the page's event stream to be live")
                    .until(d -> "live".equals(textOf(d, "#connection")));

            String fixed = startRun(driver, wait, "FIXED_KEY", KEY, 1000, 3, 2);
            String spread = startRun(driver, wait, "PARTITION_AWARE_SALT", KEY, 1000, 3, 2);

            // Bad: the whole concert on the key's partition, the other two marked idle, one consumer of three working.
            wait.withMessage("the fixed-key card to show 1,000 records on partition " + hot)
                    .until(d -> "1,000".equals(textOf(d, cell(fixed, hot, "records"))));
            for (int p = 0; p < 3; p++) {
                if (p != hot) {
                    assertThat(textOf(driver, cell(fixed, p, "records"))).isEqualTo("0");
                    assertThat(classOf(driver, row(fixed, p))).contains("idle");
                    assertThat(textOf(driver, row(fixed, p))).contains("idle");
                }
            }
            assertThat(textOf(driver, cell(fixed, hot, "latestKey"))).isEqualTo(KEY);

            // Good: three consumers with work.
            wait.withMessage("the salted card to show three active consumers")
                    .until(d -> "3".equals(textOf(d, stat(spread, "activeConsumers"))));
            assertThat(textOf(driver, stat(spread, "idlePartitions"))).isEqualTo("0");

            wait.withMessage("the fixed-key run to finish with one active consumer and 1,000 processed").until(d ->
                    "1,000".equals(textOf(d, stat(fixed, "processed"))) && "1".equals(textOf(d, stat(fixed, "activeConsumers"))));
            assertThat(textOf(driver, stat(fixed, "idlePartitions"))).isEqualTo("2");
            assertThat(textOf(driver, stat(fixed, "maxOverMean"))).isEqualTo("3.00");

            // The two measured runs in the comparison table; the page as it is now is the findings' picture, taken
            // before any of the fixtures below (an HTML key, a made-up inventory row) reach it.
            wait.withMessage("two rows in the comparison table").until(
                    d -> d.findElements(By.cssSelector("#results-table tbody tr")).size() == 2);
            wait.withMessage("the salted run to finish with 1,000 processed")
                    .until(d -> "1,000".equals(textOf(d, stat(spread, "processed"))));
            Figures.of(reporter).put("FIXED_KEY card", "records per partition " + IntStream.range(0, 3)
                    .mapToObj(p -> textOf(driver, cell(fixed, p, "records"))).toList() + ", active consumers "
                    + textOf(driver, stat(fixed, "activeConsumers")) + ", max/mean "
                    + textOf(driver, stat(fixed, "maxOverMean")))
                    .put("PARTITION_AWARE_SALT card", "records per partition " + IntStream.range(0, 3)
                            .mapToObj(p -> textOf(driver, cell(spread, p, "records"))).toList()
                            + ", active consumers " + textOf(driver, stat(spread, "activeConsumers")));
            publishScreenshot(driver, reporter);

            // The key that is HTML renders as the literal string, and no element was made from it.
            String html = startRun(driver, wait, "FIXED_KEY", HTML_KEY, 10, 1, 0);
            wait.withMessage("the HTML key read back from partition " + htmlKeyPartition)
                    .until(d -> HTML_KEY.equals(textOf(d, cell(html, htmlKeyPartition, "latestKey"))));
            assertThat(textOf(driver, "article[data-run-id='" + html + "'] code[data-field='key']")).isEqualTo(HTML_KEY);
            wait.withMessage("the HTML-key run's single consumer credited with its 10 records")
                    .until(d -> "1".equals(textOf(d, stat(html, "activeConsumers"))));
            assertThat(driver.findElements(By.tagName("img"))).isEmpty();
            assertThat((Long) driver.executeScript("return document.querySelectorAll('img, [onerror]').length")).isZero();
            assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

            // The comparison table and the runs list fill in as the runs finish.
            wait.withMessage("three rows in the comparison table").until(
                    d -> d.findElements(By.cssSelector("#results-table tbody tr")).size() == 3);
            assertThat(textOf(driver, "#results-table tr[data-run-id='" + fixed + "'] td[data-field='perPartition']"))
                    .isEqualTo(String.join(" / ", IntStream.range(0, 3).mapToObj(p -> p == hot ? "1,000" : "0").toList()));
            assertThat(textOf(driver, "#results-table tr[data-run-id='" + spread + "'] td[data-field='activeConsumers']"))
                    .isEqualTo("3");
            assertThat(textOf(driver, "#results-table th[data-col='maxOverMean']")).isEqualTo("max / mean");
            assertThat(textOf(driver, "#results-table th[data-col='perConsumer']"))
                    .isEqualTo("records per consumer (by partition)");
            // the one busy consumer of the fixed-key run owned the hot partition, the last of three: its count is last
            assertThat(textOf(driver, "#results-table tr[data-run-id='" + fixed + "'] td[data-field='perConsumer']"))
                    .endsWith("1,000");
            wait.withMessage("three JSON links in the runs list").until(
                    d -> d.findElements(By.cssSelector("#history-table a[href^='/api/runs/']")).size() == 3);

            // What the runner publishes for an inventory store and a written report shows up too.
            server.publisher().inventoryUpdated(fixed, Map.of("capacity", 100, "sold", 103, "oversold", 3, "duplicatesRefused", 7));
            server.publisher().inventoryUpdated(spread, Map.of("capacity", 100, "sold", 100, "oversold", 0, "duplicatesRefused", 9));
            Path report = Files.createDirectories(reports.resolve(fixed)).resolve("report.md");
            Files.writeString(report, "# " + fixed + "\n");
            server.publisher().reportWritten(fixed, report);
            String oversold = "#inventory-table tr[data-run-id='" + fixed + "'] td[data-field='oversold']";
            wait.withMessage("the inventory table").until(d -> "3".equals(textOf(d, oversold)));
            assertThat(classOf(driver, oversold)).contains("bad");
            String reportLink = "#history-table tr[data-run-id='" + fixed + "'] a[href='/reports/" + fixed + "/report.md']";
            wait.withMessage("a report link for " + fixed).until(d -> textOf(d, reportLink) != null);

            // Five strategies' runs (and a watched topic after them): the first FIXED_KEY card is folded, not gone.
            String random = startRun(driver, wait, "RANDOM_SALT", KEY, 30, 3, 0);
            String adaptive = startRun(driver, wait, "ADAPTIVE", KEY, 30, 3, 0);
            String fixedCard = "article[data-run-id='" + fixed + "']";
            wait.withMessage("the oldest cards to fold once more than four runs are on screen")
                    .until(d -> classOf(d, fixedCard) != null && classOf(d, fixedCard).contains("folded"));
            assertThat(classOf(driver, "article[data-run-id='" + adaptive + "']")).doesNotContain("folded");
            assertThat(classOf(driver, "article[data-run-id='" + random + "']")).doesNotContain("folded");
            driver.findElement(By.cssSelector(fixedCard + " button.fold")).click();
            wait.withMessage("the FIXED_KEY card to open again with its 1,000 offsets on p" + hot)
                    .until(d -> !classOf(d, fixedCard).contains("folded")
                            && "1,000".equals(textOf(d, cell(fixed, hot, "records"))));

            // A hot partition the group never committed on: its whole backlog is lag, flagged "no commit".
            String watched = watchUncommittedHotPartition(kafka, server);
            wait.withMessage("the watched card's total lag to count the uncommitted hot partition")
                    .until(d -> "1,000".equals(textOf(d, stat(watched, "totalLag"))));
            assertThat(textOf(driver, cell(watched, 2, "lag"))).isEqualTo("1,000no commit");
            assertThat(textOf(driver, cell(watched, 0, "lag"))).isEqualTo("0");
            assertThat(textOf(driver, "article[data-run-id='" + watched + "'] .stat[data-stat='totalLag'] .k"))
                    .contains("no commit on p2");
            wait.withMessage("the hot-key panel to list the hot key").until(d -> "hot".equals(
                    textOf(d, "article[data-run-id='" + watched + "'] table.hot-keys td[data-field='hotKey']")));
            Figures.of(reporter).put("uncommitted hot partition (10 / 10 / 1,000, commits on p0 and p1)",
                    "total lag " + textOf(driver, stat(watched, "totalLag")));

            // Nothing sticks out of a card or the page, at this window size and at a narrow one.
            for (int width : new int[] {1500, 900}) {
                driver.manage().window().setSize(new Dimension(width, 1200));
                assertThat(horizontalOverflow(driver)).as("elements wider than their card at %d px", width).isEmpty();
            }
            driver.manage().window().setSize(new Dimension(1500, 1200));

            assertThat(severeBrowserLogs(driver)).as("console errors (script errors, CSP violations)").isEmpty();
        }
    }

    /** Cards, tables in cards and the page itself whose content is wider than their box. */
    @SuppressWarnings("unchecked")
    private static List<String> horizontalOverflow(ChromeDriver driver) {
        return (List<String>) driver.executeScript("""
                const bad = [];
                const page = document.documentElement;
                if (page.scrollWidth > page.clientWidth) bad.push('page ' + page.scrollWidth + ' > ' + page.clientWidth);
                for (const card of document.querySelectorAll('article.run')) {
                  const id = card.getAttribute('data-run-id');
                  if (card.scrollWidth > card.clientWidth) bad.push(id + ' card ' + card.scrollWidth + ' > ' + card.clientWidth);
                  for (const box of card.querySelectorAll('table, .partitions-wrap')) {
                    const right = box.getBoundingClientRect().right, limit = card.getBoundingClientRect().right;
                    if (right > limit + 0.5 || box.scrollWidth > box.clientWidth + 0.5)
                      bad.push(id + ' ' + box.className + ' ' + Math.round(right) + ' > ' + Math.round(limit));
                  }
                }
                return bad;""");
    }

    /** A topic with 10 / 10 / 1,000 records and a group that committed p0 = 10 and p1 = 10 only, watched. */
    private static String watchUncommittedHotPartition(KafkaBackend kafka, DashboardServer server) throws Exception {
        String topic = "uncommitted-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String group = topic + "-group";
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 3,
                    (short) Math.min(3, kafka.brokers())))).all().get(30, TimeUnit.SECONDS);
            Map<String, Object> props = new java.util.HashMap<>(kafka.clientConfig());
            try (var producer = new KafkaProducer<>(props,
                    new StringSerializer(),
                    new StringSerializer())) {
                List<Future<?>> sent = new java.util.ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    sent.add(producer.send(new ProducerRecord<>(topic, 2, "hot", "v")));
                }
                for (int i = 0; i < 10; i++) {
                    sent.add(producer.send(new ProducerRecord<>(topic, 0, "a" + i, "v")));
                    sent.add(producer.send(new ProducerRecord<>(topic, 1, "b" + i, "v")));
                }
                producer.flush();
                for (Future<?> f : sent) {
                    f.get(0, TimeUnit.SECONDS);
                }
            }
            admin.alterConsumerGroupOffsets(group, Map.of(
                    new TopicPartition(topic, 0), new OffsetAndMetadata(10),
                    new TopicPartition(topic, 1), new OffsetAndMetadata(10)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        return server.watch("uncommitted hot partition", topic, group, kafka.clientConfig());
    }

    @Test
    @DisplayName("the form's group type starts a share run: its card lists the share members, what they acquired and the share lag")
    void shareRunFromTheForm(KafkaBackend kafka) throws Exception {
        int hot = KafkaPartitioning.partitionFor(KEY, 3);
        try (ExperimentRunLauncher launcher = keptTopicsLauncher(kafka);
             DashboardServer server = start(launcher);
             HeadlessChromium browser = HeadlessChromium.startOrSkip(1500, 1200)) {
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = openForm(driver, server);
            assertThat(new Select(driver.findElement(By.id("f-groupType"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("classic");
            new Select(driver.findElement(By.id("f-groupType"))).selectByValue("share");

            String share = startRun(driver, wait, "FIXED_KEY", KEY, 300, 3, 1);

            String card = "article[data-run-id='" + share + "']";
            assertThat(textOf(driver, card + " span[data-field='params']")).contains("3 share members");
            // 3 members on 3 partitions: the share assignor gives each one partition, so one works the hot key.
            wait.withMessage("the share lag of the hot partition to reach 0 with all 300 records delivered").until(d ->
                    "0".equals(textOf(d, card + " tr[data-share-partition='" + hot + "'] td[data-field='shareLag']")));
            wait.withMessage("the share member on partition " + hot + " credited with the 300 records it acquired")
                    .until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                            "return [...document.querySelectorAll(arguments[0] + ' table.share-members tbody tr')]"
                                    + ".some(r => r.querySelector(\"td[data-field='acquiredRecords']\").textContent === '300')",
                            card));
            assertThat(textOf(driver, stat(share, "totalLag"))).isEqualTo("0");
            assertThat(textOf(driver, stat(share, "processed"))).isEqualTo("300");
            assertThat(severeBrowserLogs(driver)).isEmpty();
        }
    }

    private static String startRun(ChromeDriver driver, WebDriverWait wait, String strategy, String key, int messages,
                                   int consumers, int serviceTimeMs) {
        new Select(driver.findElement(By.id("f-strategy"))).selectByValue(strategy);
        fill(driver, "f-key", key);
        fill(driver, "f-partitions", "3");
        fill(driver, "f-messages", Integer.toString(messages));
        fill(driver, "f-consumers", Integer.toString(consumers));
        fill(driver, "f-serviceTimeMs", Integer.toString(serviceTimeMs));
        String before = driver.findElement(By.id("form-message")).getText();
        driver.findElement(By.id("f-submit")).click();
        wait.withMessage("the form to confirm a started run").until(d -> {
            String t = text(d, By.id("form-message"));
            return !t.equals(before) && t.startsWith("started ");
        });
        Matcher m = Pattern.compile("started (run-\\d+)").matcher(driver.findElement(By.id("form-message")).getText());
        assertThat(m.matches()).isTrue();
        String id = m.group(1);
        wait.withMessage("a card for " + id).until(d -> textOf(d, "article[data-run-id='" + id + "']") != null);
        return id;
    }

    private static void fill(WebDriver driver, String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private static String text(WebDriver d, By by) {
        List<WebElement> found = d.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /**
     * The text of the first element matching {@code css}, or null: read in one script call, because the page
     * replaces live table rows as new figures arrive and a found element may be gone a moment later.
     */
    private static String textOf(WebDriver d, String css) {
        return (String) ((JavascriptExecutor) d).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", css);
    }

    private static String classOf(WebDriver d, String css) {
        return (String) ((JavascriptExecutor) d).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.className : null;", css);
    }

    private static String row(String runId, int partition) {
        return "article[data-run-id='" + runId + "'] tr[data-partition='" + partition + "']";
    }

    private static String cell(String runId, int partition, String field) {
        return row(runId, partition) + " td[data-field='" + field + "']";
    }

    private static String stat(String runId, String field) {
        return "article[data-run-id='" + runId + "'] .stat span[data-field='" + field + "']";
    }

    private static List<String> severeBrowserLogs(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /**
     * The whole page as {@code dashboard.png}, attached to the test: the findings page shows it (the run report does
     * not, since a test's page is not a run's result).
     */
    private static void publishScreenshot(ChromeDriver driver, TestReporter reporter) {
        // The whole page in one picture: the window is the page's height plus the window's own frame.
        Long height = (Long) driver.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
        Long frame = (Long) driver.executeScript("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(1500, (int) Math.min(4000, height + frame)));
        driver.executeScript("window.scrollTo(0, 0)");
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        assertThat(png).isNotEmpty();
        reporter.publishFile("dashboard.png", MediaType.IMAGE_PNG, path -> Files.write(path, png));
        // Back to the window the rest of the test was written for.
        driver.manage().window().setSize(new Dimension(1500, 1200));
    }
}
