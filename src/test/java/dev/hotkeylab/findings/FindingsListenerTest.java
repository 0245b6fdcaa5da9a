package dev.hotkeylab.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The findings listener on a small suite run through its own launcher (the suite's auto-registered listener is not
 * involved, so nothing here reaches the real findings page).
 */
@DisplayName("Findings page: what the listener writes after a run")
class FindingsListenerTest {

    @TempDir
    Path dir;

    private String run(Class<?> suite) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(new FindingsListener(new PrintStream(console, true, StandardCharsets.UTF_8),
                        dir))
                .build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite))
                .configurationParameter("junit.platform.reporting.output.dir", dir.resolve("files").toString())
                .build());
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("figures, files, skip reasons and failures land on the page, grouped class › nested › test")
    void writesThePage() throws Exception {
        String console = run(Suite.class);

        String html = Files.readString(dir.resolve(FindingsPage.HTML));
        String md = Files.readString(dir.resolve(FindingsPage.MARKDOWN));
        String json = Files.readString(dir.resolve(FindingsPage.JSON));
        assertThat(html).contains("<h1>hotkey-lab findings</h1>", "<h2>" + FindingsPage.WITH_EVIDENCE + "</h2>",
                        "<h2>" + FindingsPage.SKIPPED + "</h2>", "<h2>" + FindingsPage.FAILED + "</h2>")
                .contains("<td>perPartition</td><td>[0, 0, 1000]</td>")
                .contains("findings-files/").contains(".png\" alt=")
                .contains("needs a tool this machine lacks")
                .contains("not today")
                .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x")
                .contains("href=\"" + FindingsPage.RUN_REPORT + "\"");
        assertThat(md).contains("## " + FindingsPage.WITH_EVIDENCE, "| test | outcome | figures |",
                "perPartition = [0, 0, 1000]", "needs a tool this machine lacks")
                .contains("| Nested part › Counts in a nested class |");
        assertThat(json).contains("\"outcome\" : \"failed\"");
        assertThat(Files.list(dir.resolve(FindingsListener.FILES))).singleElement()
                .satisfies(png -> assertThat(Files.readAllBytes(png)).startsWith(1, 2, 3));
        assertThat(console).contains("Skipped, and why:", "needs a tool this machine lacks", "not today");
        assertThat(new FindingsPage(java.util.List.of(), null, java.time.Instant.now()).html())
                .contains(FindingsPage.WITH_EVIDENCE);
    }

    @Test
    @DisplayName("class, nested class and method names are made readable where no @DisplayName is given")
    void readableNames() {
        assertThat(ReadableNames.sentence("resolvesTheSameBackendForEveryMethod", true))
                .isEqualTo("Resolves the same backend for every method");
        assertThat(ReadableNames.sentence("HTMLKeyStaysText", true)).isEqualTo("HTML key stays text");
        assertThat(new ReadableNames().generateDisplayNameForClass(FindingsListenerTest.class))
                .isEqualTo("Findings listener");
        assertThat(new ReadableNames().generateDisplayNameForNestedClass(java.util.List.of(), Suite.NestedPart.class))
                .isEqualTo("A small suite › Nested part");
    }

    /** A small suite for the listener; not run by itself (a static nested class without @Nested). */
    @DisplayName("A small suite")
    static class Suite {

        @Test
        @DisplayName("publishes figures and a chart")
        void figures(TestReporter reporter) {
            Figures.of(reporter).put("perPartition", java.util.List.of(0, 0, 1000)).put("key", "<img src=x onerror=alert(1)>");
            reporter.publishFile("chart.png", MediaType.IMAGE_PNG, p -> Files.write(p, new byte[] {1, 2, 3}));
        }

        @Test
        @DisplayName("skips with a reason")
        void skips() {
            Assumptions.abort("needs a tool this machine lacks");
        }

        @Test
        @Disabled("not today")
        void disabled() {
        }

        @Test
        @DisplayName("fails")
        void fails() {
            throw new AssertionError("expected 3 but was 2");
        }

        @Nested
        class NestedPart {
            @Test
            void countsInANestedClass(TestReporter reporter) {
                Figures.of(reporter).put("activeConsumers", "3 of 3");
            }
        }
    }
}
