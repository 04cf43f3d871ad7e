package org.reprolab.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Images drawn side by side in rows, belonging to a plot (see {@link PlotSpec.Kind#IMAGE_GRID}): samples,
 * reconstructions, filters. Each image is {@code height × width × channels} floats in [0, 1] (values outside are
 * clipped), row by row with the channels of a pixel together; 1 channel is grey, 3 are red, green, blue.
 *
 * @param plot     the plot it belongs to
 * @param name     what the images are, for the figure's caption
 * @param height   pixels per image, vertically
 * @param width    pixels per image, horizontally
 * @param channels 1 or 3
 * @param columns  images per row of the grid; 0 for a square-ish grid
 * @param images   the images
 * @param labels   one caption per image, or none at all
 */
public record ImageGrid(String plot, String name, int height, int width, int channels, int columns, List<float[]> images,
                        List<String> labels) {

    public ImageGrid {
        Objects.requireNonNull(plot, "plot");
        Objects.requireNonNull(name, "name");
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image grid '" + name + "': images of " + height + " × " + width + " pixels");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("image grid '" + name + "': " + channels + " channels; expected 1 or 3");
        }
        if (columns < 0) {
            throw new IllegalArgumentException("image grid '" + name + "': " + columns + " columns");
        }
        List<float[]> copies = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            float[] image = images.get(i);
            if (image.length != height * width * channels) {
                throw new IllegalArgumentException("image grid '" + name + "': image " + i + " has " + image.length
                        + " values, expected " + height + " × " + width + " × " + channels);
            }
            copies.add(image.clone());
        }
        images = List.copyOf(copies);
        labels = labels == null ? List.of() : List.copyOf(labels);
        if (!labels.isEmpty() && labels.size() != images.size()) {
            throw new IllegalArgumentException("image grid '" + name + "': " + labels.size() + " labels for "
                    + images.size() + " images");
        }
    }

    /** Copies of the images. */
    @Override
    public List<float[]> images() {
        return images.stream().map(float[]::clone).toList();
    }

    /** How many images there are. */
    public int size() {
        return images.size();
    }

    /** The value of one channel of one pixel, without copying. */
    public float pixel(int image, int y, int x, int channel) {
        return images.get(image)[(y * width + x) * channels + channel];
    }
}
