package org.reprolab.data;

import java.util.List;

/** A table of numeric features with one numeric target per row (a class index for classification sets). */
public record TabularDataset(String name, double[][] x, double[] y, List<String> featureNames, String targetName) {

    public TabularDataset {
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " rows but " + y.length + " targets");
        }
        featureNames = List.copyOf(featureNames);
    }

    public int rows() {
        return y.length;
    }

    public int features() {
        return featureNames.size();
    }
}
