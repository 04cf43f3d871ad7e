package org.reprolab.tensor;

import org.reprolab.tensor.backend.DType;

/** Gathering, scattering, sorting, joining and splitting. */
final class IndexOps {
    private IndexOps() {
    }

    private static void checkIndex(String op, Tensor index) {
        if (index.dtype() != DType.INT32) {
            throw new IllegalArgumentException(op + ": the index must be INT32, got " + index.dtype());
        }
    }

    static Tensor gather(Tensor x, int dim, Tensor index) {
        checkIndex("gather", index);
        x.sameBackend(index, "gather");
        int d = Shapes.dim("gather", dim, x.rank());
        checkIndexShape("gather", x, d, index);
        checkBounds("gather", index, x.size(d));
        Tensor out = x.newEmpty(x.dtype(), index.shape());
        x.backend().gather(x.view(), d, index.view(), out.view());
        return Autograd.record(out, "gather",
                g -> new Tensor[] {x.zerosLike().scatterAdd(d, index, g)}, x);
    }

    static Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src) {
        checkIndex("scatterAdd", index);
        x.sameBackend(index, "scatterAdd").sameBackend(src, "scatterAdd");
        int d = Shapes.dim("scatterAdd", dim, x.rank());
        checkIndexShape("scatterAdd", x, d, index);
        if (!Shapes.same(index.shape(), src.shape())) {
            throw new IllegalArgumentException("scatterAdd: index shape " + Shapes.format(index.shape())
                    + " and source shape " + Shapes.format(src.shape()) + " differ");
        }
        checkBounds("scatterAdd", index, x.size(d));
        Tensor out = x.newEmpty(x.dtype(), x.shape());
        x.backend().copy(x.view(), out.view());
        x.backend().scatterAdd(src.to(x.dtype()).view(), d, index.view(), out.view());
        return Autograd.record(out, "scatterAdd", g -> new Tensor[] {g, src.requiresGrad() ? g.gather(d, index) : null},
                x, src);
    }

    /** Every dimension but dim must fit inside x (as in PyTorch). */
    private static void checkIndexShape(String op, Tensor x, int dim, Tensor index) {
        if (index.rank() != x.rank()) {
            throw new IllegalArgumentException(op + ": index of shape " + Shapes.format(index.shape())
                    + " must have the rank of the tensor's shape " + Shapes.format(x.shape()));
        }
        for (int i = 0; i < x.rank(); i++) {
            if (i != dim && index.size(i) > x.size(i)) {
                throw new IllegalArgumentException(op + ": index of shape " + Shapes.format(index.shape())
                        + " is larger than the tensor's shape " + Shapes.format(x.shape()) + " in dimension " + i);
            }
        }
    }

    private static void checkBounds(String op, Tensor index, int size) {
        if (index.numel() == 0) {
            return;
        }
        int lo = (int) index.flatten().min().item();
        int hi = (int) index.flatten().max().item();
        if (lo < 0 || hi >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + (lo < 0 ? lo : hi) + " is out of range [0, " + size
                    + ")");
        }
    }

    static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        checkIndex("indexSelect", index);
        if (index.rank() != 1) {
            throw new IllegalArgumentException("indexSelect: the index must be 1-d, got shape "
                    + Shapes.format(index.shape()));
        }
        int d = Shapes.dim("indexSelect", dim, x.rank());
        int[] outShape = Shapes.with(x.shape(), d, index.size(0));
        int[] view = new int[x.rank()];
        java.util.Arrays.fill(view, 1);
        view[d] = index.size(0);
        return gather(x, d, index.reshape(view).expand(outShape));
    }

    static Tensor[] sort(Tensor x, boolean descending) {
        if (x.rank() == 0) {
            throw new IllegalArgumentException("sort needs at least one dimension");
        }
        Tensor values = x.newEmpty(x.dtype(), x.shape());
        Tensor indices = x.newEmpty(DType.INT32, x.shape());
        x.backend().sort(x.view(), descending, values.view(), indices.view());
        Tensor v = Autograd.record(values, "sort",
                g -> new Tensor[] {x.zerosLike().scatterAdd(-1, indices, g)}, x);
        return new Tensor[] {v, indices};
    }

    static Tensor[] topk(Tensor x, int k, boolean largest) {
        int n = x.size(-1);
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("topk: k = " + k + " is outside [0, " + n + "] for shape "
                    + Shapes.format(x.shape()));
        }
        Tensor[] sorted = sort(x, largest);
        return new Tensor[] {sorted[0].narrow(-1, 0, k), sorted[1].narrow(-1, 0, k).contiguous()};
    }

    static Tensor oneHot(Tensor index, int classes) {
        checkIndex("oneHot", index);
        checkBounds("oneHot", index, classes);
        return index.unsqueeze(-1).eq(Tensor.arange(classes).to(index.backend())).to(DType.FLOAT32);
    }

    static Tensor cat(int dim, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("cat: no tensors given");
        }
        Tensor first = parts[0];
        int d = Shapes.dim("cat", dim, first.rank());
        int total = 0;
        for (Tensor p : parts) {
            first.sameBackend(p, "cat");
            if (p.rank() != first.rank() || p.dtype() != first.dtype()) {
                throw new IllegalArgumentException("cat: shapes " + Shapes.format(first.shape()) + " ("
                        + first.dtype() + ") and " + Shapes.format(p.shape()) + " (" + p.dtype() + ") differ");
            }
            for (int i = 0; i < first.rank(); i++) {
                if (i != d && p.size(i) != first.size(i)) {
                    throw new IllegalArgumentException("cat: shapes " + Shapes.format(first.shape()) + " and "
                            + Shapes.format(p.shape()) + " differ outside dimension " + d);
                }
            }
            total += p.size(d);
        }
        Tensor out = first.newEmpty(first.dtype(), Shapes.with(first.shape(), d, total));
        int[] sizes = new int[parts.length];
        int at = 0;
        for (int i = 0; i < parts.length; i++) {
            sizes[i] = parts[i].size(d);
            try (var ignored = Autograd.noGrad()) {
                first.backend().copy(parts[i].view(), out.narrow(d, at, sizes[i]).view());
            }
            at += sizes[i];
        }
        return Autograd.record(out, "cat", g -> split(g, d, sizes), parts);
    }

    static Tensor stack(int dim, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("stack: no tensors given");
        }
        int d = Shapes.dim("stack", dim, parts[0].rank() + 1);
        Tensor[] expanded = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!Shapes.same(parts[i].shape(), parts[0].shape())) {
                throw new IllegalArgumentException("stack: shapes " + Shapes.format(parts[0].shape()) + " and "
                        + Shapes.format(parts[i].shape()) + " differ");
            }
            expanded[i] = parts[i].unsqueeze(d);
        }
        return cat(d, expanded);
    }

    static Tensor[] split(Tensor x, int dim, int[] sizes) {
        int d = Shapes.dim("split", dim, x.rank());
        int total = 0;
        for (int s : sizes) {
            total += s;
        }
        if (total != x.size(d)) {
            throw new IllegalArgumentException("split: sizes " + java.util.Arrays.toString(sizes) + " do not add up to "
                    + x.size(d) + ", dimension " + d + " of shape " + Shapes.format(x.shape()));
        }
        Tensor[] out = new Tensor[sizes.length];
        int at = 0;
        for (int i = 0; i < sizes.length; i++) {
            out[i] = x.narrow(d, at, sizes[i]);
            at += sizes[i];
        }
        return out;
    }
}
