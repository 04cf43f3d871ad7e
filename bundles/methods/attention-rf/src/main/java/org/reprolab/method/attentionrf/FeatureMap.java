package org.reprolab.method.attentionrf;

import org.ejml.data.DMatrixRMaj;

/**
 * A frozen random model whose only trainable parameters are the linear read-out weights: fitting it is ridge
 * regression on {@link #features}.
 */
interface FeatureMap {

    /** The number of features (= trainable parameters). */
    int dimension();

    /** The feature matrix {@code [sample][feature]} of the given sequences. */
    DMatrixRMaj features(TokenSequences sequences);
}
