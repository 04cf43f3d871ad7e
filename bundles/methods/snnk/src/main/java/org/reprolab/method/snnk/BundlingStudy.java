package org.reprolab.method.snnk;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.api.RunContext;

/** Experiment C: the fully bundled closed-form network for each m and each draw of G. */
final class BundlingStudy {

    record Settings(int[] features, int seeds, double[] ridgeFactors) {
    }

    /** fits.get(k)[seed] is the fit with features()[k]. */
    record Findings(int[] features, List<BundledNetwork.Fit[]> fits) {

        double[] testAccuracies(int k) {
            return java.util.Arrays.stream(fits.get(k)).mapToDouble(BundledNetwork.Fit::testAccuracy).toArray();
        }

        double maxRelativeGradient() {
            return fits.stream().flatMap(java.util.Arrays::stream).mapToDouble(BundledNetwork.Fit::relativeGradient).max().orElseThrow();
        }
    }

    private BundlingStudy() {
    }

    static Findings run(Settings s, ImageData data, RunContext ctx, ProgressCounter progress) {
        List<BundledNetwork.Fit[]> fits = new ArrayList<>();
        for (int m : s.features()) {
            BundledNetwork.Fit[] perSeed = new BundledNetwork.Fit[s.seeds()];
            for (int seed = 0; seed < s.seeds(); seed++) {
                perSeed[seed] = BundledNetwork.fit(data, m, s.ridgeFactors(), ctx.random("C/seed-" + seed + "/m-" + m), ctx);
                BundledNetwork.Fit f = perSeed[seed];
                ctx.log().info("bundled m = {} seed {}: λ = {}, test accuracy {}, |∇|/|ΦᵀY| = {}; seconds: features {}, "
                        + "Gram {}, Cholesky over the λ grid {}, total {}", m, seed, f.ridge(), f.testAccuracy(),
                        f.relativeGradient(), f.featureSeconds(), f.gramSeconds(), f.ridgeSeconds(), f.seconds());
                progress.tick("C: bundled m = " + m + " seed " + seed + ", test accuracy " + f.testAccuracy());
            }
            fits.add(perSeed);
        }
        return new Findings(s.features(), fits);
    }
}
