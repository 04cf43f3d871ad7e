package org.reprolab.report.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reprolab.api.ClaimCheck;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunStatus;

/**
 * The lab's front page ({@code index.html} of the run store): for every experiment, grouped by family, its paper,
 * whether its claims held in its latest run, how that run ended, where and how long it ran, and a link to the
 * run's own page; above them, the totals.
 */
public final class LabPage {

    /** The family of experiments that have runs but are not installed any more. */
    static final String NOT_INSTALLED = "not installed";

    private LabPage() {
    }

    /**
     * @param entries  every experiment to list
     * @param runsRoot the run store's folder, for the reader
     * @param now      when the report is written
     */
    public static String render(List<LabEntry> entries, String runsRoot, Instant now) {
        Html h = Page.begin("ReproLab — reproduction report");
        h.open("header", "class", "top").element("div", "ReproLab", "class", "brand")
                .element("div", "generated " + Formats.when(now), "class", "muted small").close("header");
        h.element("h1", "Reproduction report");
        h.element("p", "The latest successful full-profile run of every experiment (else its latest run): what "
                + "each paper claims, and whether the claim held at the scale it ran. Runs are read from " + runsRoot + ".", "class", "lead");
        summary(h, entries);
        if (entries.isEmpty()) {
            h.element("p", "No experiment is installed and no run is stored yet. Install a feature "
                    + "(reprolab feature install theory) and run an experiment (reprolab run <id>).", "class", "muted");
        }
        Map<String, List<LabEntry>> families = new TreeMap<>(Comparator.comparing((String f) -> f.equals(NOT_INSTALLED))
                .thenComparing(Comparator.naturalOrder()));
        for (LabEntry e : entries) {
            families.computeIfAbsent(e.family(), k -> new ArrayList<>()).add(e);
        }
        families.forEach((family, members) -> family(h, family, members));
        h.open("footer").text("Written by ").element("code", "reprolab report").text(" from each run's run.json. "
                + "A claim \"held\" when the measured value met the specification's threshold in that run.").close("footer");
        return Page.end(h);
    }

    private static void summary(Html h, List<LabEntry> entries) {
        long papers = entries.stream().map(e -> e.info() == null ? e.experimentId() : e.info().paper().title()).distinct().count();
        long claims = entries.stream().filter(e -> e.latest() != null).mapToLong(e -> e.latest().claimCount()).sum();
        long held = entries.stream().filter(e -> e.latest() != null).mapToLong(e -> e.latest().claimsHeld()).sum();
        long ran = entries.stream().filter(e -> e.latest() != null).count();
        long reproduced = entries.stream().filter(LabEntry::reproduced).count();
        long notRun = entries.size() - ran;
        long endedEarly = entries.stream().filter(e -> e.latest() != null && !"SUCCEEDED".equals(e.latest().status())).count();
        h.open("div", "class", "cards");
        card(h, Long.toString(papers), papers == 1 ? "paper" : "papers", "");
        card(h, held + " / " + claims, "claims held in the latest runs", claims == 0 ? "" : held == claims ? "good" : "bad");
        card(h, reproduced + " / " + ran, "experiments with every claim held", ran > 0 && reproduced == ran ? "good" : "");
        card(h, Long.toString(notRun), "not run yet", "");
        card(h, Long.toString(endedEarly), "latest run failed or stopped", endedEarly > 0 ? "bad" : "");
        h.close("div");
    }

    private static void card(Html h, String value, String label, String tone) {
        h.open("div", "class", tone.isEmpty() ? "card" : "card " + tone).element("div", value, "class", "value")
                .element("div", label, "class", "label").close("div");
    }

    private static void family(Html h, String family, List<LabEntry> members) {
        h.open("h2").text(family.equals(NOT_INSTALLED) ? "Runs of experiments not installed" : "Family " + family)
                .element("span", "  " + members.size() + (members.size() == 1 ? " experiment" : " experiments"),
                        "class", "muted small")
                .close("h2");
        h.open("div", "class", "scroll").open("table", "class", "lab").open("thead").open("tr")
                .element("th", "Paper and experiment").element("th", "Claims").element("th", "Status")
                .element("th", "Run").element("th", "Backend").element("th", "Wall time").element("th", "Ended")
                .close("tr").close("thead").open("tbody");
        members.stream().sorted(Comparator.comparing(LabEntry::experimentId)).forEach(e -> row(h, e));
        h.close("tbody").close("table").close("div");
    }

    private static void row(Html h, LabEntry e) {
        RunRecord r = e.latest();
        h.open("tr", "id", "experiment-" + e.experimentId());
        h.open("td");
        if (e.runHref() != null) {
            h.open("a", "href", e.runHref()).element("strong", e.title()).close("a");
        } else {
            h.element("strong", e.title());
        }
        if (e.info() != null) {
            RunPage.paper(h, e.info().paper());
        }
        h.element("div", e.experimentId(), "class", "mono muted");
        h.close("td");

        h.open("td");
        if (r == null || r.claimCount() == 0) {
            h.element("span", "–", "class", "muted");
        } else {
            int percent = (int) Math.round(100.0 * r.claimsHeld() / r.claimCount());
            h.element("strong", r.claimsHeld() + " / " + r.claimCount()).text(" held")
                    .open("span", "class", "meter", "title", percent + " % held")
                    .empty("i", "style", "width:" + percent + "%").close("i").close("span");
            h.open("div", "class", "chips");
            for (ClaimCheck c : r.claims()) {
                h.element("span", c.id(), "class", "chip " + (c.held() ? "held" : "missed"),
                        "title", (c.held() ? "held: " : "not held: ") + c.statement() + " — measured " + c.measured()
                                + ", expected " + c.expected());
            }
            h.close("div");
            if ("smoke".equals(r.profile())) {
                h.element("div", "smoke profile: toy scale, to check the machinery; the claims are meant for the full "
                        + "profile", "class", "muted small");
            }
        }
        h.close("td");

        h.open("td");
        if (r == null) {
            h.element("span", "not run yet", "class", "badge idle");
            h.element("div", "reprolab run " + e.experimentId(), "class", "mono muted small");
        } else {
            RunStatus status = Formats.statusOf(r.status());
            h.element("span", status == null ? r.status() : Formats.status(status),
                    "class", "badge " + (status == null ? "idle" : Formats.statusClass(status)));
            if (r.error() != null) {
                h.element("div", shorten(r.error(), 90), "class", "muted small", "title", r.error());
            }
        }
        h.close("td");

        if (r == null) {
            h.element("td", "", "class", "muted").element("td", "").element("td", "").element("td", "");
        } else {
            h.open("td", "class", "nowrap").text(r.profile() + " · seed " + r.seed());
            h.element("div", e.runs() == 1 ? "1 run" : e.runs() + " runs", "class", "muted small").close("td");
            h.element("td", r.backend(), "class", "mono");
            h.element("td", Formats.duration(r.wallSeconds()), "class", "num");
            h.element("td", Formats.when(r.endedAt() != null ? r.endedAt() : r.queuedAt()), "class", "small nowrap");
        }
        h.close("tr");
    }

    private static String shorten(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
