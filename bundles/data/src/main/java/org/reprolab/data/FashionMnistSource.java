package org.reprolab.data;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Fashion-MNIST is looked for, and where it is downloaded to when it is nowhere. {@link #locate()} tries, in
 * order: the configured data folder's {@code fashion-mnist} sub-folder and the folder itself; the Debian package's
 * folder; the user cache's {@code fashion-mnist} sub-folder. When none holds the four IDX files and downloads are
 * allowed, the missing files are fetched from {@link #downloadBase()} into the cache, each verified against its
 * published SHA-256 before it is moved into place.
 *
 * @param dataFolder     the user's data folder ({@code $REPROLAB_DATA}), if any
 * @param systemFolder   the Debian package's folder
 * @param cacheFolder    the user cache ({@code data} in {@link LabFolders#cache()}: {@code $REPROLAB_CACHE/data} or
 *                       {@code ~/.cache/reprolab/data})
 * @param downloadBase   the folder URL the four {@code .gz} files are fetched from
 * @param downloadAllowed whether a missing dataset may be downloaded
 */
public record FashionMnistSource(Optional<Path> dataFolder, Path systemFolder, Path cacheFolder, URI downloadBase,
                                 boolean downloadAllowed) {

    /** The dataset's official location (Zalando Research's S3 bucket, as linked from its README). */
    public static final URI OFFICIAL_URL = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    /** The SHA-256 of each official {@code .gz} file (the Debian package ships the same files). */
    public static final Map<String, String> SHA256 = Map.of(
            "train-images-idx3-ubyte.gz", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
            "train-labels-idx1-ubyte.gz", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
            "t10k-images-idx3-ubyte.gz", "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
            "t10k-labels-idx1-ubyte.gz", "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");

    public FashionMnistSource {
        String base = downloadBase.toString();
        if (!base.endsWith("/")) {
            downloadBase = URI.create(base + "/");
        }
    }

    /**
     * The source the environment describes. Each setting is a system property, else an environment variable:
     * {@code reprolab.data} / {@code REPROLAB_DATA} (data folder), {@code reprolab.cache} / {@code REPROLAB_CACHE}
     * (cache root; datasets go to its {@code data} folder, default {@code ~/.cache/reprolab/data}), {@code reprolab.fashionmnist.url} /
     * {@code REPROLAB_FASHION_MNIST_URL} (download base, default {@link #OFFICIAL_URL}) and
     * {@code reprolab.download} / {@code REPROLAB_DOWNLOAD} ({@code false} forbids downloads).
     */
    public static FashionMnistSource fromEnvironment() {
        Optional<Path> data = LabFolders.data();
        Path cache = defaultCache();
        URI url = LabFolders.setting("reprolab.fashionmnist.url", "REPROLAB_FASHION_MNIST_URL").map(URI::create).orElse(OFFICIAL_URL);
        boolean download = LabFolders.setting("reprolab.download", "REPROLAB_DOWNLOAD").map(v -> !v.equalsIgnoreCase("false")).orElse(true);
        return new FashionMnistSource(data, Path.of(FashionMnist.DEBIAN_FOLDER), cache, url, download);
    }

    /** {@code data} in the lab's cache ({@link LabFolders#cache()}). */
    public static Path defaultCache() {
        return LabFolders.cache().resolve("data");
    }

    public FashionMnistSource withDataFolder(Path folder) {
        return new FashionMnistSource(Optional.ofNullable(folder), systemFolder, cacheFolder, downloadBase, downloadAllowed);
    }

    public FashionMnistSource withSystemFolder(Path folder) {
        return new FashionMnistSource(dataFolder, folder, cacheFolder, downloadBase, downloadAllowed);
    }

    public FashionMnistSource withCacheFolder(Path folder) {
        return new FashionMnistSource(dataFolder, systemFolder, folder, downloadBase, downloadAllowed);
    }

    public FashionMnistSource withDownload(URI base, boolean allowed) {
        return new FashionMnistSource(dataFolder, systemFolder, cacheFolder, base, allowed);
    }

    /** The folders searched, in order. */
    public List<Path> candidateFolders() {
        List<Path> folders = new ArrayList<>();
        dataFolder.ifPresent(d -> {
            folders.add(d.resolve("fashion-mnist"));
            folders.add(d);
        });
        folders.add(systemFolder);
        folders.add(downloadFolder());
        return folders;
    }

    /** Where downloaded files go: the cache's {@code fashion-mnist} sub-folder. */
    public Path downloadFolder() {
        return cacheFolder.resolve("fashion-mnist");
    }

    /** The first folder holding the dataset, downloading it when allowed; else a {@link DataException} saying how to get it. */
    public FashionMnist locate() {
        for (Path folder : candidateFolders()) {
            if (FashionMnist.isComplete(folder)) {
                return new FashionMnist(folder);
            }
        }
        if (!downloadAllowed) {
            throw new DataException("Fashion-MNIST not found (looked in " + candidateFolders() + ") and downloads are "
                    + "off (reprolab.download / REPROLAB_DOWNLOAD = false). " + howToGet());
        }
        Path target = downloadFolder();
        for (Map.Entry<String, String> file : new java.util.TreeMap<>(SHA256).entrySet()) {
            Path dest = target.resolve(file.getKey());
            if (!Files.isRegularFile(dest)) {
                Downloads.fetch(downloadBase.resolve(file.getKey()), file.getValue(), dest, this::howToGet);
            }
        }
        return new FashionMnist(target);
    }

    private String howToGet() {
        return "Install it with 'sudo apt-get install dataset-fashion-mnist' (Debian/Ubuntu), or put the four IDX files "
                + "(train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, "
                + "t10k-labels-idx1-ubyte.gz from " + OFFICIAL_URL + ") in a folder and set REPROLAB_DATA to it.";
    }
}
