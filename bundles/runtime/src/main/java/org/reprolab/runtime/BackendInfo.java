package org.reprolab.runtime;

import java.util.Map;
import java.util.Objects;

/**
 * A compute backend a new run may choose ({@code --backend kind}), as the backend catalog sees it now.
 *
 * @param kind              the name runs select it by ({@code jvm}, {@code opencl}, {@code cuda})
 * @param available         whether a run can use it on this machine
 * @param description       the device, when available (e.g. "PoCL pthread-… (OpenCL 3.0)")
 * @param unavailableReason why it cannot be used, when not available; otherwise empty
 * @param capabilities      what the backend's service advertises (device name, memory, fp64, …)
 */
public record BackendInfo(String kind, boolean available, String description, String unavailableReason,
        Map<String, String> capabilities) {

    public BackendInfo {
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description;
        unavailableReason = unavailableReason == null ? "" : unavailableReason;
        capabilities = Map.copyOf(capabilities);
    }
}
