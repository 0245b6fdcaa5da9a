package dev.hotkeylab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The report folder: replaced only when it is hotkey-lab's own, other entries kept, crash leftovers swept")
class ReportFolderTest {

    @TempDir
    Path tmp;

    private static RunReport report() {
        return Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY), Map.of());
    }

    @Test
    @DisplayName("a folder holding a user's file is refused and left as it was")
    void userFileRefused() throws Exception {
        Path mydocs = Files.createDirectories(tmp.resolve("mydocs"));
        Files.writeString(mydocs.resolve("notes.txt"), "keep");

        assertThatThrownBy(() -> ReportWriter.complete().write(report(), mydocs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output folder '" + mydocs + "' is refused: it holds files hotkey-lab did not write "
                        + "(notes.txt); choose an empty or new folder");
        assertThatThrownBy(() -> ReportWriter.checkWritable(mydocs)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(mydocs.resolve("notes.txt"))).isEqualTo("keep");
        try (var entries = Files.list(mydocs)) {
            assertThat(entries).hasSize(1);
        }
        assertThat(tmp).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
    }

    @Test
    @DisplayName("/, the working folder, its parent, the home folder and an unexpanded ~ are refused")
    void dangerousFoldersRefused() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p : new Path[] {Path.of("/"), Path.of("."), cwd, cwd.getParent(), Path.of(System.getProperty("user.home")),
                Path.of("~"), Path.of("~/report")}) {
            assertThatThrownBy(() -> ReportFolder.requireReplaceable(p)).as(p.toString())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("output folder '" + p + "' is refused: ")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    @DisplayName("a report folder carries a marker, is replaced by the next report, and keeps a whatif folder it did not write")
    void replacesOnlyItsOwn() throws Exception {
        Path out = tmp.resolve("report");
        ReportWriter.complete().write(report(), out);
        assertThat(out.resolve(ReportFolder.MARKER)).isRegularFile();
        assertThat(Files.readAllLines(out.resolve(ReportFolder.MARKER))).contains("results.json", "report.md", "charts");
        Path whatif = Files.createDirectories(out.resolve("whatif"));
        Files.writeString(whatif.resolve("whatif.json"), "{}");
        Files.writeString(whatif.resolve("notes.txt"), "mine");

        ReportWriter.complete().write(report(), out);

        assertThat(whatif.resolve("whatif.json")).hasContent("{}");
        assertThat(whatif.resolve("notes.txt")).hasContent("mine");
        assertThat(Files.readAllLines(out.resolve(ReportFolder.MARKER))).doesNotContain("whatif");
        assertThat(tmp).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
    }

    @Test
    @DisplayName("an empty folder and a folder another hotkey-lab command wrote (whatif only) are accepted")
    void emptyAndWhatIfOnlyAccepted() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        ReportWriter.complete().write(report(), empty);
        assertThat(empty.resolve("results.json")).isRegularFile();

        Path withWhatIf = Files.createDirectories(tmp.resolve("r2/whatif"));
        Files.writeString(withWhatIf.resolve("whatif.json"), "{}");
        ReportWriter.complete().write(report(), withWhatIf.getParent());
        assertThat(withWhatIf.resolve("whatif.json")).hasContent("{}");
    }

    @Test
    @DisplayName("the report folder follows the umask instead of a temporary folder's 0700")
    void followsTheUmask() throws Exception {
        Path out = tmp.resolve("report");
        ReportWriter.complete().write(report(), out);
        Path plain = Files.createDirectory(tmp.resolve("plain"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(expected);
    }

    @Test
    @DisplayName("temporary folders a killed writer left are swept at the next start; a live writer's are kept")
    void crashLeftoversSwept() throws Exception {
        Path out = tmp.resolve("report");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path deadOwner = Files.createDirectories(tmp.resolve(".report-tmp-dead"));
        Files.writeString(deadOwner.resolve(ReportFolder.OWNER), Long.toString(gone.pid()));
        Files.createFile(deadOwner.resolve("results.json")); // the 0-byte file a kill leaves
        Path oldNoOwner = Files.createDirectories(tmp.resolve(".report-old-x"));
        Files.setLastModifiedTime(oldNoOwner, FileTime.from(Instant.now().minus(ReportFolder.ORPHAN_AGE).minusSeconds(60)));
        Path live = Files.createDirectories(tmp.resolve(".report-tmp-live"));
        Files.writeString(live.resolve(ReportFolder.OWNER), Long.toString(ProcessHandle.current().parent().orElseThrow().pid()));
        Path unrelated = Files.createDirectories(tmp.resolve(".other-tmp-1"));

        ReportWriter.checkWritable(out);

        assertThat(deadOwner).doesNotExist();
        assertThat(oldNoOwner).doesNotExist();
        assertThat(live).isDirectory();
        assertThat(unrelated).isDirectory();
    }
}
