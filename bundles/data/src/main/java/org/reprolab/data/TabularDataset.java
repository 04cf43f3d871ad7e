package org.reprolab.data;

import java.util.List;

/**
 * A table of numeric features with one numeric target per row. For classification sets the target is a class
 * index into {@code classNames}; for regression sets {@code classNames} is empty.
 */
public record TabularDataset(String name, double[][] x, double[] y, List<String> featureNames, String targetName,
                             List<String> classNames) {

    public TabularDataset {
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " rows but " + y.length + " targets");
        }
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
    }

    /** A regression table (no class names). */
    public TabularDataset(String name, double[][] x, double[] y, List<String> featureNames, String targetName) {
        this(name, x, y, featureNames, targetName, List.of());
    }

    public int rows() {
        return y.length;
    }

    public int features() {
        return featureNames.size();
    }

    /** Whether the target is a class index (the table has class names). */
    public boolean isClassification() {
        return !classNames.isEmpty();
    }

    /** The class indices as ints; for classification tables only. */
    public int[] labels() {
        if (!isClassification()) {
            throw new IllegalStateException(name + " is a regression table: its target '" + targetName + "' has no classes");
        }
        int[] labels = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = (int) y[i];
        }
        return labels;
    }
}
