package org.reprolab.method.apremss;

import java.util.List;

/**
 * A contaminated dataset: points x with a group per point (0 = inlier, 1, 2, … = kinds of outliers) and the views
 * in which detection is evaluated. A view names the outlier groups that count as positives; points of the other
 * outlier groups are left out of that view's AUC (e.g. the synthetic set's in-span local outliers alone).
 *
 * @param real whether it is one of the real datasets averaged in the paper-style summary
 */
record OutlierDataset(String name, double[][] x, int[] group, List<View> views, boolean real) {

    /** Which outlier groups a view evaluates against the inliers. */
    record View(String name, int... outlierGroups) {

        /** Whether a point of this group takes part in the view. */
        boolean includes(int group) {
            if (group == 0) {
                return true;
            }
            for (int g : outlierGroups) {
                if (g == group) {
                    return true;
                }
            }
            return false;
        }
    }

    OutlierDataset {
        if (x.length != group.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " points but " + group.length + " group labels");
        }
    }

    /** A dataset with one kind of outlier, evaluated in one view named after it. */
    static OutlierDataset singleView(String name, double[][] x, int[] group) {
        return new OutlierDataset(name, x, group, List.of(new View(name, 1)), true);
    }

    int dims() {
        return x[0].length;
    }
}
