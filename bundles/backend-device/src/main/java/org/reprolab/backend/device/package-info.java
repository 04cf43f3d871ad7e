/**
 * What the accelerator backends share: one kernel source (OpenCL C, compiled as CUDA C++ through a dialect
 * prelude), the ops written once as launches of those kernels ({@link org.reprolab.backend.device.DeviceBackend}),
 * the strided-layout merging, and the caching device allocator. A runtime bundle (OpenCL, CUDA) adds compiling,
 * launching and copying.
 */
@Export
@Version("1.0.0")
package org.reprolab.backend.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
