package dev.hotkeylab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("README snippets: copied from the example project, never typed by hand")
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    @DisplayName("the README names the partitioner, the dependencies and @KafkaTest, each equal to its marked region")
    void everySnippetEqualsItsRegion() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        var snippets = ReadmeSnippets.snippets(ROOT, readme);
        assertThat(snippets).extracting(s -> s.path() + "#" + s.tag()).contains(
                "examples/pom.xml#dependency",
                "examples/src/main/java/dev/hotkeylab/example/TicketProducer.java#partitioner",
                "examples/pom.xml#test-dependencies",
                "examples/src/test/java/dev/hotkeylab/example/TicketProducerTest.java#kafka-test");
        for (ReadmeSnippets.Snippet s : snippets) {
            assertThat(s.inReadme())
                    .as("README snippet %s#%s (refresh: java src/test/java/dev/hotkeylab/ReadmeSnippets.java)",
                            s.path(), s.tag())
                    .isEqualTo(s.inSource());
        }
    }

    @Test
    @DisplayName("a region is the lines between its markers, without their common indent; a missing tag is named")
    void regionsAndRendering(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("A.java"), String.join("\n", "class A {",
                "    // tag::x[]", "    int a;", "", "        int b;", "    // end::x[]", "}"));
        assertThat(ReadmeSnippets.region(dir.resolve("A.java"), "x")).isEqualTo("int a;\n\n    int b;");
        assertThatThrownBy(() -> ReadmeSnippets.region(dir.resolve("A.java"), "y"))
                .hasMessageContaining("tag::y[]").hasMessageContaining("A.java");

        String stale = "text\n<!-- snippet: A.java#x -->\n```java\nint old;\n```\nmore\n"
                + "<!-- snippet: A.java#x -->\n```java\n```\nend\n";
        String fresh = "<!-- snippet: A.java#x -->\n```java\nint a;\n\n    int b;\n```\n";
        assertThat(ReadmeSnippets.render(dir, stale)).as("a stale and an empty block, refreshed")
                .isEqualTo("text\n" + fresh + "more\n" + fresh + "end\n");
    }
}
