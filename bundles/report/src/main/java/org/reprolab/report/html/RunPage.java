package org.reprolab.report.html;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.Paper;
import org.reprolab.api.Table;
import org.reprolab.report.plot.Plotted;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunStatus;

/**
 * A run's own page, {@code report.html} in its folder: what ran (experiment, paper, parameters, seed, backend),
 * how it ended, the claims table, the plots, the result's tables, metrics, environment and files.
 */
public final class RunPage {

    /** The page's file name in the run's folder. */
    public static final String FILE = "report.html";

    private RunPage() {
    }

    /**
     * @param record  the run
     * @param info    the experiment's description, or null when it is no longer installed
     * @param plots   the run's figures as written (paths relative to the run's folder)
     * @param labHref the link to the lab report relative to the run's folder, or null for none
     * @param now     when the page is written
     */
    public static String render(RunRecord record, ExperimentInfo info, List<Plotted> plots, String labHref, Instant now) {
        String title = info != null ? info.title() : record.title() != null ? record.title() : record.experimentId();
        Html h = Page.begin(title + " — run " + record.runId());
        h.open("header", "class", "top").element("div", "ReproLab · run report", "class", "brand");
        if (labHref != null) {
            h.element("a", "← Lab report", "href", labHref);
        }
        h.close("header");
        h.element("h1", title);
        if (info != null) {
            paper(h, info.paper());
            if (!info.summary().isEmpty()) {
                h.element("p", info.summary(), "class", "lead");
            }
        }
        facts(h, record);
        problems(h, record);
        claims(h, record.claims());
        if ("smoke".equals(record.profile()) && record.claimCount() > 0) {
            h.element("p", "A smoke run: toy scale, to check the machinery. The claims are meant for the full profile "
                    + "(reprolab run " + record.experimentId() + " --profile full).", "class", "muted small");
        }
        figures(h, plots);
        tables(h, record.tables());
        parameters(h, record.params());
        metrics(h, record.metrics());
        environment(h, record.environment());
        files(h, record);
        h.element("footer", "Drawn by ReproLab on " + Formats.when(now) + " from run.json.");
        return Page.end(h);
    }

    static void paper(Html h, Paper paper) {
        h.open("p", "class", "paper");
        if (paper.link().isEmpty()) {
            h.element("cite", paper.title());
        } else {
            h.open("a", "href", Html.externalHref(paper.link())).element("cite", paper.title()).close("a");
        }
        String by = (paper.authors().isEmpty() ? "" : paper.authors() + ", ") + (paper.year() > 0 ? paper.year() : "");
        if (!by.isEmpty()) {
            h.text(" ").element("span", "— " + by, "class", "authors");
        }
        h.close("p");
    }

    private static void facts(Html h, RunRecord r) {
        h.open("div", "class", "facts");
        RunStatus status = Formats.statusOf(r.status());
        h.open("div").element("span", "Status");
        if (status == null) {
            h.element("b", r.status());
        } else {
            h.element("b", Formats.status(status), "class", "badge " + Formats.statusClass(status));
        }
        h.close("div");
        fact(h, "Claims held", r.claimCount() == 0 ? "–" : r.claimsHeld() + " of " + r.claimCount());
        fact(h, "Experiment", r.experimentId());
        wideFact(h, "Run", r.runId());
        fact(h, "Profile", r.profile());
        fact(h, "Seed", Long.toString(r.seed()));
        fact(h, "Backend", r.backend());
        fact(h, "Wall time", Formats.duration(r.wallSeconds()));
        fact(h, "Started", Formats.when(r.startedAt()));
        fact(h, "Ended", Formats.when(r.endedAt()));
        wideFact(h, "Bundle", (r.bundle() == null ? "–" : r.bundle()) + " " + (r.bundleVersion() == null ? "" : r.bundleVersion()));
        h.close("div");
    }

    private static void fact(Html h, String label, String value) {
        h.open("div").element("span", label).element("b", value == null ? "–" : value).close("div");
    }

    /** A fact that needs two columns: a run id or a bundle name does not break well. */
    private static void wideFact(Html h, String label, String value) {
        h.open("div", "class", "wide").element("span", label).element("b", value == null ? "–" : value).close("div");
    }

    private static void problems(Html h, RunRecord r) {
        if (r.error() != null) {
            h.open("div", "class", "alert error").element("strong", "The run ended without a result: ").text(r.error())
                    .close("div");
        }
        if (!r.warnings().isEmpty()) {
            h.open("div", "class", "alert warn").element("strong", "Warnings").open("ul");
            r.warnings().forEach(w -> h.element("li", w));
            h.close("ul").close("div");
        }
    }

    /** The claims table: statement, expected, measured, held; rows coloured by verdict. */
    static void claims(Html h, List<ClaimCheck> claims) {
        h.element("h2", "Claims");
        if (claims == null || claims.isEmpty()) {
            h.element("p", "This run checked no claims.", "class", "muted");
            return;
        }
        h.open("div", "class", "scroll").open("table", "class", "claims").open("thead").open("tr")
                .element("th", "Claim").element("th", "Statement").element("th", "Expected").element("th", "Measured")
                .element("th", "Held").close("tr").close("thead").open("tbody");
        for (ClaimCheck c : claims) {
            h.open("tr", "class", c.held() ? "held" : "missed")
                    .element("td", c.id(), "class", "mono")
                    .element("td", c.statement())
                    .element("td", c.expected(), "class", "mono")
                    .element("td", c.measured(), "class", "mono")
                    .open("td").element("span", c.held() ? "held" : "not held", "class", "badge " + (c.held() ? "held" : "missed"))
                    .close("td").close("tr");
        }
        h.close("tbody").close("table").close("div");
    }

    private static void figures(Html h, List<Plotted> plots) {
        if (plots.isEmpty()) {
            return;
        }
        h.element("h2", "Plots");
        h.open("div", "class", "figures");
        for (Plotted p : plots) {
            h.open("figure", "id", "plot-" + p.figure().fileStem());
            if (p.drawn()) {
                h.open("a", "href", Html.localHref(p.svg()), "title", "open as SVG")
                        .empty("img", "src", Html.localHref(p.png()), "alt", p.figure().title(), "loading", "lazy",
                                "width", Integer.toString(p.width()), "height", Integer.toString(p.height()))
                        .close("a");
            }
            h.open("figcaption").text(p.figure().title());
            if (p.drawn()) {
                h.text(" · ").element("a", "PNG", "href", Html.localHref(p.png())).text(" · ")
                        .element("a", "SVG", "href", Html.localHref(p.svg()));
            } else {
                h.element("span", "could not be drawn: " + p.error(), "class", "note");
            }
            if (!p.figure().declared()) {
                h.element("span", "not declared by the experiment: drawn as a line plot", "class", "note");
            }
            p.notes().forEach(n -> h.element("span", n, "class", "note"));
            h.close("figcaption").close("figure");
        }
        h.close("div");
    }

    private static void tables(Html h, List<Table> tables) {
        if (tables == null || tables.isEmpty()) {
            return;
        }
        h.element("h2", "Tables");
        for (Table t : tables) {
            h.element("h3", t.name());
            h.open("div", "class", "scroll").open("table", "class", "data").open("thead").open("tr");
            t.columns().forEach(c -> h.element("th", c));
            h.close("tr").close("thead").open("tbody");
            for (List<String> row : t.rows()) {
                h.open("tr");
                row.forEach(cell -> h.element("td", cell));
                h.close("tr");
            }
            h.close("tbody").close("table").close("div");
        }
    }

    private static void parameters(Html h, Map<String, Object> params) {
        h.element("h2", "Parameters");
        if (params == null || params.isEmpty()) {
            h.element("p", "None.", "class", "muted");
            return;
        }
        h.open("div", "class", "scroll").open("table").open("thead").open("tr").element("th", "Parameter")
                .element("th", "Value").close("tr").close("thead").open("tbody");
        params.forEach((k, v) -> h.open("tr").element("td", k, "class", "mono").element("td", value(v), "class", "mono")
                .close("tr"));
        h.close("tbody").close("table").close("div");
    }

    /** A parameter as a person writes it: numbers with four significant digits, lists in brackets. */
    static String value(Object v) {
        if (v instanceof Double d) {
            return ClaimCheck.format(d);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(RunPage::value).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(v);
    }

    private static void metrics(Html h, Map<String, Double> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            return;
        }
        h.open("details").element("summary", "Metrics (" + metrics.size() + ")");
        h.open("div", "class", "scroll").open("table").open("thead").open("tr").element("th", "Metric")
                .element("th", "Value").close("tr").close("thead").open("tbody");
        metrics.forEach((k, v) -> h.open("tr").element("td", k, "class", "mono")
                .element("td", v == null ? "–" : ClaimCheck.format(v), "class", "num").close("tr"));
        h.close("tbody").close("table").close("div").close("details");
    }

    private static void environment(Html h, Map<String, String> environment) {
        if (environment == null || environment.isEmpty()) {
            return;
        }
        h.open("details").element("summary", "Environment");
        h.open("div", "class", "scroll").open("table").open("tbody");
        environment.forEach((k, v) -> h.open("tr").element("td", k, "class", "mono").element("td", v).close("tr"));
        h.close("tbody").close("table").close("div").close("details");
    }

    private static void files(Html h, RunRecord r) {
        h.element("h2", "Files");
        h.open("ul", "class", "files");
        for (String f : List.of("run.json", "metrics.csv", "run.log")) {
            h.open("li").element("a", f, "href", f, "class", "mono").close("li");
        }
        if (r.artifacts() != null) {
            for (String a : r.artifacts()) {
                if (!a.startsWith("plots/") && !a.equals(FILE)) {
                    h.open("li").element("a", a, "href", Html.localHref(a), "class", "mono").close("li");
                }
            }
        }
        h.close("ul");
    }
}
