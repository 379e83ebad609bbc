package io.campanile.benchmark;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.data.category.DefaultCategoryDataset;

/** The PNG pictures next to the summary, drawn with JFreeChart. */
final class Charts {

    /** Upper bounds (ms, exclusive) of the fire-lag buckets: roughly logarithmic, as the peers differ 100-fold. */
    static final double[] LAG_BOUNDS = {0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000};

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 550;

    private Charts() {}

    /** A histogram of fire lags, the schedulers' bars side by side in each bucket, as a share of their runs. */
    static void fireLagHistogram(Map<String, List<Double>> lagsByScheduler, Path file) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        lagsByScheduler.forEach((scheduler, lags) -> {
            int[] counts = bucketCounts(lags);
            for (int bucket = 0; bucket < counts.length; bucket++) {
                dataset.addValue(100.0 * counts[bucket] / lags.size(), scheduler, bucketLabel(bucket));
            }
        });
        JFreeChart chart = ChartFactory.createBarChart(
                "Fire lag: processor start minus scheduled instant", "lag (ms)", "share of runs (%)", dataset);
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        save(chart, file);
    }

    /** One bar per scheduler: a figure of one scenario, for example the throughput. */
    static void bars(String title, String axis, List<Figure> figures, Path file) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        figures.forEach(figure -> dataset.addValue(figure.value(), figure.metric(), figure.scheduler()));
        save(ChartFactory.createBarChart(title, "scheduler", axis, dataset), file);
    }

    static int[] bucketCounts(List<Double> lags) {
        int[] counts = new int[LAG_BOUNDS.length + 1];
        for (double lag : lags) {
            int bucket = 0;
            while (bucket < LAG_BOUNDS.length && lag >= LAG_BOUNDS[bucket]) {
                bucket++;
            }
            counts[bucket]++;
        }
        return counts;
    }

    static String bucketLabel(int bucket) {
        if (bucket == 0) {
            return "< 0";
        }
        if (bucket == LAG_BOUNDS.length) {
            return "≥ " + (long) LAG_BOUNDS[bucket - 1];
        }
        return (long) LAG_BOUNDS[bucket - 1] + "–" + (long) LAG_BOUNDS[bucket];
    }

    static void save(JFreeChart chart, Path file) {
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
