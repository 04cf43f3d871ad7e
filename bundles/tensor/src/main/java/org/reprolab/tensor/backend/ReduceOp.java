package org.reprolab.tensor.backend;

/** Reductions along one dimension. ARGMAX/ARGMIN give {@link DType#INT32} (first index on ties). */
public enum ReduceOp {
    SUM, MAX, MIN, ARGMAX, ARGMIN
}
