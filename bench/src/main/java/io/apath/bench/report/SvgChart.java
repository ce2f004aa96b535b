package io.apath.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain line chart as SVG text: numeric x, one or more series, optional logarithmic y, optional horizontal target
 * line. Enough for latency-vs-rate and throughput-vs-instances, with no plotting library to pull in.
 */
public final class SvgChart {

    public record Series(String name, List<double[]> points) {}

    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 380;
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();
    private Double target;
    private String targetLabel;

    public SvgChart(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    public SvgChart series(String name, List<double[]> points) {
        series.add(new Series(
                name,
                points.stream()
                        .filter(p -> !Double.isNaN(p[1]) && (!logY || p[1] > 0))
                        .toList()));
        return this;
    }

    public SvgChart target(double y, String label) {
        this.target = y;
        this.targetLabel = label;
        return this;
    }

    public String render() {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Series s : series) {
            for (double[] p : s.points()) {
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        if (target != null) {
            minY = Math.min(minY, target);
            maxY = Math.max(maxY, target);
        }
        if (minX == Double.MAX_VALUE) {
            minX = 0;
            maxX = 1;
            minY = 1;
            maxY = 10;
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        if (logY) {
            minY = Math.pow(10, Math.floor(Math.log10(minY)));
            maxY = Math.pow(10, Math.ceil(Math.log10(maxY)));
            if (maxY == minY) {
                maxY = minY * 10;
            }
        } else {
            minY = 0;
            maxY = niceCeiling(maxY * 1.05);
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                WIDTH,
                HEIGHT));
        svg.append(text(WIDTH / 2.0, 22, title, "middle", 14));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
                LEFT,
                TOP,
                plotW,
                plotH));
        // y ticks
        List<Double> yTicks = new ArrayList<>();
        if (logY) {
            for (double v = minY; v <= maxY * 1.0001; v *= 10) {
                yTicks.add(v);
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                yTicks.add(minY + (maxY - minY) * i / 5);
            }
        }
        for (double v : yTicks) {
            double y = yPos(v, minY, maxY, plotH);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
                    LEFT,
                    y,
                    LEFT + plotW,
                    y));
            svg.append(text(LEFT - 6, y + 4, label(v), "end", 11));
        }
        // x ticks at the data points of the first series (rates, instance counts)
        List<Double> xTicks = new ArrayList<>();
        series.stream()
                .flatMap(s -> s.points().stream())
                .map(p -> p[0])
                .distinct()
                .sorted()
                .forEach(xTicks::add);
        for (double v : xTicks) {
            double x = LEFT + (v - minX) / (maxX - minX) * plotW;
            svg.append(text(x, TOP + plotH + 16, label(v), "middle", 11));
        }
        svg.append(text(LEFT + plotW / 2.0, HEIGHT - 12, xLabel, "middle", 12));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
                TOP + plotH / 2.0,
                TOP + plotH / 2.0,
                escape(yLabel)));
        if (target != null) {
            double y = yPos(target, minY, maxY, plotH);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d62728\" stroke-dasharray=\"6 4\"/>%n",
                    LEFT,
                    y,
                    LEFT + plotW,
                    y));
            svg.append(text(LEFT + plotW + 6, y + 4, targetLabel, "start", 11));
        }
        int legendY = TOP + 10;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (double[] p : s.points()) {
                double x = LEFT + (p[0] - minX) / (maxX - minX) * plotW;
                double y = yPos(p[1], minY, maxY, plotH);
                path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                svg.append(String.format(
                        Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, colour));
            }
            if (!path.isEmpty()) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                        path,
                        colour));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>%n",
                    LEFT + plotW + 8,
                    legendY + 20 * i + 30,
                    colour));
            svg.append(text(LEFT + plotW + 24, legendY + 20 * i + 35, s.name(), "start", 11));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private double yPos(double v, double minY, double maxY, int plotH) {
        double f = logY
                ? (Math.log10(v) - Math.log10(minY)) / (Math.log10(maxY) - Math.log10(minY))
                : (v - minY) / (maxY - minY);
        return TOP + plotH - f * plotH;
    }

    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double v) {
        if (Math.abs(v) >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", v / 1000);
        }
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String text(double x, double y, String content, String anchor, int size) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x,
                y,
                anchor,
                size,
                escape(content));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
