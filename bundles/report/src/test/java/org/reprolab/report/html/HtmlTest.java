package org.reprolab.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void textAndAttributesAreEscaped() {
        String html = new Html().open("p", "title", "\"><script>x</script>").text("<b>&'").close("p").toString();
        assertEquals("<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">&lt;b&gt;&amp;&#39;</p>", html);
        assertEquals("<i></i>", new Html().element("i", null).toString());
        assertEquals("<a>x</a>", new Html().element("a", "x", "href", null).toString(), "a null value leaves the attribute out");
    }

    @Test
    void onlyWebLinksLeaveTheLab() {
        assertEquals("https://arxiv.org/abs/2311.14646", Html.externalHref("https://arxiv.org/abs/2311.14646"));
        assertEquals("#", Html.externalHref("javascript:alert(1)"));
        assertEquals("#", Html.externalHref(" JaVaScRiPt:alert(1)"));
        assertEquals("#", Html.externalHref("data:text/html,<script>"));
        assertEquals("#", Html.externalHref(null));
    }

    @Test
    void localLinksAreEncodedPathsThatCannotBecomeSchemes() {
        assertEquals("../index.html", Html.localHref("../index.html"));
        assertEquals("plots/a%20b%23c.png", Html.localHref("plots/a b#c.png"));
        assertEquals("javascript%3Aalert(1)", Html.localHref("javascript:alert(1)"));
    }

    @Test
    void namesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Html().open("p onclick=x"));
        assertThrows(IllegalArgumentException.class, () -> new Html().open("p", "title"));
    }
}
