package dev.hotkeylab.report;

import static dev.hotkeylab.report.Synthetic.KEY;
import static dev.hotkeylab.report.Synthetic.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotkeylab.experiment.ExperimentResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Comparison table: throughput against FIXED_KEY on the same store")
class ComparisonTableTest {

    private static List<String> row(TextTable t, String name) {
        return t.rows().stream().filter(r -> r.get(0).equals(name)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("each column is compared with the FIXED_KEY run of its own inventory store")
    void perStore() {
        ExperimentResult fixedSlow = result("FIXED_KEY", KEY, List.of(0L, 0L, 600L), Map.of(KEY, 2), 100, 0, 0);
        ExperimentResult fixedFast = result("FIXED_KEY", KEY, List.of(0L, 0L, 600L), Map.of(KEY, 2), 200, 0, 0);
        ExperimentResult salted = result("PARTITION_AWARE_SALT", KEY, List.of(200L, 200L, 200L), Map.of(), 600, 9, 1);

        TextTable t = new ComparisonTable(List.of(fixedSlow, fixedFast, salted, salted),
                List.of("FIXED_KEY + a", "FIXED_KEY + b", "PARTITION_AWARE_SALT + a", "PARTITION_AWARE_SALT + b"))
                .table();

        assertThat(row(t, "throughput vs FIXED_KEY")).containsExactly("throughput vs FIXED_KEY", "1.00x", "1.00x",
                "6.00x", "3.00x");
        assertThat(t.header()).containsExactly("", "FIXED_KEY + a", "FIXED_KEY + b", "PARTITION_AWARE_SALT + a",
                "PARTITION_AWARE_SALT + b");
    }

    @Test
    @DisplayName("no salted column, no comparison row")
    void fixedAlone() {
        TextTable t = new ComparisonTable(List.of(result("FIXED_KEY", KEY, List.of(0L, 0L, 9L), Map.of(KEY, 2), 10,
                0, 0))).table();
        assertThat(t.rows()).extracting(r -> r.get(0)).doesNotContain("throughput vs FIXED_KEY")
                .contains("records per partition", "active consumers", "out of order: concert / user");
    }
}
