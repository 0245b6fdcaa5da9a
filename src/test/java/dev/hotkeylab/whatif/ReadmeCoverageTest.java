package dev.hotkeylab.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's salting-coverage figures are generated, not typed: this test recomputes {@code whatif --coverage}'s
 * table (Java client, seed 42, 10,000 keys) and requires the README's table, between its {@value #BEGIN} and
 * {@value #END} markers, to be exactly {@link WhatIfOutput#coverageMarkdown}; the figures in the opening paragraph
 * must be the table's B = P cells. On a mismatch the message carries the block to paste.
 */
class ReadmeCoverageTest {

    static final String BEGIN = "<!-- whatif --coverage: generated, checked by ReadmeCoverageTest -->";
    static final String END = "<!-- end of whatif --coverage -->";

    @Test
    @DisplayName("README coverage table and figures = whatif --coverage (Java client, seed 42)")
    void readmeTableIsTheMeasuredOne() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        SaltCoverage.Table table = SaltCoverage.defaultTable(ClientModel.JAVA, 42, ProgressListener.NONE);
        String expected = WhatIfOutput.coverageMarkdown(table);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README marker %s", BEGIN).isNotNegative();
        assertThat(end).as("README marker %s", END).isGreaterThan(begin);
        String actual = readme.substring(begin + BEGIN.length(), end).strip() + "\n";
        assertThat(actual).as("README coverage table; paste this between the markers:%n%s", expected)
                .isEqualTo(expected);

        String intro = readme.lines().limit(30).reduce("", (a, b) -> a + " " + b);
        for (SaltCoverage.Row row : table.rows()) {
            if (row.saltBuckets() == row.partitions() && row.partitions() <= 12) {
                String figure = String.format(Locale.ROOT, "%.2f %% of keys at P = %d", 100 * row.coverAllShare(),
                        row.partitions());
                assertThat(intro).as("the opening paragraph's figure for P = B = %d", row.partitions())
                        .contains(figure);
            }
        }
    }
}
