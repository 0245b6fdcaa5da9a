package dev.hotkeylab.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.hotkeylab.whatif.KeyBytes;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** {@code scan.png}: records per partition as read, the hottest key's records drawn apart. */
final class ScanChart {

    private ScanChart() {
    }

    /** Records per partition as read, with the hottest key's records drawn apart. */
    static void write(Path file, ScanResult r) throws IOException {
        System.setProperty("java.awt.headless", "true");
        // ImageIO's disk cache registers a delete-on-exit file, which fails while the JVM shuts down (Ctrl-C)
        javax.imageio.ImageIO.setUseCache(false);
        int count = r.partitions().size();
        CategoryChart chart = new CategoryChartBuilder().width(960).height(540)
                .title(String.format(Locale.ROOT, "Records per partition of %s (%,d read)", r.config().topic(),
                        r.recordsRead()))
                .xAxisTitle("partition").yAxisTitle("records").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setStacked(true);
        List<String> xs = new ArrayList<>();
        List<Long> others = new ArrayList<>();
        List<Long> hottest = new ArrayList<>();
        List<KeyTally.Entry> top = ScanOutput.topKeys(r);
        KeyTally.Entry hot = top.isEmpty() ? null : top.get(0);
        for (ScanResult.PartitionScan p : r.partitions()) {
            xs.add("p" + p.partition());
            long h = hot != null && hot.partition() == p.partition() ? Math.min(hot.count(), p.records()) : 0;
            hottest.add(h);
            others.add(p.records() - h);
        }
        if (count > 64) {
            chart.getStyler().setXAxisLabelRotation(90);
        }
        chart.addSeries("other keys", xs, others);
        if (hot != null) {
            chart.addSeries("hottest key " + ScanText.abbreviate(KeyBytes.label(hot.key())), xs, hottest);
        }
        BitmapEncoder.saveBitmap(chart, file.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
    }
}
