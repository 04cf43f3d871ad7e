package org.reprolab.tensor.nn;

import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Shapes;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;

/** A lookup table: INT32 ids of any shape → their rows of a [num, dim] weight (initialised N(0, 1)). */
public class Embedding extends Module {
    private final int num;
    private final int dim;
    private final Tensor weight;

    public Embedding(int num, int dim, Generator gen) {
        this.num = num;
        this.dim = dim;
        this.weight = parameter("weight", Init.normal(Tensor.zeros(num, dim), 0, 1, gen));
    }

    @Override
    public Tensor forward(Tensor ids) {
        if (ids.dtype() != DType.INT32) {
            throw new IllegalArgumentException("Embedding: ids must be INT32, got " + ids.dtype() + " of shape "
                    + Shapes.format(ids.shape()));
        }
        int[] shape = java.util.Arrays.copyOf(ids.shape(), ids.rank() + 1);
        shape[ids.rank()] = dim;
        return weight.indexSelect(0, ids.reshape(-1)).reshape(shape);
    }

    /** [num, dim]. */
    public Tensor weight() {
        return weight;
    }

    public int num() {
        return num;
    }

    public int dim() {
        return dim;
    }
}
