package org.commitmentledger.query.encounter;

import org.commitmentledger.query.commitment.CommitmentCalendar;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * Draws a monthly series as a standalone SVG line chart: one point per month, the axis labelled, and a dashed
 * vertical line at each commitment made within the range.
 */
final class SvgChart {

    static final int WIDTH = 960;
    static final int HEIGHT = 420;
    static final int LEFT = 80;
    static final int RIGHT = 30;
    static final int TOP = 40;
    static final int BOTTOM = 60;
    /** A "yyyy-MM" label needs about 60 px; more labels than this overlap. */
    private static final int MAX_AXIS_LABELS = 13;

    private SvgChart() {
    }

    static String draw(String title, List<MonthlySeries.Month> months, List<CommitmentCalendar.Made> commitments) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"24\" font-size=\"15\">").append(escape(title))
                .append("</text>\n");
        if (months.isEmpty()) {
            svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT / 2)
                    .append("\">No figures for this range</text>\n</svg>\n");
            return svg.toString();
        }
        long max = months.stream().mapToLong(MonthlySeries.Month::count).max().orElse(1);
        long top = niceCeiling(Math.max(max, 1));
        YearMonth first = months.get(0).month();
        YearMonth last = months.get(months.size() - 1).month();
        int span = Math.max(1, monthsBetween(first, last));
        svg.append("<g stroke=\"#999\">\n");
        svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM)).append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT,
                                                                         HEIGHT - BOTTOM));
        svg.append("</g>\n");
        for (int i = 0; i <= 4; i++) {
            long value = top * i / 4;
            double y = y(value, top);
            svg.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(format(y + 4))
                    .append("\" text-anchor=\"end\">").append(String.format(Locale.ROOT, "%,d", value))
                    .append("</text>\n");
        }
        for (CommitmentCalendar.Made made : commitments) {
            double x = x(monthsBetween(first, YearMonth.from(made.madeOn())), span);
            svg.append("<g class=\"commitment\" data-commitment=\"").append(escape(made.id())).append("\">")
                    .append("<line x1=\"").append(format(x)).append("\" y1=\"").append(TOP).append("\" x2=\"")
                    .append(format(x)).append("\" y2=\"").append(HEIGHT - BOTTOM)
                    .append("\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>")
                    .append("<title>").append(escape(made.madeOn() + ": " + made.title())).append("</title></g>\n");
        }
        int labelEvery = Math.max(1, (span + MAX_AXIS_LABELS) / MAX_AXIS_LABELS);
        StringBuilder points = new StringBuilder();
        for (MonthlySeries.Month month : months) {
            int index = monthsBetween(first, month.month());
            double x = x(index, span);
            double y = y(month.count(), top);
            points.append(format(x)).append(',').append(format(y)).append(' ');
            svg.append("<circle cx=\"").append(format(x)).append("\" cy=\"").append(format(y))
                    .append("\" r=\"3\" fill=\"#1f4e79\" data-month=\"").append(month.month())
                    .append("\" data-count=\"").append(month.count()).append("\"><title>").append(month.month())
                    .append(": ").append(String.format(Locale.ROOT, "%,d", month.count()))
                    .append("</title></circle>\n");
            if (index % labelEvery == 0) {
                svg.append("<text x=\"").append(format(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                        .append("\" text-anchor=\"middle\">").append(month.month()).append("</text>\n");
            }
        }
        svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\" points=\"")
                .append(points.toString().strip()).append("\"/>\n");
        svg.append("</svg>\n");
        return svg.toString();
    }

    static double x(int monthIndex, int span) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (double) monthIndex / span;
    }

    static double y(long value, long top) {
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (double) value / top;
    }

    private static int monthsBetween(YearMonth from, YearMonth to) {
        return (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue();
    }

    private static long niceCeiling(long value) {
        long magnitude = (long) Math.pow(10, Math.floor(Math.log10(value)));
        long step = magnitude / 2 == 0 ? 1 : magnitude / 2;
        return ((value + step - 1) / step) * step;
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line x1=\"" + format(x1) + "\" y1=\"" + format(y1) + "\" x2=\"" + format(x2) + "\" y2=\""
                + format(y2) + "\"/>\n";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
