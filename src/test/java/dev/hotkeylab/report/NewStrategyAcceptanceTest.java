package dev.hotkeylab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.keys.Strategy;
import dev.hotkeylab.keys.TestOnlySalt;
import dev.hotkeylab.report.ClaimsChecked.Claim;
import dev.hotkeylab.whatif.KeyCounts;
import dev.hotkeylab.whatif.StrategyPrediction;
import dev.hotkeylab.whatif.WhatIfConfig;
import dev.hotkeylab.whatif.WhatIfResult;
import dev.hotkeylab.whatif.WhatIfSimulator;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's acceptance: a strategy declared in one class of the test sources ({@link TestOnlySalt}), and nothing
 * else changed, shows up in the what-if prediction, the report's table, the charts with its own colour, and the claims
 * as a salted key. {@code run}, {@code bench}, {@code produce} and the dashboard's form take {@link Strategy} (the
 * enum) and list {@code Strategy.values()}, so a product strategy reaches them by its constant; see
 * {@code StrategyDeclarationTest} for what every constant must declare.
 */
@DisplayName("A strategy added as one class shows up in whatif, the report, the charts and the claims")
class NewStrategyAcceptanceTest {

    private static final String KEY = Synthetic.KEY;

    @TempDir
    Path tmp;

    private static List<ExperimentResult> run() {
        return List.of(
                Synthetic.result("FIXED_KEY", KEY, List.of(0L, 0L, 1000L), Map.of(KEY, 2), 190, 0, 0),
                Synthetic.result(TestOnlySalt.NAME, KEY, List.of(334L, 333L, 333L),
                        Map.of(KEY + "_0", 1, KEY + "_1", 0, KEY + "_2", 2), 560, 12, 9));
    }

    @Test
    @DisplayName("claims: checked as a salted key, beside the baseline")
    void claimsClassifyItAsSalted() {
        List<Claim> claims = ClaimsChecked.check(run(), Optional.empty());
        Claim even = claims.stream().filter(c -> c.id().equals("salting-spreads-evenly")).findFirst().orElseThrow();
        assertThat(even.holdsFor()).containsExactly(TestOnlySalt.NAME);
        Claim fixed = claims.stream().filter(c -> c.id().equals("fixed-key-one-partition")).findFirst().orElseThrow();
        assertThat(fixed.holdsFor()).containsExactly("FIXED_KEY");
        Claim order = claims.stream().filter(c -> c.id().equals("salting-loses-user-order")).findFirst().orElseThrow();
        assertThat(order.holdsFor()).containsExactly(TestOnlySalt.NAME);
    }

    @Test
    @DisplayName("report and charts: its own column, timeline and colour in partitions.png")
    void reportAndChartsShowItInItsColour() throws Exception {
        RunReport report = Synthetic.report(run(), Map.of());
        assertThat(new ComparisonTable(report.experiments()).toText()).contains(TestOnlySalt.NAME);
        assertThat(HtmlReport.render(report)).contains(TestOnlySalt.NAME);
        assertThat(Charts.plan(report)).extracting(Charts.Spec::file).contains("timeline-TEST_ONLY_SALT.png");

        new Charts().write(report, tmp);

        Color own = Color.decode(new TestOnlySalt().colour());
        BufferedImage partitions = ImageIO.read(tmp.resolve(Charts.FOLDER).resolve("partitions.png").toFile());
        assertThat(pixels(partitions, own)).as("bars in " + new TestOnlySalt().colour()).isGreaterThan(1_000);
        assertThat(pixels(partitions, Color.decode(Strategy.FIXED_KEY.colour()))).isGreaterThan(1_000);
    }

    @Test
    @DisplayName("whatif: predicted by the load model it declares")
    void whatIfPredictsIt() {
        WhatIfConfig config = WhatIfConfig.builder(3).strategies(List.of(Strategy.FIXED_KEY, new TestOnlySalt()))
                .build();
        WhatIfResult result = new WhatIfSimulator(config).simulate(KeyCounts.of(Map.of(KEY, 1000L)));
        StrategyPrediction own = result.predictions().stream()
                .filter(p -> p.strategy().name().equals(TestOnlySalt.NAME)).findFirst().orElseThrow();
        assertThat(own.partitionLoad()).containsExactly(334, 333, 333);
        assertThat(own.model()).startsWith("exact: record s on partition s mod P");
    }

    private static long pixels(BufferedImage image, Color colour) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }
}
