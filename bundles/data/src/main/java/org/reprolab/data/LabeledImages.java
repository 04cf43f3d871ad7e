package org.reprolab.data;

/**
 * Grey-scale images with class labels. {@code pixels[i]} is image i, row-major, values in [0, 1].
 */
public record LabeledImages(float[][] pixels, int[] labels, int rows, int cols, int classes) {

    public LabeledImages {
        if (pixels.length != labels.length) {
            throw new IllegalArgumentException(pixels.length + " images but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    /** The images whose label is one of {@code keep}, in their original order. */
    public LabeledImages onlyClasses(int... keep) {
        boolean[] wanted = new boolean[classes];
        for (int c : keep) {
            wanted[c] = true;
        }
        int n = 0;
        for (int label : labels) {
            n += wanted[label] ? 1 : 0;
        }
        float[][] p = new float[n][];
        int[] l = new int[n];
        for (int i = 0, j = 0; i < labels.length; i++) {
            if (wanted[labels[i]]) {
                p[j] = pixels[i];
                l[j++] = labels[i];
            }
        }
        return new LabeledImages(p, l, rows, cols, classes);
    }

    /** The images at the given indices, in that order (the pixel arrays are shared, not copied). */
    public LabeledImages select(int[] indices) {
        float[][] p = new float[indices.length][];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            p[i] = pixels[indices[i]];
            l[i] = labels[indices[i]];
        }
        return new LabeledImages(p, l, rows, cols, classes);
    }

    /** The first {@code n} images (all of them when n ≥ size). */
    public LabeledImages head(int n) {
        int m = Math.min(n, size());
        return new LabeledImages(java.util.Arrays.copyOf(pixels, m), java.util.Arrays.copyOf(labels, m), rows, cols, classes);
    }
}
