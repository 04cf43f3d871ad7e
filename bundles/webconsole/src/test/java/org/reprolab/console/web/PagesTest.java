package org.reprolab.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reprolab.api.ClaimCheck;
import org.reprolab.api.Experiment;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.Paper;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.Profile;
import org.reprolab.api.Result;
import org.reprolab.api.RunContext;
import org.reprolab.api.Series;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.runtime.FeatureInfo;
import org.reprolab.runtime.FeatureService;
import org.reprolab.runtime.BackendInfo;
import org.reprolab.runtime.RegisteredExperiment;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunRequest;
import org.junit.jupiter.api.Test;

class PagesTest {

    private static final String ROOT = "/system/console/experiments";

    /** An experiment whose every text tries to break out of the page. */
    private static final class Hostile implements Experiment {
        @Override
        public ExperimentInfo info() {
            return new ExperimentInfo("hostile", "<script>alert(1)</script>",
                    new Paper("${appRoot} & \"quotes\"", "A. Uthor", 2024, "javascript:alert(1)"), "theory", List.of(), "<b>bold</b>");
        }

        @Override
        public List<ParamSpec<?>> params() {
            return List.of(ParamSpec.ofInt("trials", 1, 3, "<i>trials</i>"),
                    ParamSpec.ofChoice("mode", "a", "b", List.of("a", "b"), "which"));
        }

        @Override
        public Result run(RunContext ctx) {
            throw new UnsupportedOperationException();
        }
    }

    /** A FeatureService as the feature installer would register it: core, one installed feature, one not. */
    private static final class FakeFeatures implements FeatureService {
        @Override
        public List<FeatureInfo> features() {
            return List.of(new FeatureInfo("core", "the platform", List.of(), List.of("a"), true),
                    new FeatureInfo("theory", "theory papers", List.of("core"), List.of("b"), true),
                    new FeatureInfo("autoencoders", "autoencoder papers", List.of("theory"), List.of("c"), false));
        }

        @Override
        public FeatureInfo install(String name) {
            throw new BadRequestException("not in this test");
        }

        @Override
        public FeatureInfo uninstall(String name) {
            throw new BadRequestException("not in this test");
        }
    }

    private static final List<BackendInfo> BACKENDS = List.of(new BackendInfo("jvm", true, "JVM", "", Map.of()),
            new BackendInfo("opencl", false, "", "no OpenCL device", Map.of()));
    private static final List<RegisteredExperiment> EXPERIMENTS =
            List.of(new RegisteredExperiment(new Hostile(), "org.example.hostile", "1.0.0", 7));

    @Test
    void everyExperimentStringIsEscapedAndLinksAreHttpOnly() {
        String html = OverviewPage.render(ROOT, EXPERIMENTS, Optional.empty(), BACKENDS, List.of(), "<img src=x onerror=alert(1)>");
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<b>bold"), html);
        assertFalse(html.contains("${"), "the Web Console must not see its variables in experiment text");
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    }

    @Test
    void theFormOffersProfilesSeedBackendAndEachParameterWithItsDefaults() {
        String html = OverviewPage.render(ROOT, EXPERIMENTS, Optional.empty(), BACKENDS, List.of(), null);
        assertTrue(html.contains("<section class=\"rl-feature\" id=\"feature-theory\">"), html);
        assertTrue(html.contains("<option>smoke</option><option>full</option>"), html);
        assertTrue(html.contains("name=\"seed\""), html);
        assertTrue(html.contains("<option value=\"jvm\" selected title=\"JVM\">jvm</option>"), html);
        assertTrue(html.contains("<option value=\"opencl\" disabled title=\"no OpenCL device\">opencl (unavailable)</option>"), html);
        assertTrue(html.contains("name=\"p.trials\" placeholder=\"smoke 1 · full 3\""), html);
        assertTrue(html.contains("<select name=\"p.mode\"><option value=\"\">(smoke a · full b)</option><option>a</option>"), html);
        assertTrue(html.contains("id=\"start-hostile\""), html);
    }

    @Test
    void featureButtonsAppearOnlyWithAFeatureService() {
        String without = OverviewPage.render(ROOT, EXPERIMENTS, Optional.empty(), BACKENDS, List.of(), null);
        assertFalse(without.contains("Install") || without.contains("Uninstall"), without);

        String with = OverviewPage.render(ROOT, EXPERIMENTS, Optional.of(new FakeFeatures()), BACKENDS, List.of(), null);
        assertTrue(with.contains("id=\"uninstall-theory\""), "installed: can be uninstalled");
        assertTrue(with.contains("id=\"install-autoencoders\""), "not installed, no experiments yet: can be installed");
        assertTrue(with.contains("id=\"feature-autoencoders\""), with);
        assertFalse(with.contains("id=\"uninstall-core\""), "core, the platform itself, cannot be uninstalled: no button");
        assertTrue(with.contains("the platform (installed; the platform itself)"), with);
    }

    @Test
    void theStartFormBecomesARequestWithOnlyTheTypedParameters() {
        RunRequest request = RunForm.request(Map.of("experiment", new String[] {"hostile"}, "profile", new String[] {"full"},
                "seed", new String[] {" 7 "}, "backend", new String[] {""}, "p.trials", new String[] {"5"},
                "p.mode", new String[] {""}, "action", new String[] {"start"}));
        assertEquals("hostile", request.experimentId());
        assertEquals(Profile.FULL, request.profile());
        assertEquals(7, request.seed());
        assertEquals("jvm", request.backend());
        assertEquals(Map.of("trials", "5"), request.params());

        assertThrows(BadRequestException.class, () -> RunForm.request(Map.of("experiment", new String[] {"x"}, "seed", new String[] {"one"})));
        assertThrows(BadRequestException.class, () -> RunForm.request(Map.of()));
    }

    @Test
    void aFinishedRunShowsItsClaimsPlotsAndMetrics() {
        RunRecord run = new RunRecord("r1", "hostile", "Hostile", "b", "1", Map.of(), 3, "smoke", "jvm", Map.of(), "o",
                "SUCCEEDED", "q", "s", "e", 1.5, Map.of("mse", 0.25),
                List.of(ClaimCheck.atMost("C1", "error is small", 0.25, 0.5), ClaimCheck.atLeast("C2", "<gain>", 1, 2)),
                List.of(Series.of("curve", "a", "x", "y", new double[] {0, 1, 2}, new double[] {1, 4, 9})), List.of(), List.of(), null);
        String html = RunPage.render(ROOT, run, false);
        assertTrue(html.contains("<table class=\"nicetable\" id=\"claims\">"), html);
        assertTrue(html.contains("Claims: 1 of 2 held"), html);
        assertTrue(html.contains("rl-held\">yes") && html.contains("rl-not-held\">no"), html);
        assertTrue(html.contains("&lt;gain&gt;"), html);
        assertTrue(html.contains("<polyline"), html);
        assertTrue(html.contains("<th>mse</th><td>0.25</td>"), html);
        assertFalse(html.contains("progress.json"), "a finished run is not polled");

        assertFalse(html.contains("id=\"cancel\""), "a finished run cannot be cancelled");

        String running = RunPage.render(ROOT, run, true);
        assertTrue(running.contains("\"/system/console/experiments/progress.json?run=r1\""), running);
        assertTrue(running.contains("<form class=\"rl-cancel-form\" method=\"post\" action=\"/system/console/experiments\">"
                + "<input type=\"hidden\" name=\"action\" value=\"cancel\"><input type=\"hidden\" name=\"run\" value=\"r1\">"
                + "<button type=\"submit\" id=\"cancel\">Cancel run</button></form>"), running);
        assertFalse(running.contains("${"), "the script has no template literals for the Web Console to mangle");
    }

    @Test
    void aPlotScalesEveryPointIntoItsFrame() {
        String svg = SvgPlot.render("p", List.of(Series.of("p", "a", "x", "y", new double[] {0, 10}, new double[] {-1, 1}),
                Series.of("p", "b", "x", "y", new double[] {5}, new double[] {Double.NaN})));
        assertTrue(svg.contains("points=\"64.0,272.0 504.0,28.0\""), svg);
        assertTrue(svg.contains("points=\"\""), "a NaN point is left out");
    }

    @Test
    void jsonStringsCannotCloseAScriptElement() {
        assertEquals("\"a\\\"b\\\\c\\n\\u003c/script\\u003e\"", RunProgress.quote("a\"b\\c\n</script>"));
    }
}
