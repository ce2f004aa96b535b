package io.apath.ingest.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain text from the small HTML subset that Mastodon statuses and feed summaries carry. */
final class HtmlText {

    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>\\s*<p[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

    private HtmlText() {}

    static String of(String html) {
        if (html == null) {
            return null;
        }
        String text = TAG.matcher(BREAK.matcher(html).replaceAll("\n")).replaceAll("");
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1))));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    private static String decode(String entity) {
        switch (entity) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            case "nbsp":
                return " ";
            default:
                try {
                    int codePoint = entity.startsWith("#x") || entity.startsWith("#X")
                            ? Integer.parseInt(entity.substring(2), 16)
                            : Integer.parseInt(entity.substring(1));
                    return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : "";
                } catch (NumberFormatException e) {
                    return "";
                }
        }
    }
}
