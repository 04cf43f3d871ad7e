package org.reprolab.tensor;

import java.util.Arrays;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.BinaryOp;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.Device;
import org.reprolab.tensor.backend.ReduceOp;
import org.reprolab.tensor.backend.UnaryOp;
import org.reprolab.tensor.backend.View;

/**
 * An n-dimensional array on a device, with reverse-mode autograd. Reads like PyTorch:
 * {@code x.matmul(w).add(b).relu()}, {@code loss.backward()}, {@code w.grad()}.
 *
 * <p>Shapes are checked where an op receives them, and errors name the shapes. Ops that return views
 * (reshape of a contiguous tensor, permute, transpose, narrow, expand, squeeze, unsqueeze) share storage
 * with their input; all other ops allocate their output.
 */
public final class Tensor {
    private final Backend backend;
    private final View view;
    private boolean requiresGrad;
    private Tensor grad;
    private Autograd.Node gradFn;

    Tensor(Backend backend, View view) {
        this.backend = backend;
        this.view = view;
    }

    // ---- creation ------------------------------------------------------------------------------------------

    /** A new zero tensor on a backend. */
    static Tensor empty(Backend backend, DType dtype, int... shape) {
        int[] s = shape.clone();
        return new Tensor(backend, View.contiguous(backend.allocate(dtype, Shapes.numel(s)), s));
    }

    public static Tensor zeros(int... shape) {
        return empty(Backends.current(), DType.FLOAT32, shape);
    }

    public static Tensor zeros(DType dtype, int... shape) {
        return empty(Backends.current(), dtype, shape);
    }

    public static Tensor ones(int... shape) {
        return full(1.0, shape);
    }

    public static Tensor full(double value, int... shape) {
        Tensor t = zeros(shape);
        t.backend.fill(t.view, value);
        return t;
    }

    /** A float32 tensor holding {@code data} (row-major) in the given shape. */
    public static Tensor of(float[] data, int... shape) {
        int[] s = shape.length == 0 && data.length != 1 ? new int[] {data.length} : shape;
        checkLength(data.length, s);
        Tensor t = zeros(s);
        t.backend.write(t.view.storage(), 0, data);
        return t;
    }

    /** A float64 tensor holding {@code data} (row-major) in the given shape. */
    public static Tensor of(double[] data, int... shape) {
        int[] s = shape.length == 0 && data.length != 1 ? new int[] {data.length} : shape;
        checkLength(data.length, s);
        Tensor t = zeros(DType.FLOAT64, s);
        t.backend.write(t.view.storage(), 0, data);
        return t;
    }

    /** An int32 tensor (indices, labels) holding {@code data} in the given shape. */
    public static Tensor ofInts(int[] data, int... shape) {
        int[] s = shape.length == 0 && data.length != 1 ? new int[] {data.length} : shape;
        checkLength(data.length, s);
        Tensor t = zeros(DType.INT32, s);
        t.backend.write(t.view.storage(), 0, data);
        return t;
    }

    /** A BOOL tensor (a mask) holding {@code data} in the given shape. */
    public static Tensor ofBools(boolean[] data, int... shape) {
        int[] s = shape.length == 0 && data.length != 1 ? new int[] {data.length} : shape;
        checkLength(data.length, s);
        int[] bits = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            bits[i] = data[i] ? 1 : 0;
        }
        Tensor t = zeros(DType.BOOL, s);
        t.backend.write(t.view.storage(), 0, bits);
        return t;
    }

    /** A 0-d float32 tensor. */
    public static Tensor scalar(double value) {
        Tensor t = zeros();
        t.backend.fill(t.view, value);
        return t;
    }

    /** 0, 1, …, n−1 as int32. */
    public static Tensor arange(int n) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return ofInts(v, n);
    }

    private static void checkLength(int length, int[] shape) {
        if (Shapes.numel(shape) != length) {
            throw new IllegalArgumentException(length + " values cannot fill shape " + Shapes.format(shape));
        }
    }

    // ---- properties ----------------------------------------------------------------------------------------

    public int[] shape() {
        return view.shape().clone();
    }

    /** The size of one dimension (negative counts from the end). */
    public int size(int dim) {
        return view.shape()[Shapes.dim("size", dim, rank())];
    }

    public int rank() {
        return view.rank();
    }

    public int numel() {
        return view.numel();
    }

    public DType dtype() {
        return view.dtype();
    }

    public Device device() {
        return backend.device();
    }

    public Backend backend() {
        return backend;
    }

    /** The storage window the backend's kernels receive. */
    public View view() {
        return view;
    }

    public boolean isContiguous() {
        return view.isContiguous() && view.offset() == 0;
    }

    // ---- autograd ------------------------------------------------------------------------------------------

    public boolean requiresGrad() {
        return requiresGrad || gradFn != null;
    }

    /** Marks a leaf tensor as a parameter whose gradient {@link #backward()} accumulates. Returns this. */
    public Tensor requiresGrad(boolean value) {
        if (gradFn != null && !value) {
            throw new IllegalStateException("requiresGrad(false) on a non-leaf tensor: use detach()");
        }
        if (value && !dtype().isFloating()) {
            throw new IllegalArgumentException("only floating-point tensors can require gradients, not " + dtype());
        }
        this.requiresGrad = value;
        return this;
    }

    /** The accumulated gradient of a leaf, or null before any backward pass reached it. */
    public Tensor grad() {
        return grad;
    }

    public void zeroGrad() {
        grad = null;
    }

    public Autograd.Node gradFn() {
        return gradFn;
    }

    void setGradFn(Autograd.Node node) {
        this.gradFn = node;
    }

    /** Adds a backward pass's gradient; {@code owned} says g is this leaf's alone to keep (else it is copied). */
    void accumulateGrad(Tensor g, boolean owned) {
        if (!requiresGrad) {
            return;
        }
        if (grad == null) {
            grad = owned ? g.detach() : g.copy().detach();
        } else {
            grad.addInPlace(g);
        }
    }

    /** Back-propagates from this scalar (e.g. a loss). */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("backward() needs a scalar, got shape " + Shapes.format(view.shape())
                    + ": call backward(gradient) or reduce first");
        }
        backward(onesLike());
    }

    /** Back-propagates with the given gradient of this tensor. */
    public void backward(Tensor gradient) {
        if (!requiresGrad()) {
            throw new IllegalStateException("backward() on a tensor that does not require grad: no parameter of"
                    + " the graph has requiresGrad(true), or it was computed inside noGrad()");
        }
        Autograd.backward(this, gradient.reshape(view.shape()));
    }

    /** The same values, cut from the graph. */
    public Tensor detach() {
        return new Tensor(backend, view);
    }

    // ---- host access ---------------------------------------------------------------------------------------

    public float[] toFloatArray() {
        return backend.readFloats(view);
    }

    public double[] toDoubleArray() {
        return backend.readDoubles(view);
    }

    public int[] toIntArray() {
        return backend.readInts(view);
    }

    /** The single value of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalStateException("item() needs one element, got shape " + Shapes.format(view.shape()));
        }
        return backend.readDoubles(view)[0];
    }

    /** A contiguous copy on another backend (e.g. a GPU); the copy is a new leaf. */
    public Tensor to(Backend target) {
        if (target == backend) {
            return this;
        }
        Tensor out = empty(target, dtype(), view.shape());
        switch (dtype()) {
            case FLOAT32 -> target.write(out.view.storage(), 0, toFloatArray());
            case FLOAT64 -> target.write(out.view.storage(), 0, toDoubleArray());
            default -> target.write(out.view.storage(), 0, toIntArray());
        }
        return out;
    }

    /** A contiguous copy on another device ({@code Device.JVM}, or an open accelerator backend's device). */
    public Tensor to(Device target) {
        return to(Backends.forDevice(target));
    }

    /** A copy converted to another element type (differentiable between floating types). */
    public Tensor to(DType dtype) {
        if (dtype == dtype()) {
            return this;
        }
        Tensor out = empty(backend, dtype, view.shape());
        backend.copy(view, out.view);
        DType from = dtype();
        return dtype.isFloating() && from.isFloating()
                ? Autograd.record(out, "to", g -> new Tensor[] {g.to(from)}, this) : out;
    }

    // ---- in place (for optimizers and initializers; refused on graph tensors while grad is recorded) --------

    private void checkInPlace(String op) {
        if (Autograd.isGradEnabled() && requiresGrad()) {
            throw new IllegalStateException(op + " in place on a tensor that requires grad: do it inside"
                    + " Autograd.noGrad()");
        }
    }

    public Tensor fill(double value) {
        checkInPlace("fill");
        backend.fill(view, value);
        return this;
    }

    /** Copies src's values (broadcast to this shape) into this tensor. */
    public Tensor copyFrom(Tensor src) {
        checkInPlace("copyFrom");
        backend.copy(src.sameBackend(this, "copyFrom").broadcastTo(view.shape()).view, view);
        return this;
    }

    public Tensor addInPlace(Tensor other) {
        return inPlace(BinaryOp.ADD, other);
    }

    public Tensor subInPlace(Tensor other) {
        return inPlace(BinaryOp.SUB, other);
    }

    public Tensor mulInPlace(Tensor other) {
        return inPlace(BinaryOp.MUL, other);
    }

    public Tensor mulInPlace(double factor) {
        return inPlace(BinaryOp.MUL, scalarLike(factor));
    }

    /** {@code this += alpha · other}. */
    public Tensor addInPlace(Tensor other, double alpha) {
        return inPlace(BinaryOp.ADD, alpha == 1 ? other : other.mul(alpha));
    }

    private Tensor inPlace(BinaryOp op, Tensor other) {
        checkInPlace(op.name().toLowerCase() + "InPlace");
        Tensor b = other.sameBackend(this, op.name().toLowerCase()).broadcastTo(view.shape());
        backend.binary(op, view, b.view, view);
        return this;
    }

    // ---- helpers for the op classes --------------------------------------------------------------------------

    Tensor sameBackend(Tensor other, String op) {
        if (backend != other.backend) {
            throw new IllegalArgumentException(op + ": tensors are on different devices (" + device() + " and "
                    + other.device() + "): move one with to(…)");
        }
        return this;
    }

    Tensor newEmpty(DType dtype, int... shape) {
        return empty(backend, dtype, shape);
    }

    /** A new contiguous tensor whose contents are undefined: only for outputs the next backend call writes whole. */
    Tensor newUninitialized(DType dtype, int... shape) {
        int[] s = shape.clone();
        return new Tensor(backend, View.contiguous(backend.allocateUninitialized(dtype, Shapes.numel(s)), s));
    }

    Tensor withView(View v) {
        return new Tensor(backend, v);
    }

    /** A 0-d tensor of this tensor's floating type on its backend. */
    Tensor scalarLike(double value) {
        Tensor t = empty(backend, dtype().isFloating() ? dtype() : DType.FLOAT32);
        backend.fill(t.view, value);
        return t;
    }

    public Tensor zerosLike() {
        return empty(backend, dtype(), view.shape());
    }

    public Tensor onesLike() {
        Tensor t = zerosLike();
        backend.fill(t.view, 1);
        return t;
    }

    /** A contiguous copy (a new storage), differentiable. */
    public Tensor copy() {
        Tensor out = zerosLike();
        backend.copy(view, out.view);
        return Autograd.record(out, "copy", g -> new Tensor[] {g}, this);
    }

    // ---- views -----------------------------------------------------------------------------------------------

    public Tensor reshape(int... shape) {
        return ViewOps.reshape(this, shape);
    }

    public Tensor flatten() {
        return reshape(-1);
    }

    /** Merges dimensions start..end (inclusive) into one. */
    public Tensor flatten(int start, int end) {
        return ViewOps.flatten(this, start, end);
    }

    public Tensor permute(int... dims) {
        return ViewOps.permute(this, dims);
    }

    public Tensor transpose(int d0, int d1) {
        return ViewOps.transpose(this, d0, d1);
    }

    /** The transpose of a matrix (the last two dimensions). */
    public Tensor t() {
        return transpose(-2, -1);
    }

    /** Elements start..start+length−1 along dim, as a view. */
    public Tensor narrow(int dim, int start, int length) {
        return ViewOps.narrow(this, dim, start, length);
    }

    /** Python's x[start:end:step] along one dimension, as a view. */
    public Tensor slice(int dim, int start, int end, int step) {
        return ViewOps.slice(this, dim, start, end, step);
    }

    /** The index-th slice along dim, with that dimension removed. */
    public Tensor select(int dim, int index) {
        return narrow(dim, index, 1).squeeze(dim);
    }

    public Tensor expand(int... shape) {
        return ViewOps.expand(this, shape);
    }

    public Tensor broadcastTo(int... shape) {
        return Shapes.same(view.shape(), shape) ? this : expand(shape);
    }

    public Tensor squeeze(int dim) {
        return ViewOps.squeeze(this, dim);
    }

    public Tensor unsqueeze(int dim) {
        return ViewOps.unsqueeze(this, dim);
    }

    /** This tensor, or a contiguous copy of it when its layout has gaps or is permuted. */
    public Tensor contiguous() {
        return isContiguous() ? this : copy();
    }

    // ---- elementwise -------------------------------------------------------------------------------------------

    public Tensor add(Tensor o) {
        return PointwiseOps.binary(BinaryOp.ADD, this, o);
    }

    public Tensor add(double c) {
        return add(scalarLike(c));
    }

    public Tensor sub(Tensor o) {
        return PointwiseOps.binary(BinaryOp.SUB, this, o);
    }

    public Tensor sub(double c) {
        return sub(scalarLike(c));
    }

    /** c − this. */
    public Tensor rsub(double c) {
        return scalarLike(c).sub(this);
    }

    public Tensor mul(Tensor o) {
        return PointwiseOps.binary(BinaryOp.MUL, this, o);
    }

    public Tensor mul(double c) {
        return mul(scalarLike(c));
    }

    public Tensor div(Tensor o) {
        return PointwiseOps.binary(BinaryOp.DIV, this, o);
    }

    public Tensor div(double c) {
        return mul(1.0 / c);
    }

    public Tensor pow(Tensor o) {
        return PointwiseOps.binary(BinaryOp.POW, this, o);
    }

    public Tensor pow(double c) {
        return c == 2 ? square() : pow(scalarLike(c));
    }

    /** The angle of the point (o, this), elementwise: atan2(this, o). */
    public Tensor atan2(Tensor o) {
        return PointwiseOps.binary(BinaryOp.ATAN2, this, o);
    }

    public Tensor maximum(Tensor o) {
        return PointwiseOps.binary(BinaryOp.MAXIMUM, this, o);
    }

    public Tensor minimum(Tensor o) {
        return PointwiseOps.binary(BinaryOp.MINIMUM, this, o);
    }

    /** Clamps into [lo, hi] (gradient 1 inside, 0 outside). */
    public Tensor clamp(double lo, double hi) {
        return maximum(scalarLike(lo)).minimum(scalarLike(hi));
    }

    public Tensor gt(Tensor o) {
        return PointwiseOps.compare(BinaryOp.GT, this, o);
    }

    public Tensor gt(double c) {
        return gt(scalarLike(c));
    }

    public Tensor ge(Tensor o) {
        return PointwiseOps.compare(BinaryOp.GE, this, o);
    }

    public Tensor ge(double c) {
        return ge(scalarLike(c));
    }

    public Tensor lt(Tensor o) {
        return PointwiseOps.compare(BinaryOp.LT, this, o);
    }

    public Tensor lt(double c) {
        return lt(scalarLike(c));
    }

    public Tensor le(Tensor o) {
        return PointwiseOps.compare(BinaryOp.LE, this, o);
    }

    public Tensor le(double c) {
        return le(scalarLike(c));
    }

    public Tensor eq(Tensor o) {
        return PointwiseOps.compare(BinaryOp.EQ, this, o);
    }

    public Tensor eq(double c) {
        return eq(scalarLike(c));
    }

    public Tensor ne(Tensor o) {
        return PointwiseOps.compare(BinaryOp.NE, this, o);
    }

    /** Elementwise AND of two masks (BOOL, broadcast). */
    public Tensor logicalAnd(Tensor o) {
        return PointwiseOps.compare(BinaryOp.MINIMUM, this, o);
    }

    /** Elementwise OR of two masks (BOOL, broadcast). */
    public Tensor logicalOr(Tensor o) {
        return PointwiseOps.compare(BinaryOp.MAXIMUM, this, o);
    }

    /** Elementwise NOT of a mask. */
    public Tensor logicalNot() {
        return eq(0);
    }

    public Tensor neg() {
        return PointwiseOps.unary(UnaryOp.NEG, this);
    }

    public Tensor abs() {
        return PointwiseOps.unary(UnaryOp.ABS, this);
    }

    public Tensor sign() {
        return PointwiseOps.unary(UnaryOp.SIGN, this);
    }

    public Tensor exp() {
        return PointwiseOps.unary(UnaryOp.EXP, this);
    }

    public Tensor log() {
        return PointwiseOps.unary(UnaryOp.LOG, this);
    }

    public Tensor log1p() {
        return PointwiseOps.unary(UnaryOp.LOG1P, this);
    }

    public Tensor sqrt() {
        return PointwiseOps.unary(UnaryOp.SQRT, this);
    }

    public Tensor rsqrt() {
        return PointwiseOps.unary(UnaryOp.RSQRT, this);
    }

    public Tensor reciprocal() {
        return PointwiseOps.unary(UnaryOp.RECIPROCAL, this);
    }

    public Tensor square() {
        return PointwiseOps.unary(UnaryOp.SQUARE, this);
    }

    public Tensor sin() {
        return PointwiseOps.unary(UnaryOp.SIN, this);
    }

    public Tensor cos() {
        return PointwiseOps.unary(UnaryOp.COS, this);
    }

    public Tensor tanh() {
        return PointwiseOps.unary(UnaryOp.TANH, this);
    }

    public Tensor sigmoid() {
        return PointwiseOps.unary(UnaryOp.SIGMOID, this);
    }

    public Tensor relu() {
        return PointwiseOps.unary(UnaryOp.RELU, this);
    }

    /** GELU with the exact (erf) form, as PyTorch's default. */
    public Tensor gelu() {
        return PointwiseOps.unary(UnaryOp.GELU, this);
    }

    public Tensor silu() {
        return PointwiseOps.unary(UnaryOp.SILU, this);
    }

    public Tensor softplus() {
        return PointwiseOps.unary(UnaryOp.SOFTPLUS, this);
    }

    /** Rounds down (gradient 0 almost everywhere; use a custom Function for straight-through). */
    public Tensor floor() {
        return PointwiseOps.unary(UnaryOp.FLOOR, this);
    }

    /** Rounds half to even (gradient 0 almost everywhere). */
    public Tensor round() {
        return PointwiseOps.unary(UnaryOp.ROUND, this);
    }

    /** cond ? this : other, elementwise with broadcasting; cond is BOOL. */
    public Tensor where(Tensor cond, Tensor other) {
        return PointwiseOps.where(cond, this, other);
    }

    /** This tensor with {@code value} where mask is true. */
    public Tensor maskedFill(Tensor mask, double value) {
        return PointwiseOps.where(mask, scalarLike(value), this);
    }

    // ---- reductions ----------------------------------------------------------------------------------------

    /** The sum of all elements (a 0-d tensor). */
    public Tensor sum() {
        return ReduceOps.sumAll(this);
    }

    public Tensor sum(int dim) {
        return sum(dim, false);
    }

    public Tensor sum(int dim, boolean keepDim) {
        return ReduceOps.sum(this, new int[] {dim}, keepDim);
    }

    public Tensor sum(int[] dims, boolean keepDim) {
        return ReduceOps.sum(this, dims, keepDim);
    }

    public Tensor mean() {
        return sum().div(numel());
    }

    public Tensor mean(int dim) {
        return mean(dim, false);
    }

    public Tensor mean(int dim, boolean keepDim) {
        return sum(dim, keepDim).div(size(dim));
    }

    public Tensor mean(int[] dims, boolean keepDim) {
        int n = 1;
        for (int d : dims) {
            n *= size(d);
        }
        return sum(dims, keepDim).div(n);
    }

    /** Maximum along dim (gradient to the first maximal element). */
    public Tensor max(int dim, boolean keepDim) {
        return ReduceOps.extreme(ReduceOp.MAX, this, dim, keepDim);
    }

    public Tensor min(int dim, boolean keepDim) {
        return ReduceOps.extreme(ReduceOp.MIN, this, dim, keepDim);
    }

    public Tensor max() {
        return flatten().max(0, false);
    }

    public Tensor min() {
        return flatten().min(0, false);
    }

    /** Index of the maximum along dim (INT32; first on ties). */
    public Tensor argmax(int dim) {
        return ReduceOps.arg(ReduceOp.ARGMAX, this, dim);
    }

    public Tensor argmin(int dim) {
        return ReduceOps.arg(ReduceOp.ARGMIN, this, dim);
    }

    /** log Σ exp along dim, computed stably. */
    public Tensor logsumexp(int dim, boolean keepDim) {
        Tensor m = max(dim, true).detach();
        Tensor out = sub(m).exp().sum(dim, true).log().add(m);
        return keepDim ? out : out.squeeze(dim);
    }

    /** Variance along dim; unbiased divides by n−1 (Bessel), else by n. */
    public Tensor var(int dim, boolean keepDim, boolean unbiased) {
        int n = size(dim);
        Tensor centered = sub(mean(dim, true));
        return centered.square().sum(dim, keepDim).div(unbiased ? n - 1 : n);
    }

    public Tensor std(int dim, boolean keepDim, boolean unbiased) {
        return var(dim, keepDim, unbiased).sqrt();
    }

    /** Inclusive cumulative sum along dim. */
    public Tensor cumsum(int dim) {
        return ReduceOps.cumsum(this, dim);
    }

    // ---- matrices and normalisations ---------------------------------------------------------------------------

    /** Matrix product with NumPy's rules: 1-d operands, batch broadcasting. */
    public Tensor matmul(Tensor o) {
        return MatrixOps.matmul(this, o);
    }

    /** {@code this · wᵀ} for matrices this [m, k] and w [n, k]: a linear layer's product, with w's gradient in w's layout. */
    public Tensor matmulTransposed(Tensor w) {
        return MatrixOps.matmulTransposed(this, w);
    }

    /**
     * Layer normalisation over the last dimension (Ba et al. 2016, biased variance), then {@code ·weight + bias}
     * (each [n] or null), as one fused kernel forward and backward.
     */
    public Tensor layerNorm(Tensor weight, Tensor bias, double eps) {
        return LayerNormOp.apply(this, weight, bias, eps);
    }

    public Tensor softmax(int dim) {
        return MatrixOps.softmax(this, dim, false);
    }

    public Tensor logSoftmax(int dim) {
        return MatrixOps.softmax(this, dim, true);
    }

    // ---- indexing ----------------------------------------------------------------------------------------------

    /** out[…i…] = this[…index[…i…]…] along dim; index is INT32. */
    public Tensor gather(int dim, Tensor index) {
        return IndexOps.gather(this, dim, index);
    }

    /** A copy of this tensor with src added at index along dim (out-of-place scatter-add). */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        return IndexOps.scatterAdd(this, dim, index, src);
    }

    /** The slices at the given (1-d INT32) indices along dim. */
    public Tensor indexSelect(int dim, Tensor index) {
        return IndexOps.indexSelect(this, dim, index);
    }

    /** Sorted values along the last dimension; see {@link #sortWithIndices}. */
    public Tensor sort(boolean descending) {
        return IndexOps.sort(this, descending)[0];
    }

    /** {values, indices} of a stable sort along the last dimension. */
    public Tensor[] sortWithIndices(boolean descending) {
        return IndexOps.sort(this, descending);
    }

    public Tensor argsort(boolean descending) {
        return IndexOps.sort(this, descending)[1];
    }

    /** {values, indices} of the k largest (or smallest) along the last dimension, in order. */
    public Tensor[] topk(int k, boolean largest) {
        return IndexOps.topk(this, k, largest);
    }

    /** One-hot float32 encoding of an INT32 tensor: shape + [classes]. */
    public Tensor oneHot(int classes) {
        return IndexOps.oneHot(this, classes);
    }

    public static Tensor cat(int dim, Tensor... parts) {
        return IndexOps.cat(dim, parts);
    }

    public static Tensor stack(int dim, Tensor... parts) {
        return IndexOps.stack(dim, parts);
    }

    /** Splits along dim into pieces of the given sizes (views). */
    public Tensor[] split(int dim, int... sizes) {
        return IndexOps.split(this, dim, sizes);
    }

    /** Splits along dim into n equal pieces (views). */
    public Tensor[] chunk(int n, int dim) {
        int size = size(dim);
        if (size % n != 0) {
            throw new IllegalArgumentException("chunk: dimension " + dim + " of shape "
                    + Shapes.format(view.shape()) + " does not split into " + n + " equal parts");
        }
        int[] sizes = new int[n];
        Arrays.fill(sizes, size / n);
        return split(dim, sizes);
    }

    @Override
    public String toString() {
        int n = numel();
        String values;
        if (n <= 16) {
            values = dtype().isFloating() ? Arrays.toString(toFloatArray()) : Arrays.toString(toIntArray());
        } else {
            values = "…";
        }
        return "Tensor" + Shapes.format(view.shape()) + " " + dtype() + " on " + device() + " " + values
                + (gradFn != null ? " (grad_fn=" + gradFn.op() + ")" : requiresGrad ? " (requires grad)" : "");
    }
}
