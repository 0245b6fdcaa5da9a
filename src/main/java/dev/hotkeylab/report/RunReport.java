package dev.hotkeylab.report;

import dev.hotkeylab.experiment.ExperimentResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code results.json}: where and how the runs were made, and one entry per experiment. Later figures
 * (benchmarks, inventory) go in {@code sections}, keyed by name, so the format only grows.
 *
 * @param command how to reproduce the report
 */
public record RunReport(String backend, String kafkaVersion, long seed, String generatedAt, String command,
        Map<String, Object> machine, List<ExperimentResult> experiments, Map<String, Object> sections) {

    public RunReport {
        machine = Map.copyOf(machine);
        experiments = List.copyOf(experiments);
        sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /** The same report with one section added or replaced. */
    /** The same report with {@code sections} in place of its own. */
    public RunReport withSections(Map<String, Object> sections) {
        return new RunReport(backend, kafkaVersion, seed, generatedAt, command, machine, experiments, sections);
    }

    public RunReport withSection(String name, Object value) {
        Map<String, Object> all = new LinkedHashMap<>(sections);
        all.put(name, value);
        return new RunReport(backend, kafkaVersion, seed, generatedAt, command, machine, experiments, all);
    }

    /** This machine's cores, memory and Java, for reading the numbers in context. */
    public static Map<String, Object> thisMachine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return m;
    }
}
