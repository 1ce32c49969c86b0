package io.newsflow.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.newsflow.store.StoreQueries;

/** A bar chart of an entity's mentions per day, as inline SVG drawn on the server (no script). */
public final class MentionChart {

    static final int MAX_DAYS = 120;
    private static final int WIDTH = 720;
    private static final int HEIGHT = 160;
    private static final int AXIS = 22;

    private MentionChart() {
    }

    public static String svg(List<StoreQueries.DayCount> perDay) {
        if (perDay.isEmpty()) {
            return "<p class=\"muted\">No dated articles to chart.</p>";
        }
        Map<LocalDate, Long> counts = new TreeMap<>();
        perDay.forEach(d -> counts.merge(d.day(), d.count(), Long::sum));
        LocalDate last = ((TreeMap<LocalDate, Long>) counts).lastKey();
        LocalDate first = ((TreeMap<LocalDate, Long>) counts).firstKey();
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            first = last.minusDays(MAX_DAYS - 1);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        long max = days.stream().mapToLong(d -> counts.getOrDefault(d, 0L)).max().orElse(1);
        double slot = (double) WIDTH / days.size();
        double bar = Math.max(1, Math.min(slot * 0.8, 40));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT + AXIS).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT + AXIS)
                .append("\" role=\"img\" aria-label=\"Mentions per day\">");
        svg.append("<line x1=\"0\" y1=\"").append(HEIGHT).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(HEIGHT).append("\" stroke=\"#999\"/>");
        for (int i = 0; i < days.size(); i++) {
            long n = counts.getOrDefault(days.get(i), 0L);
            if (n == 0) {
                continue;
            }
            double h = Math.max(2, (HEIGHT - 14) * (double) n / max);
            svg.append(String.format(java.util.Locale.ROOT,
                    "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s: %d</title></rect>",
                    i * slot + (slot - bar) / 2, HEIGHT - h, bar, h, days.get(i), n));
        }
        svg.append("<text x=\"0\" y=\"").append(HEIGHT + 16).append("\" class=\"axis\">").append(first).append("</text>");
        svg.append("<text x=\"").append(WIDTH).append("\" y=\"").append(HEIGHT + 16)
                .append("\" text-anchor=\"end\" class=\"axis\">").append(last).append("</text>");
        svg.append("<text x=\"4\" y=\"12\" class=\"axis\">max ").append(max).append("/day</text>");
        svg.append("</svg>");
        return svg.toString();
    }
}
