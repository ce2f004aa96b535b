package io.apath.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    @Test
    void rendersOnePathPerSeriesWithALegendAndTheTargetLine() {
        String svg = new SvgChart("t", "rate", "ms", true)
                .series("p50", List.of(new double[] {500, 40}, new double[] {2000, 60}))
                .series("p99", List.of(new double[] {500, 90}, new double[] {2000, 300}))
                .target(250, "target")
                .render();
        assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
        assertThat(svg.split("<path ", -1)).hasSize(3);
        assertThat(svg).contains(">p50<", ">p99<", ">target<", "stroke-dasharray");
    }

    @Test
    void leavesOutPointsWithoutAValue() {
        String svg = new SvgChart("t", "x", "y", true)
                .series("s", List.of(new double[] {1, Double.NaN}, new double[] {2, 0}, new double[] {3, 5}))
                .render();
        assertThat(svg.split("<circle ", -1)).hasSize(2);
    }

    @Test
    void niceCeilingsForLinearAxes() {
        assertThat(SvgChart.niceCeiling(13_100)).isEqualTo(20_000);
        assertThat(SvgChart.niceCeiling(2_100)).isEqualTo(2_500);
        assertThat(SvgChart.niceCeiling(0.7)).isEqualTo(1);
    }
}
