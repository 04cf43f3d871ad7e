/**
 * Batching helpers on index arrays: seeded permutations, train/validation/test splits (optionally stratified),
 * mini-batch iteration and class-incremental task streams. They work on indices only, so they serve any dataset
 * layout; every random choice comes from the {@link java.util.random.RandomGenerator} passed in (use the run's
 * named streams), so the same seed gives the same batches.
 */
@Export
@Version("1.0.0")
package org.reprolab.data.batch;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
