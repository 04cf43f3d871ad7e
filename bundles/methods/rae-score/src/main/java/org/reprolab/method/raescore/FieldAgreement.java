package org.reprolab.method.raescore;

/**
 * How well an estimated vector field matches a reference one under a weighting (the density): the weighted
 * relative L2 error √(Σ w‖a − b‖² / Σ w‖b‖²) and the weighted cosine Σ w a·b / √(Σ w‖a‖² · Σ w‖b‖²), i.e. the
 * angle between the two fields in L2(w).
 *
 * @param relativeError the weighted relative L2 error of the estimate
 * @param cosine        the weighted cosine similarity
 */
record FieldAgreement(double relativeError, double cosine) {

    /**
     * @param estimate  n × d, row-major
     * @param reference n × d, row-major
     * @param weights   n weights (≥ 0; points with weight 0 are left out)
     */
    static FieldAgreement of(double[] estimate, double[] reference, double[] weights) {
        if (estimate.length != reference.length || weights.length == 0 || estimate.length % weights.length != 0) {
            throw new IllegalArgumentException("fields of " + estimate.length + " and " + reference.length
                    + " values for " + weights.length + " weights");
        }
        int d = estimate.length / weights.length;
        double err = 0;
        double ref = 0;
        double est = 0;
        double dot = 0;
        for (int i = 0; i < weights.length; i++) {
            for (int k = 0; k < d; k++) {
                double a = estimate[i * d + k];
                double b = reference[i * d + k];
                err += weights[i] * (a - b) * (a - b);
                ref += weights[i] * b * b;
                est += weights[i] * a * a;
                dot += weights[i] * a * b;
            }
        }
        return new FieldAgreement(Math.sqrt(err / ref), dot / Math.sqrt(est * ref));
    }
}
