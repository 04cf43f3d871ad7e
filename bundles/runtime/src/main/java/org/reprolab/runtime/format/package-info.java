/**
 * Plain-text views of experiments, runs and features shared by the headless CLI and the Gogo console, so both
 * print the same tables and messages.
 */
@Export
@Version("1.1.0")
package org.reprolab.runtime.format;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
