package dev.hotkeylab.report;

import dev.hotkeylab.experiment.ExperimentResult;
import dev.hotkeylab.inventory.InventorySummary;
import dev.hotkeylab.inventory.ReservationLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One experiment's inventory outcome, as kept in {@code results.json}'s {@code inventory} section: the store's
 * summary and its confirmed bookings over time (at most {@value #MAX_POINTS} points), which the report charts against
 * the capacity line.
 */
public record InventoryRun(String strategy, int consumers, long redelivered, InventorySummary summary,
        List<ReservationLog.Point> confirmedOverTime) {

    static final int MAX_POINTS = 400;

    public InventoryRun {
        confirmedOverTime = List.copyOf(confirmedOverTime);
    }

    public static InventoryRun of(ExperimentResult result, InventorySummary summary, ReservationLog log) {
        List<ReservationLog.Point> all = log.confirmedOverTime();
        List<ReservationLog.Point> points = new ArrayList<>();
        int step = Math.max(1, all.size() / MAX_POINTS);
        for (int i = 0; i < all.size(); i += step) {
            points.add(all.get(i));
        }
        if (!all.isEmpty() && points.get(points.size() - 1) != all.get(all.size() - 1)) {
            points.add(all.get(all.size() - 1));
        }
        return new InventoryRun(result.setup().strategy(), result.setup().consumers(), result.consumption().redelivered(), summary, points);
    }

    /** The stores table: sold / oversold / duplicates / reservations per second. */
    public static TextTable table(List<InventoryRun> runs) {
        TextTable t = new TextTable("store", "strategy", "consumers", "capacity", "sold", "oversold",
                "duplicates refused", "outcomes", "reservations/s");
        for (InventoryRun r : runs) {
            InventorySummary s = r.summary();
            t.row(s.store(), r.strategy(), String.valueOf(r.consumers()), String.valueOf(s.capacity()),
                    String.valueOf(s.sold()), String.valueOf(s.oversold()), String.valueOf(s.duplicatesRefused()),
                    String.valueOf(s.outcomesRecorded()), String.format(Locale.ROOT, "%.0f", s.reservationsPerSecond()));
        }
        return t;
    }
}
