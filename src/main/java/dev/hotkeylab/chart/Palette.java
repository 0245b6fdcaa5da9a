package dev.hotkeylab.chart;

import dev.hotkeylab.keys.Strategies;
import dev.hotkeylab.keys.StrategyType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Optional;

/**
 * The colours and strokes of every chart: a strategy's own colour ({@link StrategyType#colour()}, so a strategy looks
 * the same in the report, {@code whatif.png} and on the dashboard), a series palette for everything else (the D3
 * "category10" colours), latency shades and the dashed reference line.
 */
public final class Palette {

    /** Colours for series that are not a strategy's first run (consumers, stores, repeated runs), in order. */
    public static final List<Color> SERIES = List.of(
            new Color(0x1F, 0x77, 0xB4), new Color(0xFF, 0x7F, 0x0E), new Color(0x2C, 0xA0, 0x2C),
            new Color(0xD6, 0x27, 0x28), new Color(0x94, 0x67, 0xBD), new Color(0x8C, 0x56, 0x4B),
            new Color(0xE3, 0x77, 0xC2), new Color(0x7F, 0x7F, 0x7F), new Color(0xBC, 0xBD, 0x22),
            new Color(0x17, 0xBE, 0xCF));

    /** p50, p95, p99, max: light to dark blue. */
    public static final List<Color> LATENCY = List.of(new Color(0x9E, 0xCA, 0xE1), new Color(0x42, 0x92, 0xC6),
            new Color(0x08, 0x51, 0x9C), new Color(0x08, 0x30, 0x6B));

    static final Color GRID = new Color(0xE5, 0xE5, 0xE5);

    private Palette() {
    }

    /** The {@code index}-th series colour, cycling. */
    public static Color series(int index) {
        return SERIES.get(index % SERIES.size());
    }

    /** The strategy's own colour, if {@code name} is a known strategy. */
    public static Optional<Color> strategy(String name) {
        return Strategies.find(name).map(s -> Color.decode(s.colour()));
    }

    /**
     * The colour of series {@code index} labelled {@code label}: the strategy's own when the label is the strategy's
     * name (its first run), else by position (another store of the same strategy, an unknown strategy).
     */
    public static Color forRun(String strategy, String label, int index) {
        Optional<Color> own = strategy(strategy);
        return own.isPresent() && label.equals(strategy) ? own.get() : series(index);
    }

    /** A dashed 2 px line: limits and capacities drawn for reference. */
    public static BasicStroke dashed() {
        return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f}, 0f);
    }
}
