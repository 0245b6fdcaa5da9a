package dev.hotkeylab.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One run as the API and the page show it.
 *
 * @param id         {@code run-1}, {@code run-2}, ... in start order
 * @param href       this run's JSON ({@code /api/runs/{id}})
 * @param reportHref the run's report under {@code /reports/}, or null until one is written
 * @param snapshot   the latest broker figures, or null for a run that is not watched
 * @param result     the published result map, or null while running
 * @param inventory  the published inventory map, or null
 */
public record RunView(
        String id,
        String label,
        RunStatus status,
        String topic,
        String group,
        Map<String, String> params,
        long startedAtMillis,
        Long finishedAtMillis,
        String error,
        String href,
        String reportHref,
        TopicSnapshot snapshot,
        JsonNode result,
        JsonNode inventory) {

    /** The same run without the bulky parts, for lists. */
    public RunView summary() {
        return new RunView(id, label, status, topic, group, params, startedAtMillis, finishedAtMillis, error, href,
                reportHref, null, null, null);
    }
}
