/**
 * The CUDA backend: {@link org.reprolab.backend.cuda.CudaProvider}'s three Declarative Services components (kinds
 * cuda, cuda-tf32, cuda-bf16). The bundle exports nothing; the backend, its FFM bindings of the driver API, NVRTC
 * and cuBLAS are in the private {@code internal} package.
 */
package org.reprolab.backend.cuda;
