package org.commitmentledger.query.encounter;

import org.commitmentledger.query.commitment.CommitmentCalendar;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTests {

    @Test
    void drawsOnePointPerMonthHigherForLargerCountsAndMarksCommitments() throws Exception {
        List<MonthlySeries.Month> months = new MonthlySeries(Map.of(
                YearMonth.of(2023, 4), 211_992L, YearMonth.of(2023, 5), 206_690L, YearMonth.of(2023, 6), 144_556L))
                .between(YearMonth.of(2023, 4), YearMonth.of(2023, 6));

        Document svg = parse(SvgChart.draw("Encounters", months, List.of(
                new CommitmentCalendar.Made("calexico-east", "Calexico East", LocalDate.of(2023, 5, 2)))));

        Element polyline = (Element) svg.getElementsByTagName("polyline").item(0);
        double[][] points = Arrays.stream(polyline.getAttribute("points").split(" "))
                .map(point -> Arrays.stream(point.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
        assertThat(points).hasNumberOfRows(3);
        assertThat(points[0][0]).isLessThan(points[1][0]);
        assertThat(points[1][0]).isLessThan(points[2][0]);
        assertThat(points[2][1]).as("June's smaller count sits lower (larger y)").isGreaterThan(points[1][1]);
        NodeList circles = svg.getElementsByTagName("circle");
        assertThat(((Element) circles.item(2)).getAttribute("data-count")).isEqualTo("144556");
        Element marker = (Element) svg.getElementsByTagName("g").item(1);
        assertThat(marker.getAttribute("data-commitment")).isEqualTo("calexico-east");
        Element markerLine = (Element) marker.getElementsByTagName("line").item(0);
        assertThat(Double.parseDouble(markerLine.getAttribute("x1"))).isEqualTo(points[1][0]);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
