/**
 * The host's service provider interface, exported by the system bundle: a bundle registers a
 * {@link org.reprolab.launch.HeadlessCommand} and the launcher hands it the command line.
 */
@Version("1.0.0")
package org.reprolab.launch;

import org.osgi.annotation.versioning.Version;
