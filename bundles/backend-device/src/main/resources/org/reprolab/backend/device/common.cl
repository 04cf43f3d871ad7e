// Shared by every program. A strided view reaches the kernels as an offset and an int8 of strides over an
// int8 shape (rank <= 8, left-aligned, unused slots 0); the host merges dimensions first, so most calls have
// rank 1 or 2.

inline void coords_of(int i, int rank, int8 shape, int *c) {
    int s[8];
    vstore8(shape, 0, s);
    for (int d = rank - 1; d > 0; d--) {
        c[d] = i % s[d];
        i /= s[d];
    }
    c[0] = i;
}

inline int offset_at(const int *c, int rank, int8 strides) {
    int s[8];
    vstore8(strides, 0, s);
    int off = 0;
    for (int d = 0; d < rank; d++) {
        off += c[d] * s[d];
    }
    return off;
}

// The work-group size of the row kernels (softmax, layer norm, tree reductions): a power of two.
#define WG 128
