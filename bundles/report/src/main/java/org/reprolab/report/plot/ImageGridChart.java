package org.reprolab.report.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.api.ImageGrid;

/** Images side by side in rows, each scaled up with visible pixels (nearest neighbour) and captioned. */
final class ImageGridChart {

    private static final int TOP = 46;
    private static final int GAP = 10;
    private static final int MARGIN = 20;

    private ImageGridChart() {
    }

    static Drawing draw(Figure f) {
        ImageGrid grid = f.images();
        List<String> notes = new ArrayList<>();
        int outside = 0;
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            BufferedImage img = new BufferedImage(grid.width(), grid.height(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < grid.height(); y++) {
                for (int x = 0; x < grid.width(); x++) {
                    int[] rgb = new int[3];
                    for (int ch = 0; ch < 3; ch++) {
                        float v = grid.pixel(i, y, x, grid.channels() == 1 ? 0 : ch);
                        if (!(v >= 0f && v <= 1f)) {
                            outside++;
                        }
                        rgb[ch] = Math.round(Math.clamp(Float.isNaN(v) ? 0f : v, 0f, 1f) * 255);
                    }
                    img.setRGB(x, y, rgb[0] << 16 | rgb[1] << 8 | rgb[2]);
                }
            }
            images.add(img);
        }
        if (outside > 0) {
            notes.add((grid.channels() == 1 ? outside / 3 : outside) + " pixel values outside [0, 1], clipped");
        }
        if (grid.size() == 0) {
            notes.add("no image to draw");
        }
        return new Drawing(new Layout(f, images), notes);
    }

    private static final class Layout implements Painting {
        private final Figure f;
        private final List<BufferedImage> images;
        private final int columns;
        private final int rows;
        private final int cell;
        private final int imageWidth;
        private final int imageHeight;
        private final int captionHeight;
        private final int width;
        private final int height;

        Layout(Figure f, List<BufferedImage> images) {
            this.f = f;
            this.images = images;
            ImageGrid grid = f.images();
            int n = Math.max(1, images.size());
            columns = grid.columns() > 0 ? grid.columns() : (int) Math.ceil(Math.sqrt(n));
            rows = (int) Math.ceil(n / (double) columns);
            int longest = Math.max(grid.width(), grid.height());
            int target = Math.clamp((Style.WIDTH - 2 * MARGIN) / columns - GAP, 24, 128);
            // whole multiples of the image's pixels keep every pixel the same size
            int scale = Math.max(1, target / longest);
            imageWidth = longest * scale > target ? target * grid.width() / longest : grid.width() * scale;
            imageHeight = longest * scale > target ? target * grid.height() / longest : grid.height() * scale;
            cell = Math.max(imageWidth, 24);
            captionHeight = grid.labels().isEmpty() ? 0 : 16;
            width = Math.max(Style.WIDTH / 2, 2 * MARGIN + columns * (cell + GAP) - GAP);
            height = TOP + rows * (imageHeight + captionHeight + GAP) + MARGIN;
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public void paint(Graphics2D g) {
            Style.page(g, f.title(), width, height, MARGIN);
            int gridWidth = columns * (cell + GAP) - GAP;
            int x0 = (width - gridWidth) / 2;
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setFont(Style.SMALL);
            List<String> labels = f.images().labels();
            for (int i = 0; i < images.size(); i++) {
                int x = x0 + (i % columns) * (cell + GAP) + (cell - imageWidth) / 2;
                int y = TOP + (i / columns) * (imageHeight + captionHeight + GAP);
                g.drawImage(images.get(i), x, y, imageWidth, imageHeight, null);
                g.setColor(Style.GRID);
                g.setStroke(new BasicStroke(1f));
                g.draw(new Rectangle2D.Double(x - 0.5, y - 0.5, imageWidth + 1, imageHeight + 1));
                if (!labels.isEmpty()) {
                    String label = Style.fit(Style.SMALL, labels.get(i), cell + GAP - 2);
                    g.setColor(Style.MUTED);
                    g.drawString(label, x + (imageWidth - Style.textWidth(Style.SMALL, label)) / 2f,
                            y + imageHeight + 13);
                }
            }
        }
    }
}
