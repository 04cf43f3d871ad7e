/**
 * Seeded synthetic data generators used across the methods: Gaussian mixtures, power-law regression tasks,
 * linear-regression prompts for in-context learning, dSprites-like shapes with known factors, moving-shape
 * videos, finite-state-automaton languages, synthetic translation pairs and image corruptions. Every generator
 * takes an explicit seed or {@link java.util.random.RandomGenerator} and documents the distribution it draws
 * from; the same seed gives the same data. Outputs are plain arrays, row-major, with their shape alongside.
 */
@Export
@Version("1.0.0")
package org.reprolab.data.synthetic;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
