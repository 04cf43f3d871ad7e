package org.reprolab.data.batch;

/**
 * Disjoint index sets for training, validation and testing.
 *
 * @param train      training indices
 * @param validation validation indices (possibly empty)
 * @param test       test indices (possibly empty)
 */
public record DataSplit(int[] train, int[] validation, int[] test) {
}
