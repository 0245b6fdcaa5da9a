package dev.hotkeylab.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Draws the project's pictures with XChart: the report's charts and {@code whatif.png} get the same axes, fonts,
 * legend and {@link Palette}, and are encoded as PNG here and only here. Pure drawing: what to draw is the caller's
 * (the report's {@code Charts} plan, {@code WhatIfOutput}).
 *
 * <p>Headless: XChart draws on an in-memory image, and AWT must not look for a display (CI, SSH, containers).
 * {@link #png} sets {@code java.awt.headless=true} unless the JVM was started with a value: a JVM-wide setting, made in
 * this one place, just before the first picture is encoded, never at class loading.
 */
public final class ChartRenderer {

    /** The report's chart size in pixels. */
    public static final int WIDTH = 960;
    public static final int HEIGHT = 540;

    private ChartRenderer() {
    }

    /** A bar chart of {@link #WIDTH} x {@link #HEIGHT} in the house style, y from 0 with thousands separators. */
    public static CategoryChart category(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setAvailableSpaceFill(0.8).setOverlapped(false);
        chart.getStyler().setLabelsFontColor(java.awt.Color.DARK_GRAY).setLabelsFontColorAutomaticEnabled(false)
                .setLabelsPosition(1.0).setLabelsRotation(0);
        chart.getStyler().setYAxisMin(0.0).setYAxisDecimalPattern("#,##0");
        return chart;
    }

    /** A line chart of {@link #WIDTH} x {@link #HEIGHT} in the house style. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        return chart;
    }

    /** The chart as PNG bytes; a legend too wide for one row becomes a column under the plot. */
    public static byte[] png(Chart<?, ?> chart) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        fitLegend(chart);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #png} of the chart to {@code file}. */
    public static void write(Chart<?, ?> chart, Path file) throws IOException {
        Files.write(file, png(chart));
    }

    private static void fitLegend(Chart<?, ?> chart) {
        int chars = chart.getSeriesMap().keySet().stream().mapToInt(n -> n.length() + 8).sum();
        if (chars * 7 > chart.getWidth() - 40) {
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
    }

    private static void style(AxesChartStyler s) {
        s.setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setChartBackgroundColor(java.awt.Color.WHITE).setPlotBackgroundColor(java.awt.Color.WHITE)
                .setPlotBorderColor(java.awt.Color.LIGHT_GRAY).setLegendBorderColor(java.awt.Color.WHITE);
        s.setPlotGridLinesColor(Palette.GRID);
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        s.setSeriesColors(Palette.SERIES.toArray(java.awt.Color[]::new));
    }
}
