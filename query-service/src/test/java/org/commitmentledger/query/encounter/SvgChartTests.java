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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

    @Test
    void labelsTwoYearsOfMonthsWithoutOverlap() throws Exception {
        Map<YearMonth, Long> counts = new HashMap<>();
        for (YearMonth month = YearMonth.of(2021, 10); !month.isAfter(YearMonth.of(2023, 9)); month = month.plusMonths(1)) {
            counts.put(month, 150_000L);
        }
        List<MonthlySeries.Month> months = new MonthlySeries(counts)
                .between(YearMonth.of(2021, 10), YearMonth.of(2023, 9));

        NodeList texts = parse(SvgChart.draw("Encounters", months, List.of())).getElementsByTagName("text");
        List<Double> monthLabelPositions = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            if (text.getTextContent().matches("\\d{4}-\\d{2}")) {
                monthLabelPositions.add(Double.parseDouble(text.getAttribute("x")));
            }
        }
        assertThat(monthLabelPositions).hasSizeBetween(6, 13).first().isEqualTo(SvgChart.x(0, 23));
        for (int i = 1; i < monthLabelPositions.size(); i++) {
            assertThat(monthLabelPositions.get(i) - monthLabelPositions.get(i - 1)).isGreaterThanOrEqualTo(60);
        }
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
