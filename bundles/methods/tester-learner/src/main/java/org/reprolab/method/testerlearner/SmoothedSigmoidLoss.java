package org.reprolab.method.testerlearner;

/**
 * The non-convex surrogate of the 0-1 loss that the learner minimises (Diakonikolas–Kontonis–Tzamos–Zarifis, as
 * used by the paper): L_σ(w) = E[S(−y⟨w, x⟩/σ)] with S the logistic sigmoid. For small σ it is a smoothed count of
 * the points w misclassifies, weighted towards those close to its boundary. Gradients are written out by hand:
 * ∇_w S(−y⟨w, x⟩/σ) = S'(z)·(−y x/σ) with z = −y⟨w, x⟩/σ and S' = S(1 − S).
 */
final class SmoothedSigmoidLoss {

    private final double sigma;

    SmoothedSigmoidLoss(double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("smoothing sigma = " + sigma + " must be positive");
        }
        this.sigma = sigma;
    }

    double sigma() {
        return sigma;
    }

    /** L_σ(w) on the whole sample (w need not have unit norm). */
    double value(LabelledSample s, double[] w) {
        double sum = 0;
        for (int i = 0; i < s.n(); i++) {
            sum += sigmoid(-s.y()[i] * s.dot(w, i) / sigma);
        }
        return sum / s.n();
    }

    /** The Euclidean gradient ∇L_σ(w) on the whole sample. */
    double[] gradient(LabelledSample s, double[] w) {
        double[] g = new double[s.d()];
        for (int i = 0; i < s.n(); i++) {
            addPointGradient(s, i, w, g);
        }
        scale(g, 1.0 / s.n());
        return g;
    }

    /** The gradient on the whole sample projected to the tangent space of the unit sphere at w (‖w‖ = 1). */
    double[] tangentGradient(LabelledSample s, double[] w) {
        return tangent(gradient(s, w), w);
    }

    /** Adds point i's gradient S'(z)·(−y_i x_i/σ) to {@code into}. */
    void addPointGradient(LabelledSample s, int i, double[] w, double[] into) {
        double yi = s.y()[i];
        double z = -yi * s.dot(w, i) / sigma;
        double p = sigmoid(z);
        double coefficient = -p * (1 - p) * yi / sigma;
        int at = i * s.d();
        for (int j = 0; j < s.d(); j++) {
            into[j] += coefficient * s.x()[at + j];
        }
    }

    /** g − ⟨g, w⟩w: the component of g tangent to the unit sphere at the unit vector w. */
    static double[] tangent(double[] g, double[] w) {
        double along = Vectors.dot(g, w);
        double[] t = g.clone();
        for (int j = 0; j < t.length; j++) {
            t[j] -= along * w[j];
        }
        return t;
    }

    /** The logistic sigmoid 1/(1 + e^−t), evaluated without overflow for large |t|. */
    static double sigmoid(double t) {
        if (t >= 0) {
            return 1 / (1 + Math.exp(-t));
        }
        double e = Math.exp(t);
        return e / (1 + e);
    }

    private static void scale(double[] v, double factor) {
        for (int j = 0; j < v.length; j++) {
            v[j] *= factor;
        }
    }
}
