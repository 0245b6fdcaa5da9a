package dev.hotkeylab.cli;

import dev.hotkeylab.broker.BackendChoice;
import dev.hotkeylab.broker.KafkaBackend;
import dev.hotkeylab.broker.KafkaBackends;
import dev.hotkeylab.experiment.PerfBench;
import dev.hotkeylab.report.ReportSections;
import dev.hotkeylab.report.ReportWriter;
import dev.hotkeylab.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench --perf [N]}: {@link PerfBench} on one backend; prints the four rates and the two ratios and merges
 * them into the report folder's {@code results.json} as the {@code perf} section (the other sections are kept).
 */
final class PerfBenchOutput {

    /** The section of {@code results.json} this writes. */
    static final String SECTION = "perf";

    private PerfBenchOutput() {
    }

    static int run(int messages, long seed, BackendChoice choice, Path folder, PrintWriter out) {
        if (messages < 1000 || messages > 100_000_000) {
            throw new IllegalArgumentException("perf must be in [1000, 100000000] requests but got " + messages);
        }
        ReportWriter.checkWritable(folder);
        ReportSections.read(folder);
        Limits.requireHeapForRequests(messages);
        if (BackendOptions.mayEmbed(choice)) {
            Limits.requireDiskForRequests(4L * messages);
        }
        long start = System.nanoTime();
        PerfBench.Result r;
        try (KafkaBackend backend = KafkaBackends.open(choice, out)) {
            out.printf(Locale.ROOT, "Perf bench: %d records each, Kafka's ProducerPerformance and ConsumerPerformance, "
                    + "then the harness at service time 0%n", messages);
            r = PerfBench.run(backend, messages, seed, Duration.ofMinutes(30), line -> out.println("  " + line));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.hotkeylab.experiment.ExperimentException("interrupted", e);
        }
        RunReport report = ReportSections.read(folder)
                .orElseGet(() -> new RunReport(r.backend(), r.kafkaVersion(), seed, java.time.Instant.now().toString(),
                        "./hotkey-lab bench --perf " + messages, RunReport.thisMachine(), List.of(), Map.of()))
                .withSection(SECTION, new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(r));
        Path written = ReportWriter.complete().write(report, folder);
        out.println();
        out.printf(Locale.ROOT, "harness end to end / ProducerPerformance      %,.0f / %,.0f = %.2fx (goal 0.8x)%n",
                r.harnessPerSecond(), r.producerPerformancePerSecond(), r.producerRatio());
        out.printf(Locale.ROOT, "harness consumer / ConsumerPerformance fetch   %,.0f / %,.0f = %.2fx (goal 0.5x)%n",
                r.harnessConsumerPerSecond(), r.consumerPerformanceFetchPerSecond(), r.consumerRatio());
        out.printf(Locale.ROOT, "commits: %s%n", r.commits());
        out.printf(Locale.ROOT, "%.0f s in all. Report: %s (perf section)%n", (System.nanoTime() - start) / 1e9,
                written.resolve(ReportSections.RESULTS_JSON));
        return 0;
    }
}
