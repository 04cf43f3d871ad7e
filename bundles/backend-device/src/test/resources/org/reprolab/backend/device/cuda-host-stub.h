// Just enough of CUDA for a host C++ compiler to parse the CUDA dialect of the kernels (CudaDialectTest): the
// execution-space keywords become attributes a host compiler accepts, the built-in variables and intrinsics
// plain declarations. Nothing here is run.
#include <math.h>
#undef NAN
#undef INFINITY
#define __global__ __attribute__((used))
#define __device__
#define __shared__ static
#define __launch_bounds__(x)
struct rl_dim3 { unsigned x, y, z; };
extern rl_dim3 blockIdx, blockDim, threadIdx;
void __syncthreads();
unsigned __float_as_uint(float);
long long __double_as_longlong(double);
float __int_as_float(int);
