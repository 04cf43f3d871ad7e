package org.reprolab.runtime;

import java.util.List;

/**
 * Features: named groups of bundles (see {@code features/} in the repository). Installing a feature resolves
 * every bundle it and its dependencies need before starting any of them; any failure (checksum mismatch,
 * unresolvable bundle, start exception) rolls back and leaves the installed bundle set exactly as before.
 */
public interface FeatureService {

    /** The feature that is the platform itself: always installed, never uninstalled. */
    String CORE = "core";

    /** Every feature this platform knows, installed or not, in a stable order. */
    List<FeatureInfo> features();

    /**
     * Installs the named feature and the features it depends on; a no-op when already installed.
     *
     * @throws BadRequestException for an unknown name
     * @throws FeatureException when installation failed and was rolled back (the message says why)
     */
    FeatureInfo install(String name);

    /**
     * Uninstalls the named feature's bundles that no other installed feature still needs.
     *
     * @throws BadRequestException for an unknown name, {@link #CORE}, or one another installed feature depends on
     * @throws FeatureException when uninstallation failed
     */
    FeatureInfo uninstall(String name);
}
