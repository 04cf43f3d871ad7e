package org.reprolab.method.apremss;

import java.util.List;
import java.util.function.Predicate;

/**
 * The authors' model selection: among the candidates of a score (every initialisation, checkpoint epoch and, for
 * MSS, neighbour count k), the one with the highest validation AUC; its test AUC is what is reported. Ties go to the
 * earlier candidate (first initialisation, earlier epoch, smaller k), so the choice is deterministic. Test labels
 * never enter the choice.
 */
final class ModelSelection {

    private ModelSelection() {
    }

    /** The best candidate in view v among those whose scorer passes the filter. */
    static DetectorTraining.Candidate best(List<DetectorTraining.Candidate> candidates, Predicate<Scorer> which, int view) {
        DetectorTraining.Candidate best = null;
        for (DetectorTraining.Candidate c : candidates) {
            if (which.test(c.scorer()) && (best == null || c.validationAuc()[view] > best.validationAuc()[view])) {
                best = c;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no candidate matches the selection");
        }
        return best;
    }

    /** The best candidate of exactly this scorer. */
    static DetectorTraining.Candidate best(List<DetectorTraining.Candidate> candidates, Scorer scorer, int view) {
        return best(candidates, scorer::equals, view);
    }

    /** The best candidate of this mean-shift score over every k (the scorer's own k is ignored). */
    static DetectorTraining.Candidate bestOverK(List<DetectorTraining.Candidate> candidates, Scorer scorer, int view) {
        Scorer family = scorer.anyK();
        return best(candidates, s -> s.anyK().equals(family), view);
    }
}
