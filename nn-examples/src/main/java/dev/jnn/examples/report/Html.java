package dev.jnn.examples.report;

/** Text made safe to place in HTML or SVG, as element content or a quoted attribute. */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
