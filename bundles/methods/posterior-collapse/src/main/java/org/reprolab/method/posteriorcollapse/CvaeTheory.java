package org.reprolab.method.posteriorcollapse;

import org.ejml.data.DMatrixRMaj;

/**
 * The global optimum of the linear CVAE (encoder N(W₁x + W₂y, Σ), decoder N(U₁z + U₂x, η_dec²I), prior
 * N(0, η_enc²I), KL weight β). It depends on the data only through the eigenvalues θ_i of the residual covariance
 * E = Cov(y) − Cov(y, x)Cov(x)⁻¹Cov(x, y): along eigen-direction i the decoder's singular value is
 * ω_i = √(max(0, θ_i − βη_dec²))/η_enc, the posterior variance βη_dec²η_enc²/θ_i (η_enc² once collapsed), and the
 * encoder gain w_i = ω_iη_enc²/θ_i; latent i collapses exactly when θ_i ≤ βη_dec². Latent i is matched to the i-th
 * largest θ; with fewer latents than θ's only the largest are used.
 *
 * @param theta  eigenvalues of E, descending
 * @param basis  the matching unit eigenvectors of E as columns (may be null when only the spectrum is needed)
 */
record CvaeTheory(double[] theta, DMatrixRMaj basis, double beta, double etaDec, double etaEnc, int latents) {

    CvaeTheory {
        if (!(beta > 0) || !(etaDec > 0) || !(etaEnc > 0)) {
            throw new IllegalArgumentException("β, η_dec and η_enc must be positive: " + beta + ", " + etaDec + ", " + etaEnc);
        }
        if (latents < 1) {
            throw new IllegalArgumentException("latents must be ≥ 1, got " + latents);
        }
    }

    /** The theory for the residual covariance E. */
    static CvaeTheory of(DMatrixRMaj residualCovariance, double beta, double etaDec, double etaEnc, int latents) {
        Linalg.Eigen eig = Linalg.symmetricEigen(residualCovariance);
        return new CvaeTheory(eig.values(), eig.vectors(), beta, etaDec, etaEnc, latents);
    }

    /** βη_dec²: a latent collapses when its θ is at most this. */
    double threshold() {
        return beta * etaDec * etaDec;
    }

    /** θ of latent i (0 once i runs past the spectrum). */
    double theta(int i) {
        return i < theta.length ? Math.max(0, theta[i]) : 0;
    }

    /** The decoder singular value ω_i of latent i. */
    double omega(int i) {
        return Math.sqrt(Math.max(0, theta(i) - threshold())) / etaEnc;
    }

    /** All latents' ω, descending. */
    double[] omegas() {
        double[] w = new double[latents];
        for (int i = 0; i < latents; i++) {
            w[i] = omega(i);
        }
        return w;
    }

    boolean active(int i) {
        return theta(i) > threshold();
    }

    /** #{i < latents : θ_i > βη_dec²}. */
    int predictedActive() {
        int n = 0;
        for (int i = 0; i < latents; i++) {
            n += active(i) ? 1 : 0;
        }
        return n;
    }

    /** The posterior variance of latent i at the optimum. */
    double posteriorVariance(int i) {
        return active(i) ? threshold() * etaEnc * etaEnc / theta(i) : etaEnc * etaEnc;
    }

    /** The encoder's gain on the residual direction of latent i: μ_i = w_i · p_iᵀ(y − E[y | x]). */
    double encoderGain(int i) {
        return active(i) ? omega(i) * etaEnc * etaEnc / theta(i) : 0;
    }

    /** The expected KL(q(z|x, y) ‖ p(z)) of latent i at the optimum: ½[(σ_i² + w_i²θ_i)/η_enc² − 1 − log(σ_i²/η_enc²)]. */
    double expectedKl(int i) {
        double e2 = etaEnc * etaEnc;
        double s2 = posteriorVariance(i);
        double w = encoderGain(i);
        return 0.5 * ((s2 + w * w * theta(i)) / e2 - 1 - Math.log(s2 / e2));
    }

    /** The expected KL summed over latents. */
    double expectedKl() {
        double kl = 0;
        for (int i = 0; i < latents; i++) {
            kl += expectedKl(i);
        }
        return kl;
    }
}
