// The OpenCL C dialect of common.cl, elem.cl and floating.cl, compiled as CUDA C++ by NVRTC. Qualifiers, work-item
// functions, vector argument types and the few built-ins the kernels use are mapped here; math functions get
// float and double overloads of their own so that no header is needed and a float stays a float.

typedef unsigned long long rl_ulong;
typedef unsigned int rl_uint;
struct rl_int4 { int s0, s1, s2, s3; };
struct rl_int8 { int s0, s1, s2, s3, s4, s5, s6, s7; };
struct rl_int16 { int s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, sa, sb, sc, sd, se, sf; };

__device__ inline int rl_global_id(int d) {
    return d == 0 ? blockIdx.x * blockDim.x + threadIdx.x
         : d == 1 ? blockIdx.y * blockDim.y + threadIdx.y : blockIdx.z * blockDim.z + threadIdx.z;
}
__device__ inline int rl_local_id(int d) { return d == 0 ? threadIdx.x : d == 1 ? threadIdx.y : threadIdx.z; }
__device__ inline int rl_group_id(int d) { return d == 0 ? blockIdx.x : d == 1 ? blockIdx.y : blockIdx.z; }

template <class V> __device__ inline void rl_vstore8(V v, int offset, int *p) {
    p += 8 * offset;
    p[0] = v.s0; p[1] = v.s1; p[2] = v.s2; p[3] = v.s3; p[4] = v.s4; p[5] = v.s5; p[6] = v.s6; p[7] = v.s7;
}

__device__ inline bool rl_isnan(float x) { return x != x; }
__device__ inline bool rl_isnan(double x) { return x != x; }
__device__ inline bool rl_signbit(float x) { return (__float_as_uint(x) >> 31) != 0; }
__device__ inline bool rl_signbit(double x) { return __double_as_longlong(x) < 0; }
__device__ inline float rl_sign(float x) { return x > 0 ? 1.0f : x < 0 ? -1.0f : x; }
__device__ inline double rl_sign(double x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : x; }
__device__ inline int rl_int_sat_rtz(float x) {
    return x != x ? 0 : x >= 2147483648.0f ? 2147483647 : x <= -2147483648.0f ? (-2147483647 - 1) : (int) x;
}
__device__ inline int rl_int_sat_rtz(double x) {
    return x != x ? 0 : x >= 2147483647.0 ? 2147483647 : x <= -2147483648.0 ? (-2147483647 - 1) : (int) x;
}

#define RL_MATH1(NAME, F, D) \
    __device__ inline float rl_##NAME(float x) { return F(x); } \
    __device__ inline double rl_##NAME(double x) { return D(x); }
RL_MATH1(fabs, fabsf, ::fabs)
RL_MATH1(exp, expf, ::exp)
RL_MATH1(log, logf, ::log)
RL_MATH1(log1p, log1pf, ::log1p)
RL_MATH1(sqrt, sqrtf, ::sqrt)
RL_MATH1(sin, sinf, ::sin)
RL_MATH1(cos, cosf, ::cos)
RL_MATH1(tanh, tanhf, ::tanh)
RL_MATH1(erf, erff, ::erf)
RL_MATH1(floor, floorf, ::floor)
RL_MATH1(rint, rintf, ::rint)
#define RL_MATH2(NAME, F, D) \
    __device__ inline float rl_##NAME(float x, float y) { return F(x, y); } \
    __device__ inline double rl_##NAME(double x, double y) { return D(x, y); }
RL_MATH2(pow, powf, ::pow)
RL_MATH2(atan2, atan2f, ::atan2)
RL_MATH2(fmax, fmaxf, ::fmax)
__device__ inline float rl_fma(float a, float b, float c) { return fmaf(a, b, c); }
__device__ inline double rl_fma(double a, double b, double c) { return ::fma(a, b, c); }

#define fabs rl_fabs
#define exp rl_exp
#define log rl_log
#define log1p rl_log1p
#define sqrt rl_sqrt
#define sin rl_sin
#define cos rl_cos
#define tanh rl_tanh
#define erf rl_erf
#define floor rl_floor
#define rint rl_rint
#define pow rl_pow
#define atan2 rl_atan2
#define fmax rl_fmax
#define fma rl_fma
#define isnan rl_isnan
#define signbit rl_signbit
#define sign rl_sign
#define convert_int_sat_rtz rl_int_sat_rtz
#define convert_float(x) ((float) (x))
#define as_uint(x) __float_as_uint(x)
#define NAN __int_as_float(0x7fc00000)
#define INFINITY __int_as_float(0x7f800000)
#define ULONG_MAX 0xffffffffffffffffULL

#define ulong rl_ulong
#define uint rl_uint
#define int4 rl_int4
#define int8 rl_int8
#define int16 rl_int16
#define vstore8 rl_vstore8
#define get_global_id rl_global_id
#define get_local_id rl_local_id
#define get_group_id rl_group_id
#define barrier(fence) __syncthreads()
#define CLK_LOCAL_MEM_FENCE 0

#define __kernel extern "C" __global__
#define __global
#define __local __shared__
#define LOCAL
#define REQD_WORK_GROUP(x, y, z) __launch_bounds__((x) * (y) * (z))
#define inline __device__ inline
