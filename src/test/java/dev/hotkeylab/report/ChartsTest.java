package dev.hotkeylab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Charts: real PNGs, drawn headless")
class ChartsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path tmp;

    @Test
    @DisplayName("one PNG per planned chart: partitions, consumers, latency, a timeline per strategy, bench")
    void writesEveryPlannedChart() throws Exception {
        RunReport report = Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY),
                Map.of(ReportSections.BENCH, Synthetic.bench(2.97)));

        new Charts().write(report, tmp);

        List<Charts.Spec> plan = Charts.plan(report);
        assertThat(plan).extracting(Charts.Spec::file).containsExactly("partitions.png", "consumers.png",
                "latency.png", "timeline-FIXED_KEY.png", "timeline-RANDOM_SALT.png",
                "timeline-PARTITION_AWARE_SALT.png", "timeline-ENTITY_SALT.png", "speedup.png",
                "bench-throughput.png");
        try (var files = Files.list(tmp.resolve(Charts.FOLDER))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(plan.stream().map(Charts.Spec::file).toList());
        }
        for (Charts.Spec spec : plan) {
            Path png = tmp.resolve(spec.href());
            byte[] bytes = Files.readAllBytes(png);
            assertThat(Arrays.copyOf(bytes, 8)).as(spec.file()).isEqualTo(PNG_SIGNATURE);
            assertThat(bytes.length).as(spec.file() + " size").isGreaterThan(10_000);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).isEqualTo(dev.hotkeylab.chart.ChartRenderer.WIDTH);
            assertThat(image.getHeight()).isEqualTo(dev.hotkeylab.chart.ChartRenderer.HEIGHT);
            assertThat(distinctColours(image)).as(spec.file() + " has a drawing, not a blank").isGreaterThan(20);
        }
    }

    @Test
    @DisplayName("no benchmark, no bench charts; no experiments, only bench charts; nothing, no folder")
    void planFollowsTheData() throws Exception {
        assertThat(Charts.plan(Synthetic.report(Synthetic.javaClientRun(Synthetic.KEY), Map.of())))
                .extracting(Charts.Spec::topic).doesNotContain(Charts.Topic.BENCH);
        assertThat(Charts.plan(Synthetic.report(List.of(), Map.of(ReportSections.BENCH, Synthetic.bench(3)))))
                .extracting(Charts.Spec::file).containsExactly("speedup.png", "bench-throughput.png");
        new Charts().write(Synthetic.report(List.of(), Map.of()), tmp);
        assertThat(tmp.resolve(Charts.FOLDER)).doesNotExist();
    }

    @Test
    @DisplayName("runs against inventory stores: one series per strategy and store, seats sold against the capacity")
    void inventoryRuns() throws Exception {
        RunReport report = Synthetic.inventoryReport();

        new Charts().write(report, tmp);

        assertThat(ReportSections.labels(report)).startsWith("FIXED_KEY + naive-redis", "FIXED_KEY + redis-lua",
                "RANDOM_SALT + naive-redis").doesNotHaveDuplicates();
        assertThat(Charts.plan(report)).extracting(Charts.Spec::file)
                .contains("inventory.png", "timeline-FIXED_KEY-naive-redis.png", "timeline-FIXED_KEY-redis-lua.png");
        byte[] png = Files.readAllBytes(tmp.resolve("charts/inventory.png"));
        assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
        assertThat(png.length).isGreaterThan(10_000);
    }

    @Test
    @DisplayName("a strategy name that is not a file name still gives a safe, unique file")
    void safeFileNames() {
        RunReport report = Synthetic.report(List.of(
                Synthetic.result("../x y", "k", List.of(1L), Map.of("k", 0), 10, 0, 0),
                Synthetic.result("../x?y", "k", List.of(1L), Map.of("k", 0), 10, 0, 0)), Map.of());
        assertThat(Charts.plan(report)).extracting(Charts.Spec::file)
                .contains("timeline-___x_y.png", "timeline-___x_y-2.png")
                .allSatisfy(f -> assertThat(f).matches("[A-Za-z0-9_-]+\\.png"));
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
