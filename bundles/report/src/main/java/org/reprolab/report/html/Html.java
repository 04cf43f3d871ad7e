package org.reprolab.report.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A small HTML writer: every text and attribute value goes through {@link #escape}, so nothing an experiment
 * says (a series name, a claim, a parameter) can become markup. Tag and attribute names are the caller's
 * constants.
 */
public final class Html {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final StringBuilder out = new StringBuilder(16 * 1024);

    /** Escapes text for an element's body or a quoted attribute value. */
    public static String escape(String text) {
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
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A link out of the lab: http(s) only; anything else (javascript:, data:) becomes an inert "#". */
    public static String externalHref(String url) {
        if (url == null) {
            return "#";
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    ? uri.toASCIIString() : "#";
        } catch (URISyntaxException e) {
            return "#";
        }
    }

    /** A relative link to a file of the lab ('/'-separated path), every other character but the safe ones percent-encoded. */
    public static String localHref(String relativePath) {
        StringBuilder sb = new StringBuilder();
        for (byte b : relativePath.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "/-._~!$&'()*+,;=@".indexOf(c) >= 0)) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    /** Opens an element; {@code attributes} are name, value pairs (a null value leaves the attribute out). */
    public Html open(String tag, String... attributes) {
        out.append('<').append(name(tag));
        attributes(attributes);
        out.append('>');
        return this;
    }

    /** An element with no content or end tag, such as img or meta. */
    public Html empty(String tag, String... attributes) {
        return open(tag, attributes);
    }

    public Html close(String tag) {
        out.append("</").append(name(tag)).append('>');
        return this;
    }

    /** An element holding text. */
    public Html element(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    public Html text(Object text) {
        out.append(escape(text == null ? "" : text.toString()));
        return this;
    }

    /** Markup written as is: only for this bundle's own constants (the style sheet, the doctype). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    public Html newline() {
        out.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(name(attributes[i])).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an HTML name: " + name);
        }
        return name;
    }
}
