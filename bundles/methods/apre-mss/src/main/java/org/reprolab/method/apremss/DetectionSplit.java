package org.reprolab.method.apremss;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The authors' protocol: a split of every group (inliers and each kind of outlier) into 50 % train, 25 % validation
 * and 25 % test, features standardised with the statistics of the points the auto-encoder is trained on. The model is
 * trained unsupervised on the pool = train + validation, outliers included; validation labels serve only to select k,
 * the epoch and the initialisation; test points are scored but never enter the pool.
 *
 * @param pool          standardised train + validation points (train first)
 * @param poolGroup     their groups
 * @param validation    indices into the pool of the validation points
 * @param test          standardised test points
 * @param testGroup     their groups
 */
record DetectionSplit(double[][] pool, int[] poolGroup, int[] validation, double[][] test, int[] testGroup) {

    /** A stratified random split of the dataset. */
    static DetectionSplit stratified(OutlierDataset data, RandomGenerator rng) {
        int groups = 0;
        for (int g : data.group()) {
            groups = Math.max(groups, g + 1);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < data.group().length; i++) {
                if (data.group()[i] == g) {
                    members.add(i);
                }
            }
            shuffle(members, rng);
            int n = members.size();
            int quarter = n >= 3 ? Math.max(1, n / 4) : 0;
            if (quarter == 0 && n > 0) {
                throw new IllegalArgumentException(data.name() + ": group " + g + " has " + n
                        + " points, too few for a train/validation/test split (need ≥ 3)");
            }
            val.addAll(members.subList(0, quarter));
            test.addAll(members.subList(quarter, 2 * quarter));
            train.addAll(members.subList(2 * quarter, n));
        }
        List<Integer> poolRows = new ArrayList<>(train);
        poolRows.addAll(val);
        double[][] pool = rows(data.x(), poolRows);
        double[][] testX = rows(data.x(), test);
        standardise(pool, testX);
        int[] validation = new int[val.size()];
        for (int i = 0; i < validation.length; i++) {
            validation[i] = train.size() + i;
        }
        return new DetectionSplit(pool, groups(data.group(), poolRows), validation, testX, groups(data.group(), test));
    }

    /** The validation points (standardised). */
    double[][] validationPoints() {
        double[][] v = new double[validation.length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = pool[validation[i]];
        }
        return v;
    }

    /** The validation points' groups. */
    int[] validationGroup() {
        int[] g = new int[validation.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = poolGroup[validation[i]];
        }
        return g;
    }

    /** Subtracts the pool's mean and divides by its standard deviation (1 for a constant feature), in place. */
    static void standardise(double[][] pool, double[][] other) {
        int d = pool[0].length;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : pool) {
                mean += row[j];
            }
            mean /= pool.length;
            double var = 0;
            for (double[] row : pool) {
                var += (row[j] - mean) * (row[j] - mean);
            }
            double sd = Math.sqrt(var / pool.length);
            double scale = sd > 1e-12 ? sd : 1;
            for (double[] row : pool) {
                row[j] = (row[j] - mean) / scale;
            }
            for (double[] row : other) {
                row[j] = (row[j] - mean) / scale;
            }
        }
    }

    private static double[][] rows(double[][] x, List<Integer> idx) {
        double[][] out = new double[idx.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = x[idx.get(i)].clone();
        }
        return out;
    }

    private static int[] groups(int[] group, List<Integer> idx) {
        return idx.stream().mapToInt(i -> group[i]).toArray();
    }

    private static void shuffle(List<Integer> list, RandomGenerator rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
