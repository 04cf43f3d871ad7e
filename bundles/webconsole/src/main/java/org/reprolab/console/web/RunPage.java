package org.reprolab.console.web;

import static org.reprolab.console.web.Html.esc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Series;
import org.reprolab.runtime.RunRecord;

/**
 * One run: what was asked, then either a Cancel button and a progress bar its script keeps current (reloading
 * the page when the run ends) or the outcome: the claims table, the plots and the metrics.
 */
final class RunPage {

    private RunPage() {
    }

    static String render(String root, RunRecord run, boolean active) {
        StringBuilder html = new StringBuilder(PageStyle.CSS);
        html.append("<p><a href=\"").append(esc(root)).append("\">← all experiments</a></p>\n")
                .append("<h2>Run ").append(esc(run.runId())).append("</h2>\n<p>").append(esc(run.title()))
                .append(" (").append(esc(run.experimentId())).append("), profile ").append(esc(run.profile()))
                .append(", seed ").append(run.seed()).append(", backend ").append(esc(run.backend()))
                .append(", params ").append(esc(String.valueOf(run.params()))).append("</p>\n<p>Status: <b id=\"status\">")
                .append(esc(run.status().toLowerCase(Locale.ROOT))).append("</b>");
        if (run.wallSeconds() > 0) {
            html.append(String.format(Locale.ROOT, " in %.1f s", run.wallSeconds()));
        }
        html.append("</p>\n");
        if (active) {
            cancelForm(html, root, run.runId());
            progress(html, root, run.runId());
            return html.toString();
        }
        if (run.error() != null) {
            html.append("<p class=\"rl-error\">").append(esc(run.error())).append("</p>\n");
        }
        if (run.artifacts().contains("report.html")) {
            html.append("<p><a id=\"report\" href=\"").append(esc(RunFiles.reportHref(root, run.runId())))
                    .append("\">The run's report</a> (every plot as PNG and SVG) · <a href=\"")
                    .append(esc(root + RunFiles.PREFIX + RunFiles.LAB_REPORT)).append("\">the lab report</a></p>\n");
        }
        claims(html, run.claims());
        plots(html, run.series());
        metrics(html, run.metrics());
        return html.toString();
    }

    /** Posts {@code action=cancel}; the engine records the run as cancelled and the poll then reloads the page. */
    private static void cancelForm(StringBuilder html, String root, String runId) {
        html.append("<form class=\"rl-cancel-form\" method=\"post\" action=\"").append(esc(root)).append("\">")
                .append("<input type=\"hidden\" name=\"action\" value=\"cancel\">")
                .append("<input type=\"hidden\" name=\"run\" value=\"").append(esc(runId)).append("\">")
                .append("<button type=\"submit\" id=\"cancel\">Cancel run</button></form>\n");
    }

    private static void progress(StringBuilder html, String root, String runId) {
        // String concatenation, not template literals: the Web Console would read "${…}" as its own variables.
        html.append("<div id=\"progress\"><progress max=\"1\" value=\"0\"></progress> <span id=\"progress-text\"></span></div>\n")
                .append("<script>\n(function () {\n")
                .append("  var url = ").append(RunProgress.quote(root + "/progress.json?run=" + runId)).append(";\n")
                .append("""
                          function poll() {
                            fetch(url, {credentials: 'same-origin', cache: 'no-store'}).then(function (r) { return r.json(); })
                              .then(function (p) {
                                document.getElementById('status').textContent = p.status.toLowerCase();
                                if (p.final) { location.reload(); return; }
                                var bar = document.querySelector('#progress progress');
                                if (p.total > 0) { bar.max = p.total; bar.value = p.done; } else { bar.removeAttribute('value'); }
                                document.getElementById('progress-text').textContent =
                                    (p.total > 0 ? p.done + ' / ' + p.total + ' ' : '') + p.message;
                                setTimeout(poll, 500);
                              }, function () { setTimeout(poll, 2000); });
                          }
                          poll();
                        })();
                        </script>
                        """);
    }

    private static void claims(StringBuilder html, List<ClaimCheck> claims) {
        if (claims == null || claims.isEmpty()) {
            return;
        }
        long held = claims.stream().filter(ClaimCheck::held).count();
        html.append("<h3>Claims: ").append(held).append(" of ").append(claims.size()).append(" held</h3>\n")
                .append("<table class=\"nicetable\" id=\"claims\"><tr><th>claim</th><th>statement</th><th>expected</th>")
                .append("<th>measured</th><th>held</th></tr>\n");
        for (ClaimCheck c : claims) {
            html.append("<tr><td>").append(esc(c.id())).append("</td><td>").append(esc(c.statement())).append("</td><td>")
                    .append(esc(c.expected())).append("</td><td>").append(esc(c.measured())).append("</td><td class=\"")
                    .append(c.held() ? "rl-held\">yes" : "rl-not-held\">no").append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void plots(StringBuilder html, List<Series> series) {
        if (series == null || series.isEmpty()) {
            return;
        }
        Map<String, List<Series>> byPlot = new LinkedHashMap<>();
        series.forEach(s -> byPlot.computeIfAbsent(s.plot(), k -> new java.util.ArrayList<>()).add(s));
        html.append("<h3>Plots</h3>\n<div class=\"rl-plots\">\n");
        byPlot.forEach((plot, curves) -> html.append(SvgPlot.render(plot, curves)));
        html.append("</div>\n");
    }

    private static void metrics(StringBuilder html, Map<String, Double> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            return;
        }
        html.append("<h3>Metrics</h3>\n<table class=\"nicetable\" id=\"metrics\">\n");
        metrics.forEach((name, value) -> html.append("<tr><th>").append(esc(name)).append("</th><td>")
                .append(esc(ClaimCheck.format(value))).append("</td></tr>\n"));
        html.append("</table>\n");
    }
}
