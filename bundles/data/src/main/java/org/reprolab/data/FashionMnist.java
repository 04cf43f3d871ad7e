package org.reprolab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 60,000 training and 10,000 test images of 28×28 pixels
 * in 10 classes, read from the dataset's IDX files (gzipped or not) in one folder.
 *
 * <p>{@link #locate()} finds the folder as {@link FashionMnistSource#fromEnvironment()} says: {@code $REPROLAB_DATA}
 * (or its {@code fashion-mnist} sub-folder), the Debian package's folder {@code /usr/share/datasets/fashion-mnist}
 * (package {@code dataset-fashion-mnist}), else a download into the user cache, verified by SHA-256.
 *
 * <p>A truncated or corrupt file is a {@link DataException} naming it, never a partial dataset: a load of a whole
 * split also reads each file to its end, so the gzip checksum is verified and trailing bytes are refused.
 */
public final class FashionMnist {

    public static final String DEBIAN_FOLDER = "/usr/share/datasets/fashion-mnist";
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    public static final int TROUSER = 1;
    public static final int BAG = 8;
    public static final int ROWS = 28;
    public static final int COLS = 28;

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

        /** The IDX file name of this split's images (without ".gz"). */
        public String imagesFile() {
            return prefix + "-images-idx3-ubyte";
        }

        /** The IDX file name of this split's labels (without ".gz"). */
        public String labelsFile() {
            return prefix + "-labels-idx1-ubyte";
        }
    }

    private final Path folder;

    public FashionMnist(Path folder) {
        this.folder = folder;
    }

    /** The dataset where the environment says (see {@link FashionMnistSource#fromEnvironment()}). */
    public static FashionMnist locate() {
        return FashionMnistSource.fromEnvironment().locate();
    }

    /** Whether the folder holds all four IDX files (gzipped or not). */
    public static boolean isComplete(Path folder) {
        for (Split s : Split.values()) {
            for (String name : List.of(s.imagesFile(), s.labelsFile())) {
                if (!Files.isRegularFile(folder.resolve(name + ".gz")) && !Files.isRegularFile(folder.resolve(name))) {
                    return false;
                }
            }
        }
        return true;
    }

    public Path folder() {
        return folder;
    }

    /** The whole split. */
    public LabeledImages load(Split split) {
        return load(split, split.size);
    }

    /** The first {@code limit} images of a split (all of them when limit ≥ its size). */
    public LabeledImages load(Split split, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be ≥ 0, got " + limit);
        }
        int n = Math.min(limit, split.size);
        boolean whole = n == split.size;
        int[] labels = readLabels(file(split.labelsFile()), n, whole);
        float[][] pixels = readImages(file(split.imagesFile()), n, whole);
        return new LabeledImages(pixels, labels, ROWS, COLS, CLASS_NAMES.size());
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

    private static int[] readLabels(Path file, int n, boolean whole) {
        try (DataInputStream in = open(file)) {
            int count = header(in, file, LABELS_MAGIC, n, whole);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = in.readUnsignedByte();
                if (labels[i] >= CLASS_NAMES.size()) {
                    throw new DataException("corrupt Fashion-MNIST file " + file + ": label " + labels[i] + " at index " + i);
                }
            }
            if (whole) {
                requireEnd(in, file, count + " labels");
            }
            return labels;
        } catch (EOFException e) {
            throw new DataException("truncated Fashion-MNIST file " + file + ": it ends before " + n + " labels", e);
        } catch (ZipException e) {
            throw new DataException("corrupt Fashion-MNIST file " + file + ": not a valid gzip stream (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataException("cannot read Fashion-MNIST file " + file + ": " + e.getMessage(), e);
        }
    }

    private static float[][] readImages(Path file, int n, boolean whole) {
        try (DataInputStream in = open(file)) {
            int count = header(in, file, IMAGES_MAGIC, n, whole);
            int rows = in.readInt();
            int cols = in.readInt();
            if (rows != ROWS || cols != COLS) {
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
            if (whole) {
                requireEnd(in, file, count + " images");
            }
            return images;
        } catch (EOFException e) {
            throw new DataException("truncated Fashion-MNIST file " + file + ": it ends before " + n + " images", e);
        } catch (ZipException e) {
            throw new DataException("corrupt Fashion-MNIST file " + file + ": not a valid gzip stream (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataException("cannot read Fashion-MNIST file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Checks the magic number and the item count: at least {@code wanted}, exactly that when the whole split is read. */
    private static int header(DataInputStream in, Path file, int magic, int wanted, boolean whole) throws IOException {
        int m = in.readInt();
        if (m != magic) {
            throw new DataException(String.format("corrupt Fashion-MNIST file %s: magic number 0x%08x, expected 0x%08x", file, m, magic));
        }
        int count = in.readInt();
        if (count < wanted || (whole && count != wanted)) {
            throw new DataException("corrupt Fashion-MNIST file " + file + ": it declares " + count + " items, "
                    + (whole ? "the split has " : "") + wanted + (whole ? "" : " were asked for"));
        }
        return count;
    }

    /** Reads past the last item: a gzip stream's checksum is checked there, and trailing bytes mean a bad file. */
    private static void requireEnd(InputStream in, Path file, String what) throws IOException {
        if (in.read() != -1) {
            throw new DataException("corrupt Fashion-MNIST file " + file + ": bytes follow the declared " + what);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new DataInputStream(file.toString().endsWith(".gz") ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
    }
}
