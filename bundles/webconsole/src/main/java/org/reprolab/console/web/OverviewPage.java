package org.reprolab.console.web;

import static org.reprolab.console.web.Html.esc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.Profile;
import org.reprolab.runtime.BackendInfo;
import org.reprolab.runtime.FeatureInfo;
import org.reprolab.runtime.FeatureService;
import org.reprolab.runtime.RegisteredExperiment;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunRequest;

/** The page's main view: each feature with its experiments and their start forms, then the recent runs. */
final class OverviewPage {

    private static final int RECENT_RUNS = 15;

    private OverviewPage() {
    }

    static String render(String root, List<RegisteredExperiment> experiments, Optional<FeatureService> features,
                         List<BackendInfo> backends, List<RunRecord> runs, String error) {
        StringBuilder html = new StringBuilder(PageStyle.CSS);
        if (error != null) {
            html.append("<p class=\"rl-error\" id=\"error\">").append(esc(error)).append("</p>\n");
        }
        Map<String, List<RegisteredExperiment>> byFeature = experiments.stream()
                .collect(Collectors.groupingBy(e -> e.experiment().info().feature(), TreeMap::new, Collectors.toList()));
        Map<String, FeatureInfo> known = features.map(f -> f.features().stream()
                .collect(Collectors.toMap(FeatureInfo::name, Function.identity(), (a, b) -> a, TreeMap::new)))
                .orElseGet(TreeMap::new);
        TreeMap<String, Boolean> names = new TreeMap<>();
        byFeature.keySet().forEach(n -> names.put(n, true));
        known.keySet().forEach(n -> names.put(n, true));
        for (String feature : names.keySet()) {
            html.append("<section class=\"rl-feature\" id=\"feature-").append(esc(feature)).append("\">\n<h2>Feature ")
                    .append(esc(feature)).append("</h2>\n");
            FeatureInfo info = known.get(feature);
            if (info != null) {
                featureControls(html, root, info);
            }
            for (RegisteredExperiment e : byFeature.getOrDefault(feature, List.of())) {
                experiment(html, root, e, backends);
            }
            html.append("</section>\n");
        }
        if (names.isEmpty()) {
            html.append("<p>No experiments are installed.</p>\n");
        }
        recentRuns(html, root, runs);
        return html.toString();
    }

    private static void featureControls(StringBuilder html, String root, FeatureInfo info) {
        if (info.installed() && info.name().equals(FeatureService.CORE)) {
            // The service refuses to uninstall the platform itself: no button that can only fail.
            html.append("<p class=\"rl-feature-form\"><span>").append(esc(info.summary()))
                    .append(" (installed; the platform itself)</span></p>\n");
            return;
        }
        String action = info.installed() ? "uninstall" : "install";
        html.append("<form class=\"rl-feature-form\" method=\"post\" action=\"").append(esc(root)).append("\">")
                .append("<span>").append(esc(info.summary())).append(info.installed() ? " (installed)" : " (not installed)")
                .append("</span> <input type=\"hidden\" name=\"action\" value=\"").append(action).append("\">")
                .append("<input type=\"hidden\" name=\"feature\" value=\"").append(esc(info.name())).append("\">")
                .append("<button type=\"submit\" id=\"").append(action).append('-').append(esc(info.name())).append("\">")
                .append(info.installed() ? "Uninstall" : "Install").append("</button></form>\n");
    }

    private static void experiment(StringBuilder html, String root, RegisteredExperiment registered, List<BackendInfo> backends) {
        ExperimentInfo info = registered.experiment().info();
        String id = info.id();
        html.append("<div class=\"rl-experiment\" id=\"experiment-").append(esc(id)).append("\">\n<h3>")
                .append(esc(info.title())).append(" <small>").append(esc(id)).append(" · bundle ")
                .append(esc(registered.bundleSymbolicName())).append(' ').append(esc(registered.bundleVersion()))
                .append("</small></h3>\n<p>Paper: <a href=\"").append(Html.href(info.paper().link())).append("\">")
                .append(esc(info.paper().title())).append("</a> (").append(info.paper().year()).append(")</p>\n");
        if (!info.summary().isEmpty()) {
            html.append("<p>").append(esc(info.summary())).append("</p>\n");
        }
        html.append("<form method=\"post\" action=\"").append(esc(root)).append("\">\n")
                .append("<input type=\"hidden\" name=\"action\" value=\"start\">")
                .append("<input type=\"hidden\" name=\"experiment\" value=\"").append(esc(id)).append("\">\n")
                .append("<table class=\"nicetable rl-params\"><tr><th>profile</th><td><select name=\"profile\">");
        for (Profile p : Profile.values()) {
            html.append("<option>").append(p.id()).append("</option>");
        }
        html.append("</select></td><td>smoke: seconds; full: the paper's experiment</td></tr>\n")
                .append("<tr><th>seed</th><td><input name=\"seed\" type=\"number\" value=\"").append(RunRequest.DEFAULT_SEED)
                .append("\"></td><td>every random draw derives from it</td></tr>\n")
                .append("<tr><th>backend</th><td><select name=\"backend\">");
        for (BackendInfo b : backends) {
            html.append("<option value=\"").append(esc(b.kind())).append('"')
                    .append(b.kind().equals(RunRequest.DEFAULT_BACKEND) ? " selected" : "")
                    .append(b.available() ? "" : " disabled").append(" title=\"")
                    .append(esc(b.available() ? b.description() : b.unavailableReason())).append("\">").append(esc(b.kind()))
                    .append(b.available() ? "" : " (unavailable)").append("</option>");
        }
        html.append("</select></td><td>compute backend (hover for its device, or why it is unavailable)</td></tr>\n");
        for (ParamSpec<?> spec : registered.experiment().params()) {
            param(html, spec);
        }
        html.append("</table>\n<button type=\"submit\" class=\"rl-start\" id=\"start-").append(esc(id))
                .append("\">Start</button>\n</form>\n</div>\n");
    }

    private static void param(StringBuilder html, ParamSpec<?> spec) {
        String name = RunForm.PARAM_PREFIX + spec.name();
        String defaults = "smoke " + spec.format(spec.defaultFor(Profile.SMOKE)) + " · full " + spec.format(spec.defaultFor(Profile.FULL));
        html.append("<tr><th>").append(esc(spec.name())).append("</th><td>");
        if (spec.choices().isEmpty()) {
            html.append("<input name=\"").append(esc(name)).append("\" placeholder=\"").append(esc(defaults)).append("\">");
        } else {
            html.append("<select name=\"").append(esc(name)).append("\"><option value=\"\">(").append(esc(defaults))
                    .append(")</option>");
            spec.choices().forEach(c -> html.append("<option>").append(esc(c)).append("</option>"));
            html.append("</select>");
        }
        html.append("</td><td>").append(esc(spec.help())).append(" — ").append(esc(spec.accepts()))
                .append("; empty: the profile's default</td></tr>\n");
    }

    private static void recentRuns(StringBuilder html, String root, List<RunRecord> runs) {
        html.append("<h2>Recent runs</h2>\n");
        if (runs.isEmpty()) {
            html.append("<p>No runs yet.</p>\n");
            return;
        }
        html.append("<table class=\"nicetable\" id=\"runs\"><tr><th>run</th><th>experiment</th><th>profile</th>")
                .append("<th>seed</th><th>status</th><th>claims held</th></tr>\n");
        for (RunRecord r : runs.subList(0, Math.min(RECENT_RUNS, runs.size()))) {
            html.append("<tr><td><a href=\"").append(esc(root)).append("?run=").append(esc(r.runId())).append("\">")
                    .append(esc(r.runId())).append("</a></td><td>").append(esc(r.experimentId())).append("</td><td>")
                    .append(esc(r.profile())).append("</td><td>").append(r.seed()).append("</td><td>")
                    .append(esc(r.status().toLowerCase(java.util.Locale.ROOT))).append("</td><td>")
                    .append(r.claimCount() == 0 ? "" : r.claimsHeld() + " / " + r.claimCount()).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }
}
