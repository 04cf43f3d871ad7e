package org.reprolab.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 60,000 training and 10,000 test images of 28×28 pixels
 * in 10 classes, read from the dataset's IDX files (gzipped or not).
 *
 * <p>The folder is {@code $REPROLAB_DATA/fashion-mnist} or {@code $REPROLAB_DATA} when that variable (or the
 * system property {@code reprolab.data}) is set, else the Debian package's folder
 * {@code /usr/share/datasets/fashion-mnist} (package {@code dataset-fashion-mnist}).
 */
public final class FashionMnist {

    public static final String DEBIAN_FOLDER = "/usr/share/datasets/fashion-mnist";
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    public static final int TROUSER = 1;
    public static final int BAG = 8;

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;

    /** Which half of the dataset. */
    public enum Split {
        TRAIN("train", 60_000), TEST("t10k", 10_000);

        private final String prefix;
        private final int size;

        Split(String prefix, int size) {
            this.prefix = prefix;
            this.size = size;
        }

        public int size() {
            return size;
        }
    }

    private final Path folder;

    public FashionMnist(Path folder) {
        this.folder = folder;
    }

    /** The dataset in the first folder that holds it, or a {@link DataException} saying how to install it. */
    public static FashionMnist locate() {
        List<Path> tried = candidateFolders();
        for (Path p : tried) {
            if (Files.isRegularFile(p.resolve("train-labels-idx1-ubyte.gz")) || Files.isRegularFile(p.resolve("train-labels-idx1-ubyte"))) {
                return new FashionMnist(p);
            }
        }
        throw new DataException("Fashion-MNIST not found (looked in " + tried + "). Install it with "
                + "'sudo apt-get install dataset-fashion-mnist' (Debian/Ubuntu), or put the four IDX files "
                + "(train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, "
                + "t10k-labels-idx1-ubyte.gz) in a folder and set REPROLAB_DATA to it.");
    }

    static List<Path> candidateFolders() {
        List<Path> folders = new ArrayList<>();
        String configured = System.getProperty("reprolab.data", System.getenv("REPROLAB_DATA"));
        if (configured != null && !configured.isBlank()) {
            folders.add(Path.of(configured, "fashion-mnist"));
            folders.add(Path.of(configured));
        }
        folders.add(Path.of(DEBIAN_FOLDER));
        return folders;
    }

    public Path folder() {
        return folder;
    }

    /** The first {@code limit} images of a split (all of them when limit ≥ its size). */
    public LabeledImages load(Split split, int limit) {
        int n = Math.min(limit, split.size);
        int[] labels = readLabels(file(split.prefix + "-labels-idx1-ubyte"), n);
        float[][] pixels = readImages(file(split.prefix + "-images-idx3-ubyte"), n);
        return new LabeledImages(pixels, labels, 28, 28, 10);
    }

    private Path file(String name) {
        Path gz = folder.resolve(name + ".gz");
        Path raw = folder.resolve(name);
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        throw new DataException("Fashion-MNIST file " + gz + " is missing; reinstall the dataset "
                + "('sudo apt-get install --reinstall dataset-fashion-mnist') or fix REPROLAB_DATA");
    }

    private static int[] readLabels(Path file, int n) {
        try (DataInputStream in = open(file)) {
            int count = header(in, file, LABELS_MAGIC, n);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = in.readUnsignedByte();
                if (labels[i] > 9) {
                    throw new DataException("corrupt Fashion-MNIST file " + file + ": label " + labels[i] + " at index " + i);
                }
            }
            assert count >= n;
            return labels;
        } catch (EOFException e) {
            throw new DataException("truncated Fashion-MNIST file " + file + ": it ends before " + n + " labels", e);
        } catch (IOException e) {
            throw new DataException("cannot read Fashion-MNIST file " + file + ": " + e.getMessage(), e);
        }
    }

    private static float[][] readImages(Path file, int n) {
        try (DataInputStream in = open(file)) {
            header(in, file, IMAGES_MAGIC, n);
            int rows = in.readInt();
            int cols = in.readInt();
            if (rows != 28 || cols != 28) {
                throw new DataException("corrupt Fashion-MNIST file " + file + ": images are " + rows + "×" + cols + ", expected 28×28");
            }
            byte[] buf = new byte[rows * cols];
            float[][] images = new float[n][rows * cols];
            for (int i = 0; i < n; i++) {
                in.readFully(buf);
                for (int p = 0; p < buf.length; p++) {
                    images[i][p] = (buf[p] & 0xff) / 255f;
                }
            }
            return images;
        } catch (EOFException e) {
            throw new DataException("truncated Fashion-MNIST file " + file + ": it ends before " + n + " images", e);
        } catch (IOException e) {
            throw new DataException("cannot read Fashion-MNIST file " + file + ": " + e.getMessage(), e);
        }
    }

    private static int header(DataInputStream in, Path file, int magic, int wanted) throws IOException {
        int m = in.readInt();
        if (m != magic) {
            throw new DataException(String.format("corrupt Fashion-MNIST file %s: magic number 0x%08x, expected 0x%08x", file, m, magic));
        }
        int count = in.readInt();
        if (count < wanted) {
            throw new DataException("Fashion-MNIST file " + file + " holds " + count + " items, " + wanted + " were asked for");
        }
        return count;
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new DataInputStream(file.toString().endsWith(".gz") ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
    }
}
