package dev.hotkeylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Logging: the application brings its own log4j2 configuration, the jar none that others would pick up")
class LogConfigTest {

    @Test
    @DisplayName("src/main/resources holds no file log4j2 or Logback finds by itself, only the one Main names")
    void noDefaultNamedConfigurationInTheArtifact() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.matches(
                            "log4j2(-test)?\\.(xml|json|jsn|yaml|yml|properties)|logback(-test)?\\.xml"))
                    .contains(Main.LOG_CONFIG);
        }
    }

    @Test
    @DisplayName("the tests' log4j2-test.xml configures what the application's configuration does")
    void testsLogAsTheApplicationDoes() throws IOException {
        assertThat(body("/log4j2-test.xml")).isEqualTo(body("/" + Main.LOG_CONFIG));
    }

    @Test
    @DisplayName("a configuration the user names with -Dlog4j2.configurationFile wins over the application's")
    void userConfigurationWins() {
        String before = System.getProperty("log4j2.configurationFile");
        try {
            System.setProperty("log4j2.configurationFile", "mine.xml");
            Main.useLogConfig(Main.LOG_CONFIG);
            assertThat(System.getProperty("log4j2.configurationFile")).isEqualTo("mine.xml");
        } finally {
            if (before == null) {
                System.clearProperty("log4j2.configurationFile");
            } else {
                System.setProperty("log4j2.configurationFile", before);
            }
        }
    }

    /** The configuration from {@code <Configuration} on: the comments above it say why, and differ. */
    private static String body(String resource) throws IOException {
        try (InputStream in = LogConfigTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the test classpath").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.substring(text.indexOf("<Configuration"));
        }
    }
}
