package org.reprolab.theory.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EigenSweepTest {

    private static double[][] gram(double[][] x) {
        double[][] k = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double s = 0;
                for (int d = 0; d < x[i].length; d++) {
                    s += x[i][d] * x[j][d];
                }
                k[i][j] = s;
            }
        }
        return k;
    }

    @Test
    void sweepMatchesCholeskyAtEveryRidge() {
        SplittableRandom rng = new SplittableRandom(7);
        double[][] x = RandomFeatures.gaussian(40, 30, rng);
        double[][] y = RandomFeatures.gaussian(40, 2, rng);
        double[][] k = gram(x);
        double[] ridges = {1e-4, 1e-2, 1, 10};
        RidgePath path = EigenSweep.decompose(k).sweep(y, ridges);
        double[][][] alpha = path.coefficients();
        double[][][] train = path.trainPredictions();
        for (int q = 0; q < ridges.length; q++) {
            double[][] direct = CholeskyRidge.coefficients(k, y, ridges[q]);
            for (int i = 0; i < 40; i++) {
                for (int o = 0; o < 2; o++) {
                    assertEquals(direct[i][o], alpha[q][i][o], 1e-7 * (1 + Math.abs(direct[i][o])));
                    double kAlpha = 0;
                    for (int j = 0; j < 40; j++) {
                        kAlpha += k[i][j] * direct[j][o];
                    }
                    assertEquals(kAlpha, train[q][i][o], 1e-8 * (1 + Math.abs(kAlpha)));
                }
            }
        }
    }

    @Test
    void testPredictionsAreTheKernelTimesTheCoefficients() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] x = RandomFeatures.gaussian(20, 5, rng);
        double[][] y = RandomFeatures.gaussian(20, 1, rng);
        double[][] testKernel = RandomFeatures.gaussian(7, 20, rng);
        RidgePath path = EigenSweep.decompose(gram(x)).sweep(y, new double[] {0.5});
        double[][] direct = CholeskyRidge.coefficients(gram(x), y, 0.5);
        double[][][] pred = path.predict(testKernel);
        for (int t = 0; t < 7; t++) {
            double expected = 0;
            for (int j = 0; j < 20; j++) {
                expected += testKernel[t][j] * direct[j][0];
            }
            assertEquals(expected, pred[0][t][0], 1e-9 * (1 + Math.abs(expected)));
        }
    }

    @Test
    void ridgelessLimitInterpolatesAFullRankGramAndIsMinimumNormOnALowRankOne() {
        SplittableRandom rng = new SplittableRandom(11);
        double[][] y = RandomFeatures.gaussian(10, 1, rng);
        double[][] fullRank = gram(RandomFeatures.gaussian(10, 30, rng));
        double[][][] interpolated = EigenSweep.decompose(fullRank).sweep(y, new double[] {0}).trainPredictions();
        for (int i = 0; i < 10; i++) {
            assertEquals(y[i][0], interpolated[0][i][0], 1e-8);
        }
        // Rank 3: the ridgeless fit equals the limit of small ridges instead of blowing up on the null space.
        double[][] lowRank = gram(RandomFeatures.gaussian(10, 3, rng));
        EigenSweep sweep = EigenSweep.decompose(lowRank);
        double[][][] both = sweep.sweep(y, new double[] {0, 1e-9}).trainPredictions();
        for (int i = 0; i < 10; i++) {
            assertEquals(both[1][i][0], both[0][i][0], 1e-6);
        }
        double[] values = sweep.eigenvalues();
        for (int k = 1; k < values.length; k++) {
            assertTrue(values[k] <= values[k - 1], "eigenvalues in decreasing order");
        }
    }

    @Test
    void spectralCoefficientsPreserveTheNorm() {
        SplittableRandom rng = new SplittableRandom(5);
        EigenSweep sweep = EigenSweep.decompose(gram(RandomFeatures.gaussian(15, 15, rng)));
        double[] y = RandomFeatures.gaussian(1, 15, rng)[0];
        double a = 0;
        double b = 0;
        double[] c = sweep.spectralCoefficients(y);
        for (int i = 0; i < 15; i++) {
            a += y[i] * y[i];
            b += c[i] * c[i];
        }
        assertEquals(a, b, 1e-10 * a);
    }

    @Test
    void seedSummaryUsesTheSampleStandardDeviation() {
        SeedSummary s = SeedSummary.of(1, 2, 3);
        assertEquals(2, s.mean(), 0);
        assertEquals(1, s.std(), 1e-15);
        assertArrayEquals(new double[] {2, 5}, SeedSummary.columnMeans(new double[][] {{1, 4}, {3, 6}}), 0);
    }
}
