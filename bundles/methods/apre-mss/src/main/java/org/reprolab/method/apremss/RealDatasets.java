package org.reprolab.method.apremss;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.reprolab.data.Datasets;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledImages;
import org.reprolab.data.TabularDataset;

/**
 * The five real detection tasks of the specification, each a labelled minority of outliers drawn at random (per data
 * split) from a class the inliers do not contain: digits 1–9 vs 40 zeros; breast-cancer benign vs 20 malignant;
 * wine cultivars 1 and 2 vs 10 of cultivar 0; and Fashion-MNIST (2×2-average downsampled to 14×14) with 1500
 * trousers or sneakers vs 50 images of the other nine classes.
 */
final class RealDatasets {

    static final List<String> NAMES = List.of("digits", "breast_cancer", "wine", "fmnist-trouser", "fmnist-sneaker");
    private static final int SNEAKER = 7;

    private final Datasets datasets;
    private final int fashionInliers;
    private final int fashionOutliers;
    private LabeledImages fashion;

    RealDatasets(Datasets datasets, int fashionInliers, int fashionOutliers) {
        this.datasets = datasets;
        this.fashionInliers = fashionInliers;
        this.fashionOutliers = fashionOutliers;
    }

    /** The named task with its outliers (and, for Fashion-MNIST, its inliers) drawn from {@code rng}. */
    OutlierDataset draw(String name, RandomGenerator rng) {
        return switch (name) {
            case "digits" -> fromTable(datasets.tabular("digits"), "digits", 0, 40, rng);
            case "breast_cancer" -> fromTable(datasets.tabular("breast_cancer"), "breast_cancer", 0, 20, rng);
            case "wine" -> fromTable(datasets.tabular("wine"), "wine", 0, 10, rng);
            case "fmnist-trouser" -> fashion("fmnist-trouser", FashionMnist.TROUSER, rng);
            case "fmnist-sneaker" -> fashion("fmnist-sneaker", SNEAKER, rng);
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "'; the real ones are " + NAMES);
        };
    }

    /** Every row of the other classes as inliers, {@code outliers} random rows of {@code outlierClass}. */
    private static OutlierDataset fromTable(TabularDataset table, String name, int outlierClass, int outliers, RandomGenerator rng) {
        int[] labels = table.labels();
        List<Integer> in = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            (labels[i] == outlierClass ? out : in).add(i);
        }
        return assemble(name, table.x(), in, sample(out, outliers, rng));
    }

    private OutlierDataset fashion(String name, int inlierClass, RandomGenerator rng) {
        if (fashion == null) {
            fashion = datasets.fashionMnist().load(FashionMnist.Split.TRAIN);
        }
        List<Integer> in = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < fashion.size(); i++) {
            (fashion.labels()[i] == inlierClass ? in : out).add(i);
        }
        List<Integer> inliers = sample(in, fashionInliers, rng);
        List<Integer> outliers = sample(out, fashionOutliers, rng);
        double[][] x = new double[fashion.size()][];
        for (int i : inliers) {
            x[i] = downsample(fashion.pixels()[i]);
        }
        for (int i : outliers) {
            x[i] = downsample(fashion.pixels()[i]);
        }
        return assemble(name, x, inliers, outliers);
    }

    /** 28×28 → 14×14 by averaging 2×2 blocks. */
    static double[] downsample(float[] image) {
        double[] out = new double[14 * 14];
        for (int r = 0; r < 14; r++) {
            for (int c = 0; c < 14; c++) {
                int p = 2 * r * 28 + 2 * c;
                out[r * 14 + c] = (image[p] + image[p + 1] + image[p + 28] + image[p + 29]) / 4.0;
            }
        }
        return out;
    }

    private static OutlierDataset assemble(String name, double[][] rows, List<Integer> inliers, List<Integer> outliers) {
        int n = inliers.size() + outliers.size();
        double[][] x = new double[n][];
        int[] group = new int[n];
        int i = 0;
        for (int r : inliers) {
            x[i++] = rows[r].clone();
        }
        for (int r : outliers) {
            group[i] = 1;
            x[i++] = rows[r].clone();
        }
        return OutlierDataset.singleView(name, x, group);
    }

    /** {@code k} distinct random members of the list, in a random order (all when it has no more). */
    private static List<Integer> sample(List<Integer> from, int k, RandomGenerator rng) {
        if (k > from.size()) {
            throw new IllegalArgumentException("cannot draw " + k + " points from " + from.size());
        }
        List<Integer> pool = new ArrayList<>(from);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(pool.size() - i);
            Integer t = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, t);
        }
        return List.copyOf(pool.subList(0, k));
    }
}
