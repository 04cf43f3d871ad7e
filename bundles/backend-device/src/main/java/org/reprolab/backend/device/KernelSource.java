package org.reprolab.backend.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import org.reprolab.tensor.backend.BinaryOp;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.UnaryOp;

/**
 * The OpenCL C source of the backend's two program families, assembled from resources and from the op tables
 * below. {@code elem} programs are per element type (any dtype): pointwise ops, reductions, indexing, sort,
 * random fills. {@code floating} programs are per floating type: GEMM, softmax, layer norm, convolution,
 * pooling, Adam. Each op of {@link UnaryOp} and {@link BinaryOp} is one C expression here, in the compute type
 * {@code C}, with constants written {@code K(…)} so they take C's precision; the kernels pick the op by its
 * ordinal.
 */
public final class KernelSource {
    /** The kernels as OpenCL C 1.2. */
    public static final KernelSource OPENCL = new KernelSource(false);
    /** The same kernels as CUDA C++ for NVRTC: a prelude maps OpenCL C's qualifiers, built-ins and vectors. */
    public static final KernelSource CUDA = new KernelSource(true);

    private final boolean cuda;

    private KernelSource(boolean cuda) {
        this.cuda = cuda;
    }

    static final Map<UnaryOp, String> UNARY = new EnumMap<>(UnaryOp.class);
    static final Map<BinaryOp, String> BINARY = new EnumMap<>(BinaryOp.class);

    static {
        UNARY.put(UnaryOp.NEG, "-v");
        UNARY.put(UnaryOp.ABS, "fabs(v)");
        UNARY.put(UnaryOp.SIGN, "isnan(v) ? v : sign(v)");
        UNARY.put(UnaryOp.EXP, "exp(v)");
        UNARY.put(UnaryOp.LOG, "log(v)");
        UNARY.put(UnaryOp.LOG1P, "log1p(v)");
        UNARY.put(UnaryOp.SQRT, "sqrt(v)");
        UNARY.put(UnaryOp.RSQRT, "K(1.0) / sqrt(v)");
        UNARY.put(UnaryOp.RECIPROCAL, "K(1.0) / v");
        UNARY.put(UnaryOp.SQUARE, "v * v");
        UNARY.put(UnaryOp.SIN, "sin(v)");
        UNARY.put(UnaryOp.COS, "cos(v)");
        UNARY.put(UnaryOp.TANH, "tanh(v)");
        UNARY.put(UnaryOp.SIGMOID, "sigm(v)");
        UNARY.put(UnaryOp.RELU, "v > 0 ? v : K(0.0)");
        UNARY.put(UnaryOp.GELU, "K(0.5) * v * (K(1.0) + erf(v * K(0.70710678118654752440)))");
        UNARY.put(UnaryOp.SILU, "v * sigm(v)");
        UNARY.put(UnaryOp.SOFTPLUS, "v > 20 ? v : log1p(exp(v))");
        UNARY.put(UnaryOp.FLOOR, "floor(v)");
        UNARY.put(UnaryOp.ROUND, "rint(v)");

        BINARY.put(BinaryOp.ADD, "a + b");
        BINARY.put(BinaryOp.SUB, "a - b");
        BINARY.put(BinaryOp.MUL, "a * b");
        BINARY.put(BinaryOp.DIV, "a / b");
        BINARY.put(BinaryOp.POW, "pow(a, b)");
        BINARY.put(BinaryOp.MAXIMUM, "maximum(a, b)");
        BINARY.put(BinaryOp.MINIMUM, "minimum(a, b)");
        BINARY.put(BinaryOp.ATAN2, "atan2(a, b)");
        BINARY.put(BinaryOp.GT, "a > b ? K(1.0) : K(0.0)");
        BINARY.put(BinaryOp.GE, "a >= b ? K(1.0) : K(0.0)");
        BINARY.put(BinaryOp.LT, "a < b ? K(1.0) : K(0.0)");
        BINARY.put(BinaryOp.LE, "a <= b ? K(1.0) : K(0.0)");
        BINARY.put(BinaryOp.EQ, "a == b ? K(1.0) : K(0.0)");
        BINARY.put(BinaryOp.NE, "a != b ? K(1.0) : K(0.0)");
        BINARY.put(BinaryOp.RELU_GRAD, "a > 0 ? b : K(0.0)");
        BINARY.put(BinaryOp.GELU_GRAD, "b * (K(0.5) * (K(1.0) + erf(a * K(0.70710678118654752440)))"
                + " + a * exp(K(-0.5) * a * a) * K(0.39894228040143267794))");
        BINARY.put(BinaryOp.SILU_GRAD, "silu_grad(a, b)");
        BINARY.put(BinaryOp.SOFTPLUS_GRAD, "b * sigm(a)");
        BINARY.put(BinaryOp.TANH_GRAD, "b * (K(1.0) - a * a)");
        BINARY.put(BinaryOp.SIGMOID_GRAD, "b * a * (K(1.0) - a)");
        if (UNARY.size() != UnaryOp.values().length || BINARY.size() != BinaryOp.values().length) {
            throw new IllegalStateException("the OpenCL op tables miss an op of UnaryOp or BinaryOp");
        }
    }

    /** Helpers every elem program's op table uses (Java's max/min semantics: NaN wins, +0 above −0). */
    private static final String OP_HELPERS = """
            inline C sigm(C v) { return v >= 0 ? K(1.0) / (K(1.0) + exp(-v)) : exp(v) / (K(1.0) + exp(v)); }
            inline C maximum(C a, C b) {
                if (isnan(a)) return a;
                if (isnan(b)) return b;
                if (a != b) return a > b ? a : b;
                return signbit(a) ? b : a;
            }
            inline C minimum(C a, C b) {
                if (isnan(a)) return a;
                if (isnan(b)) return b;
                if (a != b) return a < b ? a : b;
                return signbit(a) ? a : b;
            }
            inline C silu_grad(C a, C b) { C s = sigm(a); return b * s * (K(1.0) + a * (K(1.0) - s)); }
            """;

    /** The OpenCL C type a dtype is stored as. */
    static String storageType(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case INT32, BOOL -> "int";
        };
    }

    /** The conversion of a value of C type {@code from} to storage dtype {@code to}, as JvmStorage.set does it. */
    static String convert(String value, String from, DType to) {
        return switch (to) {
            case FLOAT32 -> "(float) (" + value + ")";
            case FLOAT64 -> "(double) (" + value + ")";
            case INT32 -> from.equals("int") ? value : "convert_int_sat_rtz(" + value + ")";
            case BOOL -> "((" + value + ") != 0 ? 1 : 0)";
        };
    }

    /** The elementwise program for one element dtype. */
    public String elem(DType e, boolean fp64) {
        String compute = e == DType.FLOAT32 || !fp64 ? "float" : "double";
        StringBuilder s = prelude(fp64);
        s.append("#define E ").append(storageType(e)).append('\n');
        s.append("#define C ").append(compute).append('\n');
        s.append("#define A ").append(fp64 ? "double" : "float").append('\n');
        s.append("#define K(x) ").append(compute.equals("float") ? "x##f" : "x").append('\n');
        s.append("#define TO_E(v) ").append(convert("v", compute, e)).append('\n');
        s.append(OP_HELPERS);
        s.append("inline C unary_op(int op, C v) {\n    switch (op) {\n");
        UNARY.forEach((op, expr) -> s.append("        case ").append(op.ordinal()).append(": return ").append(expr)
                .append(";\n"));
        s.append("        default: return NAN;\n    }\n}\n");
        s.append("inline C binary_op(int op, C a, C b) {\n    switch (op) {\n");
        BINARY.forEach((op, expr) -> s.append("        case ").append(op.ordinal()).append(": return ").append(expr)
                .append(";\n"));
        s.append("        default: return NAN;\n    }\n}\n");
        s.append(resource("common.cl")).append(resource("elem.cl"));
        for (DType from : DType.values()) {
            if (from != DType.FLOAT64 || fp64) {
                s.append(copyKernel(from, e, fp64));
            }
        }
        return s.toString();
    }

    /** copy_from_&lt;dtype&gt;: converts any strided view into this program's element type. */
    private static String copyKernel(DType from, DType to, boolean fp64) {
        String src = storageType(from);
        return "__kernel void copy_from_" + from.name().toLowerCase(java.util.Locale.ROOT)
                + "(int n, int rank, int8 shape, __global const " + src + " *x, int xo, int8 xs, __global E *y,"
                + " int yo, int8 ys) {\n"
                + "    int i = get_global_id(0);\n"
                + "    if (i >= n) return;\n"
                + "    int c[8];\n"
                + "    coords_of(i, rank, shape, c);\n"
                + "    " + src + " v = x[xo + offset_at(c, rank, xs)];\n"
                + "    y[yo + offset_at(c, rank, ys)] = " + convert("v", src, to) + ";\n"
                + "}\n";
    }

    /** The floating program (GEMM, row kernels, convolution, pooling, Adam) for FLOAT32 or FLOAT64. */
    public String floating(DType t, boolean fp64) {
        StringBuilder s = prelude(fp64);
        s.append("#define T ").append(storageType(t)).append('\n');
        s.append("#define A ").append(fp64 ? "double" : "float").append('\n');
        s.append(resource("common.cl")).append(resource("floating.cl"));
        return s.toString();
    }

    private StringBuilder prelude(boolean fp64) {
        if (cuda) {
            // NVRTC's --fmad=false keeps a·b + c from fusing; every CUDA device has fp64
            return new StringBuilder(resource("cuda.h")).append("#define HAS_FP64 1\n");
        }
        // no fused multiply-adds where the source has none: a·b + c rounds twice, as in Java
        StringBuilder s = new StringBuilder("#pragma OPENCL FP_CONTRACT OFF\n#define LOCAL __local\n"
                + "#define REQD_WORK_GROUP(x, y, z) __attribute__((reqd_work_group_size(x, y, z)))\n");
        if (fp64) {
            s.append("#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n#define HAS_FP64 1\n");
        }
        return s;
    }

    private static String resource(String name) {
        try (InputStream in = KernelSource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + name + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading kernel source " + name, e);
        }
    }
}
