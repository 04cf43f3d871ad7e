package org.reprolab.method.apremss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitAndArchitectureTest {

    @Test
    void architectureFollowsTheInputDimension() {
        assertArrayEquals(new int[] {13, 13, 6, 13, 13}, Architecture.widths(13));
        assertArrayEquals(new int[] {64, 32, 16, 32, 64}, Architecture.widths(64));
        assertArrayEquals(new int[] {196, 98, 49, 24, 49, 98, 196}, Architecture.widths(196));
        assertArrayEquals(new int[] {256, 128, 64, 16}, Architecture.encoderWidths(256));
    }

    @Test
    void splitIsStratifiedAndStandardisedOnThePool() {
        OutlierDataset data = InSpanLocalOutliers.generate(20, 200, 40, 20, new SplittableRandom(1));
        DetectionSplit split = DetectionSplit.stratified(data, new SplittableRandom(2));
        assertEquals(260, split.pool().length + split.test().length);
        assertEquals(50 + 10 + 5, split.test().length, "a quarter of each group is test");
        int[] perGroup = new int[3];
        for (int g : split.validationGroup()) {
            perGroup[g]++;
        }
        assertArrayEquals(new int[] {50, 10, 5}, perGroup, "a quarter of each group is validation");
        for (int j = 0; j < 20; j++) {
            double mean = 0;
            double sq = 0;
            for (double[] row : split.pool()) {
                mean += row[j] / split.pool().length;
                sq += row[j] * row[j] / split.pool().length;
            }
            assertEquals(0, mean, 1e-9);
            assertEquals(1, sq, 1e-9);
        }
    }

    @Test
    void inSpanOutliersLieInTheInliersSubspaceAndOffSpanOnesDoNot() {
        OutlierDataset data = InSpanLocalOutliers.generate(20, 300, 30, 30, new SplittableRandom(5));
        double[][] inliers = new double[300][];
        System.arraycopy(data.x(), 0, inliers, 0, 300);
        Baselines.Pca pca = Baselines.Pca.fit(inliers, 0.99);
        assertEquals(3, pca.rank(), "inliers span three dimensions");
        double[] error = pca.reconstructionError(data.x());
        double inSpan = 0;
        double offSpan = 0;
        for (int i = 300; i < 360; i++) {
            if (data.group()[i] == InSpanLocalOutliers.IN_SPAN) {
                inSpan = Math.max(inSpan, error[i]);
            } else {
                offSpan += error[i] / 30;
            }
        }
        assertTrue(inSpan < 0.2, "in-span outliers are reconstructed by the inliers' subspace: max error " + inSpan);
        assertTrue(offSpan > 3, "off-subspace outliers are not: mean error " + offSpan);
    }
}
