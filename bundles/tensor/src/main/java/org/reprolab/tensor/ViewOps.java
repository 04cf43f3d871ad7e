package org.reprolab.tensor;

import org.reprolab.tensor.backend.View;

/** Ops that return a new window onto the same storage; their gradients undo the window. */
final class ViewOps {
    private ViewOps() {
    }

    static Tensor reshape(Tensor x, int[] shape) {
        int[] from = x.shape();
        int[] to = Shapes.inferReshape(from, shape);
        Tensor src = x.view().isContiguous() ? x : x.copy();
        View v = src.view();
        Tensor out = src.withView(new View(v.storage(), to, View.contiguousStrides(to), v.offset()));
        return Autograd.record(out, "reshape", g -> new Tensor[] {g.reshape(from)}, x);
    }

    static Tensor flatten(Tensor x, int start, int end) {
        int r = x.rank();
        int s = Shapes.dim("flatten", start, r);
        int e = Shapes.dim("flatten", end, r);
        int[] shape = x.shape();
        int[] to = new int[r - (e - s)];
        int k = 0;
        for (int d = 0; d < s; d++) {
            to[k++] = shape[d];
        }
        int merged = 1;
        for (int d = s; d <= e; d++) {
            merged *= shape[d];
        }
        to[k++] = merged;
        for (int d = e + 1; d < r; d++) {
            to[k++] = shape[d];
        }
        return reshape(x, to);
    }

    static Tensor permute(Tensor x, int[] dims) {
        int r = x.rank();
        if (dims.length != r) {
            throw new IllegalArgumentException("permute: " + dims.length + " dimensions given for a tensor of shape "
                    + Shapes.format(x.shape()));
        }
        View v = x.view();
        int[] shape = new int[r];
        int[] strides = new int[r];
        int[] inverse = new int[r];
        boolean[] seen = new boolean[r];
        for (int i = 0; i < r; i++) {
            int d = Shapes.dim("permute", dims[i], r);
            if (seen[d]) {
                throw new IllegalArgumentException("permute: dimension " + d + " repeated in " + java.util.Arrays.toString(dims));
            }
            seen[d] = true;
            shape[i] = v.shape()[d];
            strides[i] = v.strides()[d];
            inverse[d] = i;
        }
        Tensor out = x.withView(new View(v.storage(), shape, strides, v.offset()));
        return Autograd.record(out, "permute", g -> new Tensor[] {g.permute(inverse)}, x);
    }

    static Tensor transpose(Tensor x, int d0, int d1) {
        int r = x.rank();
        int a = Shapes.dim("transpose", d0, r);
        int b = Shapes.dim("transpose", d1, r);
        int[] dims = new int[r];
        for (int i = 0; i < r; i++) {
            dims[i] = i;
        }
        dims[a] = b;
        dims[b] = a;
        return permute(x, dims);
    }

    static Tensor narrow(Tensor x, int dim, int start, int length) {
        int d = Shapes.dim("narrow", dim, x.rank());
        int size = x.view().shape()[d];
        if (start < 0 || length < 0 || start + length > size) {
            throw new IllegalArgumentException("narrow: [" + start + ", " + (start + length) + ") is outside dimension "
                    + d + " of shape " + Shapes.format(x.shape()));
        }
        return slice(x, d, start, start + length, 1);
    }

    static Tensor slice(Tensor x, int dim, int start, int end, int step) {
        int d = Shapes.dim("slice", dim, x.rank());
        View v = x.view();
        int size = v.shape()[d];
        int lo = Math.max(0, Math.min(size, start < 0 ? start + size : start));
        int hi = Math.max(lo, Math.min(size, end < 0 ? end + size : end));
        if (step < 1) {
            throw new IllegalArgumentException("slice: step must be ≥ 1, got " + step);
        }
        int length = (hi - lo + step - 1) / step;
        int[] shape = Shapes.with(v.shape(), d, length);
        int[] strides = v.strides().clone();
        strides[d] *= step;
        Tensor out = x.withView(new View(v.storage(), shape, strides, v.offset() + lo * v.strides()[d]));
        int[] inShape = x.shape();
        return Autograd.record(out, "slice", g -> {
            Tensor gx = g.newEmpty(g.dtype(), inShape);
            Tensor window = slice(gx, d, lo, hi, step);
            gx.backend().copy(g.view(), window.view());
            return new Tensor[] {gx};
        }, x);
    }

    static Tensor expand(Tensor x, int[] shape) {
        View v = x.view();
        int r = shape.length;
        if (r < v.rank()) {
            throw new IllegalArgumentException("expand: cannot expand shape " + Shapes.format(v.shape()) + " to "
                    + Shapes.format(shape));
        }
        int[] strides = new int[r];
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int j = i - (r - v.rank());
            int have = j < 0 ? 1 : v.shape()[j];
            int want = shape[i] == -1 ? have : shape[i];
            if (have != want && have != 1) {
                throw new IllegalArgumentException("expand: cannot expand shape " + Shapes.format(v.shape()) + " to "
                        + Shapes.format(shape) + " (dimension " + i + ")");
            }
            out[i] = want;
            strides[i] = j < 0 || have != want ? 0 : v.strides()[j];
        }
        int[] inShape = x.shape();
        Tensor result = x.withView(new View(v.storage(), out, strides, v.offset()));
        return Autograd.record(result, "expand", g -> new Tensor[] {sumTo(g, inShape)}, x);
    }

    /** Sums a broadcast gradient back to the shape it was broadcast from. */
    static Tensor sumTo(Tensor g, int[] shape) {
        int[] gs = g.shape();
        if (Shapes.same(gs, shape)) {
            return g;
        }
        int lead = gs.length - shape.length;
        java.util.List<Integer> dims = new java.util.ArrayList<>();
        for (int i = 0; i < gs.length; i++) {
            int j = i - lead;
            if (j < 0 || (shape[j] == 1 && gs[i] != 1)) {
                dims.add(i);
            }
        }
        Tensor s = dims.isEmpty() ? g : g.sum(dims.stream().mapToInt(Integer::intValue).toArray(), true);
        return s.reshape(shape);
    }

    static Tensor squeeze(Tensor x, int dim) {
        int d = Shapes.dim("squeeze", dim, x.rank());
        if (x.view().shape()[d] != 1) {
            throw new IllegalArgumentException("squeeze: dimension " + d + " of shape " + Shapes.format(x.shape())
                    + " is not 1");
        }
        View v = x.view();
        int[] shape = Shapes.remove(v.shape(), d);
        int[] strides = Shapes.remove(v.strides(), d);
        int[] inShape = x.shape();
        Tensor out = x.withView(new View(v.storage(), shape, strides, v.offset()));
        return Autograd.record(out, "squeeze", g -> new Tensor[] {g.reshape(inShape)}, x);
    }

    static Tensor unsqueeze(Tensor x, int dim) {
        int d = Shapes.dim("unsqueeze", dim, x.rank() + 1);
        View v = x.view();
        int[] shape = Shapes.insert(v.shape(), d, 1);
        int inner = d < v.rank() ? v.strides()[d] * v.shape()[d] : 1;
        int[] strides = Shapes.insert(v.strides(), d, inner);
        int[] inShape = x.shape();
        Tensor out = x.withView(new View(v.storage(), shape, strides, v.offset()));
        return Autograd.record(out, "unsqueeze", g -> new Tensor[] {g.reshape(inShape)}, x);
    }
}
