package org.reprolab.method.raescore;

import java.util.random.RandomGenerator;
import org.reprolab.api.RunContext;

/**
 * Random-walk Metropolis–Hastings run as several independent chains in lockstep (one batched ratio estimate per
 * step): proposal x′ = x + N(0, s²I), accepted with probability min(1, exp(Δ)) where Δ estimates
 * log p(x′) − log p(x).
 *
 * @param chains      independent chains
 * @param steps       steps per chain
 * @param burnIn      leading steps per chain left out of the samples
 * @param proposalStd s
 */
record MetropolisHastings(int chains, int steps, int burnIn, double proposalStd) {

    MetropolisHastings {
        if (chains < 1 || steps < 1 || burnIn < 0 || burnIn >= steps || !(proposalStd > 0)) {
            throw new IllegalArgumentException("MH needs chains ≥ 1, steps > burn-in ≥ 0 and a proposal std > 0; got "
                    + chains + " chains, " + steps + " steps, burn-in " + burnIn + ", std " + proposalStd);
        }
    }

    /**
     * Samples (kept states) and the acceptance rate.
     *
     * @param samples (steps − burnIn)·chains × d states, row-major, step-major
     */
    record Run(double[] samples, int dim, double acceptance) {

        int count() {
            return samples.length / dim;
        }
    }

    /**
     * Runs the chains from the given starts.
     *
     * @param starts chains × d initial states
     * @param ctx    the run, whose cancellation is checked every 100 steps; null for a short check outside a run
     */
    Run sample(LogDensityRatio ratio, double[] starts, int dim, RandomGenerator rng, RunContext ctx) {
        if (starts.length != chains * dim) {
            throw new IllegalArgumentException(starts.length + " start coordinates for " + chains + " chains in " + dim + "-D");
        }
        double[] state = starts.clone();
        double[] kept = new double[(steps - burnIn) * chains * dim];
        long accepted = 0;
        for (int step = 0; step < steps; step++) {
            if (step % 100 == 0 && ctx != null) {
                ctx.checkCancelled();
            }
            double[] proposal = new double[state.length];
            for (int i = 0; i < state.length; i++) {
                proposal[i] = state[i] + proposalStd * rng.nextGaussian();
            }
            double[] delta = ratio.between(state, proposal);
            for (int c = 0; c < chains; c++) {
                if (Math.log(rng.nextDouble()) < delta[c]) {
                    System.arraycopy(proposal, c * dim, state, c * dim, dim);
                    accepted++;
                }
            }
            if (step >= burnIn) {
                System.arraycopy(state, 0, kept, (step - burnIn) * chains * dim, chains * dim);
            }
        }
        return new Run(kept, dim, (double) accepted / ((long) steps * chains));
    }

    /** chains × d starts uniform in [−half, half]^d. */
    double[] uniformStarts(int dim, double half, RandomGenerator rng) {
        double[] s = new double[chains * dim];
        for (int i = 0; i < s.length; i++) {
            s[i] = -half + 2 * half * rng.nextDouble();
        }
        return s;
    }
}
