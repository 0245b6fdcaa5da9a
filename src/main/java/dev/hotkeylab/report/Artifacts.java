package dev.hotkeylab.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files that other tools leave in the report folder: the cross-client and Parallel Consumer tests their measurements,
 * the JMH profile its figures. A report rewrites the folder as a whole, so each writer carries these into the new
 * folder and shows them apart from its own run, with which tool measured them and when (the file's modification time,
 * in the {@value #PROVENANCE} section). A test's screenshot is not among them: it belongs to the findings page the
 * tests write ({@code findings.html}), not to a run's report.
 */
final class Artifacts {

    /** Section holding, per carried section, the tool that measured it and when: {@code {tool, file, measuredAt}}. */
    static final String PROVENANCE = "measuredElsewhere";
    /** File name -> section name, for the JSON ones. */
    static final Map<String, String> JSON_FILES = new LinkedHashMap<>();
    /** Section name -> the tool that writes it. */
    static final Map<String, String> TOOLS = new LinkedHashMap<>();

    static {
        JSON_FILES.put("clients.json", "clients");
        JSON_FILES.put("parallel-consumer.json", "parallelConsumer");
        JSON_FILES.put("jmh-results.json", "jmh");
        TOOLS.put("clients", "the cross-client test (ClientPlacementTest, mvn test)");
        TOOLS.put("parallelConsumer", "ParallelConsumerComparisonTest (mvn test)");
        TOOLS.put("jmh", "JMH (mvn -Pbench test-compile exec:exec)");
    }

    private Artifacts() {
    }

    /** The findings page {@code mvn test} writes into the report folder (the writer carries it over). */
    static final String FINDINGS_FILE = "findings.html";
    /** Section naming {@link #FINDINGS_FILE} when the replaced folder holds it, so the report links it only then. */
    static final String FINDINGS = "findingsPage";

    /** Whether the report has a findings page beside it to link ({@link #FINDINGS}). */
    static boolean hasFindings(RunReport report) {
        return report.sections().containsKey(FINDINGS);
    }

    /**
     * Copies what {@code from} holds into {@code to} and adds the JSON ones to the report's sections, and the
     * {@link #FINDINGS} section when {@code from} holds the findings page.
     */
    static RunReport carry(RunReport report, Path from, Path to) throws IOException {
        Map<String, Object> sections = new LinkedHashMap<>(report.sections());
        sections.remove(FINDINGS);
        if (Files.isRegularFile(from.resolve(FINDINGS_FILE))) {
            sections.put(FINDINGS, FINDINGS_FILE);
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : JSON_FILES.entrySet()) {
            Path file = from.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            JsonNode json;
            try {
                json = ReportSections.READER.readTree(file.toFile());
            } catch (IOException unreadable) {
                continue; // a half-written or foreign file is not ours to show
            }
            Files.copy(file, to.resolve(e.getKey()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
            sections.put(e.getValue(), json);
            provenance.put(e.getValue(), Map.of("tool", TOOLS.get(e.getValue()), "file", e.getKey(),
                    "measuredAt", Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS).toString()));
        }
        if (!provenance.isEmpty()) {
            sections.put(PROVENANCE, provenance);
        }
        return report.withSections(sections);
    }
}
