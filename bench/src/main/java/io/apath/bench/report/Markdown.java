package io.apath.bench.report;

import java.util.List;
import java.util.Locale;

/** Small Markdown helpers: tables and number formatting. */
public final class Markdown {

    private Markdown() {}

    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append("---|".repeat(header.size())).append("\n");
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    /** Thousands separators, no decimals: 15234.7 → "15,235". */
    public static String count(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    public static String number(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** A target check that says which way it went, with the number. */
    public static String verdict(boolean met) {
        return met ? "**met**" : "**not met**";
    }
}
