package org.reprolab.method.forestssmoothers;

import java.util.Locale;

/**
 * One cell of the smoothing grid: leaf budget × max_features × bootstrap.
 */
record ForestConfig(int leaves, double maxFeatures, boolean bootstrap) {

    RandomForest.Settings settings(int trees) {
        return new RandomForest.Settings(trees, leaves, maxFeatures, bootstrap);
    }

    /** A readable label, e.g. "500 leaves, mf 0.6, no bootstrap". */
    String label() {
        return leaves + " leaves, mf " + number(maxFeatures) + ", " + (bootstrap ? "bootstrap" : "no bootstrap");
    }

    /** A path-like key for random streams and metric names, e.g. "500-leaves/mf-0.6/no-bootstrap". */
    String key() {
        return leaves + "-leaves/mf-" + number(maxFeatures) + "/" + (bootstrap ? "bootstrap" : "no-bootstrap");
    }

    boolean hasMaxFeatures(double fraction) {
        return sameFraction(maxFeatures, fraction);
    }

    static boolean sameFraction(double a, double b) {
        return Math.abs(a - b) < 1e-9;
    }

    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}
