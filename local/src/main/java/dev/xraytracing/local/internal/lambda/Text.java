package dev.xraytracing.local.internal.lambda;

/** Small text helpers for one-line messages. */
final class Text {
    private Text() {
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
