package org.reprolab.method.testerlearner;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * One labelled distribution of the study (spec "Distributions"), always with target halfspace w* = e₁. The
 * Gaussian ones are what the tester must accept; the cube, the two clusters and the thinned band are what it must
 * reject, or else certify correctly.
 *
 * @param family the construction
 * @param etaMax the Massart flip rate inside the band |x₁| &lt; 1 (unused by the agnostic and two-cluster families)
 */
record Setting(Family family, double etaMax) {

    /** The constructions of the specification. */
    enum Family {
        /** x ~ N(0, I), Massart labels. */
        GAUSSIAN_MASSART("G-Massart", "GM"),
        /** x ~ N(0, I), labels of w* flipped in the wedge 0 &lt; x₁ &lt; 0.3, x₂ &gt; 0. */
        GAUSSIAN_AGNOSTIC("G-agnostic", "GA"),
        /** x uniform on [−√3, √3]^d (isotropic, not Gaussian), Massart labels. */
        UNIFORM_CUBE("U-cube", "UC"),
        /** 80 % Gaussian labelled by w*, 20 % in two tight clusters on the boundary labelled −sign(x₂). */
        TWO_CLUSTERS("two-clusters", "TC"),
        /** Gaussian with half the points in |x₁| &lt; 0.1 removed, Massart labels. */
        THINNED_BAND("thinned-band", "TB");

        private final String label;
        private final String code;

        Family(String label, String code) {
            this.label = label;
            this.code = code;
        }
    }

    /** Massart flip rate outside the band |⟨w*, x⟩| &lt; 1. */
    static final double MASSART_OUTER_RATE = 0.02;
    /** The agnostic wedge 0 &lt; x₁ &lt; 0.3 (where x₂ &gt; 0). */
    static final double AGNOSTIC_WEDGE = 0.3;
    /** Share of the two-cluster distribution that sits in the clusters. */
    static final double CLUSTER_SHARE = 0.2;
    /** Thinned band |x₁| &lt; 0.1, half of whose points are removed. */
    static final double THINNED_HALF_WIDTH = 0.1;
    static final double THINNED_KEEP = 0.5;
    private static final double CUBE_HALF_SIDE = Math.sqrt(3);

    Setting {
        if (!(etaMax >= 0 && etaMax < 0.5)) {
            throw new IllegalArgumentException("Massart rate etaMax = " + etaMax + " must lie in [0, 0.5)");
        }
    }

    /** A short name for tables and plot legends, e.g. "G-Massart η=0.2". */
    String label() {
        return usesMassartLabels() ? family.label + " η=" + number(etaMax) : family.label;
    }

    /** A two-letter code, with the rate for the Gaussian Massart family ("GM 0.2"), for crowded axis labels. */
    String shortLabel() {
        return family == Family.GAUSSIAN_MASSART ? family.code + " " + number(etaMax) : family.code;
    }

    /** The name as a plot-id fragment, e.g. "g-massart-0.2". */
    String id() {
        return label().toLowerCase(Locale.ROOT).replace(" η=", "-");
    }

    boolean usesMassartLabels() {
        return family == Family.GAUSSIAN_MASSART || family == Family.UNIFORM_CUBE || family == Family.THINNED_BAND;
    }

    /** n fresh labelled points in dimension d. */
    LabelledSample draw(int n, int d, RandomGenerator rng) {
        double[] x = new double[n * d];
        double[] y = new double[n];
        double[] point = new double[d];
        for (int i = 0; i < n; i++) {
            y[i] = drawPoint(point, rng);
            System.arraycopy(point, 0, x, i * d, d);
        }
        return new LabelledSample(d, x, y);
    }

    /** Fills {@code x} with one point and returns its label. */
    private double drawPoint(double[] x, RandomGenerator rng) {
        return switch (family) {
            case GAUSSIAN_MASSART -> {
                gaussian(x, rng);
                yield massartLabel(x[0], rng);
            }
            case GAUSSIAN_AGNOSTIC -> {
                gaussian(x, rng);
                boolean inWedge = x[0] > 0 && x[0] < AGNOSTIC_WEDGE && x[1] > 0;
                yield inWedge ? -LabelledSample.sign(x[0]) : LabelledSample.sign(x[0]);
            }
            case UNIFORM_CUBE -> {
                for (int j = 0; j < x.length; j++) {
                    x[j] = CUBE_HALF_SIDE * (2 * rng.nextDouble() - 1);
                }
                yield massartLabel(x[0], rng);
            }
            case TWO_CLUSTERS -> {
                if (rng.nextDouble() < CLUSTER_SHARE) {
                    yield clusterPoint(x, rng);
                }
                gaussian(x, rng);
                yield LabelledSample.sign(x[0]);
            }
            case THINNED_BAND -> {
                do {
                    gaussian(x, rng);
                } while (Math.abs(x[0]) < THINNED_HALF_WIDTH && rng.nextDouble() >= THINNED_KEEP);
                yield massartLabel(x[0], rng);
            }
        };
    }

    /** x₁ ~ U[−0.1, 0.1], x₂ = ±3 + 0.2·N(0, 1), the rest 0.2·N(0, 1); labelled −sign(x₂), against w* on half of them. */
    private static double clusterPoint(double[] x, RandomGenerator rng) {
        double side = rng.nextBoolean() ? 1 : -1;
        x[0] = 0.2 * rng.nextDouble() - 0.1;
        x[1] = 3 * side + 0.2 * rng.nextGaussian();
        for (int j = 2; j < x.length; j++) {
            x[j] = 0.2 * rng.nextGaussian();
        }
        return -LabelledSample.sign(x[1]);
    }

    /** sign⟨w*, x⟩ flipped with probability η_max inside |⟨w*, x⟩| &lt; 1 and 0.02 outside. */
    private double massartLabel(double margin, RandomGenerator rng) {
        double flip = Math.abs(margin) < 1 ? etaMax : MASSART_OUTER_RATE;
        double clean = LabelledSample.sign(margin);
        return rng.nextDouble() < flip ? -clean : clean;
    }

    private static void gaussian(double[] x, RandomGenerator rng) {
        for (int j = 0; j < x.length; j++) {
            x[j] = rng.nextGaussian();
        }
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
