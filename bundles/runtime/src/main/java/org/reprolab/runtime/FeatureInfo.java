package org.reprolab.runtime;

import java.util.List;

/**
 * A feature as the platform sees it now.
 *
 * @param name      e.g. {@code core}, {@code theory}
 * @param summary   one line for lists
 * @param dependsOn names of the features it needs
 * @param bundles   its bundles' symbolic names
 * @param installed whether it is recorded as installed and all its bundles are installed in the framework
 */
public record FeatureInfo(String name, String summary, List<String> dependsOn, List<String> bundles, boolean installed) {
    public FeatureInfo {
        dependsOn = List.copyOf(dependsOn);
        bundles = List.copyOf(bundles);
    }
}
