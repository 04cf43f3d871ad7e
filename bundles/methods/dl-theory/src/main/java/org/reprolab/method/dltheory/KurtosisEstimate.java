package org.reprolab.method.dltheory;

/**
 * The output's excess kurtosis over S independent networks, estimated two ways, each with a delta-method
 * standard error.
 *
 * <p>G-based (low variance): given the last hidden layer, the output z^{(L)} is exactly N(0, G) with
 * G = C_b + (C_W/n)Σ_j σ(z_j^{(L−1)})², so E[z⁴] = 3E[G²] and E[z²] = E[G], and the excess kurtosis is
 * 3·(E[G²]/E[G]² − 1). Raw: m₄/m₂² − 3 from the output samples themselves (the output has mean zero by
 * symmetry, so the moments are taken about 0); heavy tails make it much noisier and biased low at large L/n.
 *
 * @param gBased        3·(mean G² / (mean G)² − 1)
 * @param gBasedError   its standard error
 * @param raw           mean z⁴ / (mean z²)² − 3
 * @param rawError      its standard error
 * @param networks      S
 */
record KurtosisEstimate(double gBased, double gBasedError, double raw, double rawError, int networks) {

    /** The estimates from each network's conditional variance {@code g[s]} and output sample {@code outputs[s]}. */
    static KurtosisEstimate of(double[] g, double[] outputs) {
        if (g.length != outputs.length || g.length < 2) {
            throw new IllegalArgumentException("need ≥ 2 networks with one G and one output each, got "
                    + g.length + " and " + outputs.length);
        }
        // G-based: k = 3(m2/m1² − 1) over a = G, b = G².
        Moments gm = Moments.of(g);
        double gBased = 3 * (gm.second / (gm.first * gm.first) - 1);
        double gBasedError = deltaError(gm, -6 * gm.second / Math.pow(gm.first, 3), 3 / (gm.first * gm.first), g.length);
        // Raw: k = m4/m2² − 3 over c = z², d = z⁴.
        double[] squares = new double[outputs.length];
        for (int s = 0; s < outputs.length; s++) {
            squares[s] = outputs[s] * outputs[s];
        }
        Moments zm = Moments.of(squares);
        double raw = zm.second / (zm.first * zm.first) - 3;
        double rawError = deltaError(zm, -2 * zm.second / Math.pow(zm.first, 3), 1 / (zm.first * zm.first), outputs.length);
        return new KurtosisEstimate(gBased, gBasedError, raw, rawError, g.length);
    }

    /** The delta-method standard error of f(mean u, mean u²) with partial derivatives {@code d1}, {@code d2}. */
    private static double deltaError(Moments m, double d1, double d2, int count) {
        double variance = d1 * d1 * m.varFirst + d2 * d2 * m.varSecond + 2 * d1 * d2 * m.covariance;
        return Math.sqrt(Math.max(variance, 0) / count);
    }

    /** Means of u and u² and the sample (co)variances of u and u². */
    private record Moments(double first, double second, double varFirst, double varSecond, double covariance) {

        static Moments of(double[] u) {
            double first = 0;
            double second = 0;
            for (double v : u) {
                first += v;
                second += v * v;
            }
            first /= u.length;
            second /= u.length;
            double varFirst = 0;
            double varSecond = 0;
            double covariance = 0;
            for (double v : u) {
                double a = v - first;
                double b = v * v - second;
                varFirst += a * a;
                varSecond += b * b;
                covariance += a * b;
            }
            int dof = u.length - 1;
            return new Moments(first, second, varFirst / dof, varSecond / dof, covariance / dof);
        }
    }
}
