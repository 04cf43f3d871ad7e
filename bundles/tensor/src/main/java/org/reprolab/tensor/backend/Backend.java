package org.reprolab.tensor.backend;

/**
 * The compute backend SPI: every tensor op reaches its numbers through these kernels. A backend owns the
 * storages it allocates; views passed to one call all belong to this backend. Outputs are written, never
 * read first, unless the method says it accumulates. Numbers cross to the host only in {@link #write} and
 * {@link #read}, so a device backend keeps tensors resident across a whole training step.
 *
 * <p>Shapes are checked by the tensor layer before a kernel is called; kernels may assume valid input.
 * Dimensions and strides are in elements; the shapes of {@code a}, {@code b} and {@code out} in elementwise
 * calls are equal (broadcasting is expressed as stride 0).
 */
public interface Backend {

    Device device();

    /** A human-readable description, e.g. "JVM (Vector API 512-bit, 2 threads)". */
    String description();

    /** A zero-filled storage of {@code size} elements. */
    Storage allocate(DType dtype, int size);

    /**
     * A storage of {@code size} elements whose contents are undefined, for an output the next call writes in
     * full (a device backend saves the zero fill, which costs memory bandwidth); by default {@link #allocate}.
     */
    default Storage allocateUninitialized(DType dtype, int size) {
        return allocate(dtype, size);
    }

    /** Copies host values (converted to the storage's dtype) into a contiguous region of a storage. */
    void write(Storage dst, int offset, double[] values);

    /** Copies host floats into a contiguous region of a FLOAT32 storage. */
    void write(Storage dst, int offset, float[] values);

    /** Copies host ints into a contiguous region of an INT32 or BOOL storage. */
    void write(Storage dst, int offset, int[] values);

    /** The view's elements in row-major order, as floats. */
    float[] readFloats(View src);

    /** The view's elements in row-major order, as doubles. */
    double[] readDoubles(View src);

    /** The view's elements in row-major order, as ints (floats are truncated toward zero). */
    int[] readInts(View src);

    /** {@code dst ← src} elementwise (same shape), converting the dtype. */
    void copy(View src, View dst);

    void fill(View dst, double value);

    void unary(UnaryOp op, View x, View out);

    void binary(BinaryOp op, View a, View b, View out);

    /** {@code out ← cond ? a : b}. */
    void where(View cond, View a, View b, View out);

    /** Reduces {@code x} along {@code dim}; {@code out} has x's shape with that dimension removed. */
    void reduce(ReduceOp op, View x, int dim, View out);

    /**
     * Batched matrix product {@code out[..., m, n] = Σ_k a[..., m, k] · b[..., k, n]}. All three have the same
     * rank ≥ 2 and the same batch sizes (a batch stride may be 0); {@code out} is contiguous.
     */
    void matmul(View a, View b, View out);

    /** Softmax (or log-softmax) along the last dimension of a contiguous {@code x} into contiguous {@code out}. */
    void softmax(View x, View out, boolean log);

    /**
     * The backward of {@link #softmax}: given its output {@code y} and upstream gradient {@code g} (both
     * contiguous), writes the input gradient.
     */
    void softmaxBackward(View y, View g, View out, boolean log);

    /** Inclusive cumulative sum along {@code dim}. */
    void cumsum(View x, int dim, View out);

    /** {@code out[…, i, …] = x[…, index[…, i, …], …]} along {@code dim}; index is INT32, shaped like out. */
    void gather(View x, int dim, View index, View out);

    /** Accumulates {@code out[…, index[…, i, …], …] += src[…, i, …]} along {@code dim} (out is read). */
    void scatterAdd(View src, int dim, View index, View out);

    /**
     * Sorts along the last dimension: values and their original positions (INT32); a stable sort, so equal
     * values keep their order.
     */
    void sort(View x, boolean descending, View values, View indices);

    /** Fills with uniform draws in [low, high) from the counter-based stream (seed, counter + element index). */
    void randomUniform(View out, long seed, long counter, double low, double high);

    /** Fills with normal draws from the counter-based stream (seed, counter + element index). */
    void randomNormal(View out, long seed, long counter, double mean, double std);

    /**
     * Unfolds image patches for convolution: x is [N, C, H, W] (any strides); out is [N, C·kh·kw, oh·ow] with
     * unit stride along its last dimension and any strides along the first two (the convolution passes a
     * permuted view of a [C·kh·kw, N, oh·ow] buffer, so that the patches of all images form one matrix).
     * Positions outside the (zero-)padded input read 0.
     */
    void im2col(View x, int kh, int kw, int strideH, int strideW, int padH, int padW, int dilH, int dilW, View out);

    /**
     * The adjoint of {@link #im2col}: sums patch columns back into a zeroed, contiguous [N, C, H, W] out; cols
     * is laid out as im2col's out (unit stride along the last dimension).
     */
    void col2im(View cols, int kh, int kw, int strideH, int strideW, int padH, int padW, int dilH, int dilW,
                View out);

    /**
     * Max pooling, as PyTorch's {@code max_pool2d_with_indices}: out[n, c, y, x] is the maximum of x[n, c] over
     * the window at (y·strideH − padH, x·strideW − padW), dilated by (dilH, dilW), positions in the padding
     * skipped; indices[n, c, y, x] (INT32) is the position iy·W + ix of that maximum in its [H, W] plane, the
     * first in window order on ties, a NaN counting as the maximum. x is [N, C, H, W] (any strides); out and
     * indices are contiguous [N, C, oh, ow]. Every window holds at least one input position.
     */
    void maxPool2d(View x, int kh, int kw, int strideH, int strideW, int padH, int padW, int dilH, int dilW,
                   View out, View indices);

    /**
     * Layer normalisation over the last dimension of a contiguous x viewed as [rows, n]:
     * {@code out = (x − μ)·rstd · weight + bias} with {@code rstd = 1/√(biased var + eps)}; weight and bias are
     * [n] or null. Writes each row's μ and rstd ([rows], contiguous) for the backward pass.
     */
    void layerNorm(View x, View weight, View bias, double eps, View out, View mean, View rstd);

    /**
     * The backward of {@link #layerNorm}: from the upstream gradient g and the saved μ, rstd, writes dx
     * ([rows, n]) and, where not null, the weight and bias gradients ([n], summed over rows).
     */
    void layerNormBackward(View g, View x, View weight, View mean, View rstd, View dx, View dWeight, View dBias);

    /**
     * One fused Adam step over contiguous, same-shaped float tensors (Kingma &amp; Ba 2015, Algorithm 1):
     * {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²}, {@code p ← p − stepSize · m / (√v + epsHat)},
     * where the caller folds the bias corrections into stepSize and epsHat.
     */
    void adamStep(View p, View g, View m, View v, double beta1, double beta2, double stepSize, double epsHat);

    /** Releases the backend's threads and caches; storages it allocated may no longer be used. */
    default void close() {
    }
}
