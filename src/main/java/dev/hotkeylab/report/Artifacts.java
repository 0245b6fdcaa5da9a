package dev.hotkeylab.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files that other tools leave in the report folder: the dashboard's browser test saves its screenshot there, the
 * cross-client and Parallel Consumer tests their measurements, the JMH profile its figures. A report rewrites the
 * folder as a whole, so each writer carries these into the new folder and shows them.
 */
final class Artifacts {

    static final String SCREENSHOT = "dashboard.png";
    /** File name -> section name, for the JSON ones. */
    static final Map<String, String> JSON_FILES = new LinkedHashMap<>();

    static {
        JSON_FILES.put("clients.json", "clients");
        JSON_FILES.put("parallel-consumer.json", "parallelConsumer");
        JSON_FILES.put("jmh-results.json", "jmh");
    }

    private Artifacts() {
    }

    /** Copies what {@code from} holds into {@code to} and adds the JSON ones to the report's sections. */
    static RunReport carry(RunReport report, Path from, Path to) throws IOException {
        Map<String, Object> sections = new LinkedHashMap<>(report.sections());
        if (Files.isRegularFile(from.resolve(SCREENSHOT))) {
            Files.copy(from.resolve(SCREENSHOT), to.resolve(SCREENSHOT), StandardCopyOption.REPLACE_EXISTING);
            sections.put("dashboardScreenshot", SCREENSHOT);
        }
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
            Files.copy(file, to.resolve(e.getKey()), StandardCopyOption.REPLACE_EXISTING);
            sections.put(e.getValue(), json);
        }
        return report.withSections(sections);
    }
}
