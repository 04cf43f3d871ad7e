/**
 * The OpenCL backend: {@link org.reprolab.backend.opencl.OpenClProvider} and the Declarative Services component
 * that registers it. The bundle exports nothing; the backend, its bindings and kernels are in the private
 * {@code internal} package.
 */
package org.reprolab.backend.opencl;
