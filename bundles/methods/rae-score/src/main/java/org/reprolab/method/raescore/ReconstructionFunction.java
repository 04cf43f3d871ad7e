package org.reprolab.method.raescore;

/**
 * A trained reconstruction function r: ℝ^d → ℝ^d, evaluated on a batch of points. What the paper studies is the
 * displacement r(x) − x, which (divided by σ²) estimates the score ∂log p/∂x.
 */
interface ReconstructionFunction {

    /** The dimension d of the points. */
    int dim();

    /**
     * @param points n × d coordinates, row-major
     * @return r(x) − x for each point, n × d, row-major
     */
    double[] displacement(double[] points);
}
