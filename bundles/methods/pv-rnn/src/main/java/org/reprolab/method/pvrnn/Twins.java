package org.reprolab.method.pvrnn;

/**
 * Summaries of twin-trajectory distances [pairs][steps]: the mean log distance per step, the share of pairs that
 * separate beyond {@link #SEPARATED} and the divergence rate (least-squares slope of the mean log distance).
 */
record Twins(double[] meanLog, double separated, double rate) {

    /** The distance the specification calls separated. */
    static final double SEPARATED = 0.1;

    /** Floor under distances before taking logs (identical trajectories). */
    static final double FLOOR = 1e-300;

    static Twins of(double[][] distances) {
        int steps = distances[0].length;
        double[] meanLog = new double[steps];
        int separated = 0;
        for (double[] pair : distances) {
            boolean apart = false;
            for (int t = 0; t < steps; t++) {
                meanLog[t] += Math.log(Math.max(pair[t], FLOOR)) / distances.length;
                apart |= pair[t] > SEPARATED;
            }
            separated += apart ? 1 : 0;
        }
        return new Twins(meanLog, (double) separated / distances.length, slope(meanLog));
    }

    /** The least-squares slope of y against its index. */
    static double slope(double[] y) {
        int n = y.length;
        double mx = (n - 1) / 2.0;
        double my = 0;
        for (double v : y) {
            my += v / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - mx) * (y[i] - my);
            sxx += (i - mx) * (i - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
