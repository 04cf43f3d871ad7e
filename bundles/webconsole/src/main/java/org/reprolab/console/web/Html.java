package org.reprolab.console.web;

/** Escaping for text that goes into the console's HTML. */
final class Html {

    private Html() {
    }

    /**
     * Escapes text for an element body or a quoted attribute. {@code $} is escaped too: the Web Console
     * replaces {@code ${name}} in HTML responses with its own variables, which an experiment's text must not reach.
     */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '$' -> sb.append("&#36;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A URL for an href: only http(s) links pass, anything else (javascript:, data:) becomes inert. */
    static String href(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? esc(url) : "#";
    }
}
