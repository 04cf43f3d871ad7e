package org.reprolab.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run produced: scalar metrics, claim checks, series, heat maps and image grids for plots, tables and
 * artifact files.
 */
public final class Result {

    private final Map<String, Double> metrics;
    private final List<ClaimCheck> claims;
    private final List<Series> series;
    private final List<Heatmap> heatmaps;
    private final List<ImageGrid> imageGrids;
    private final List<Table> tables;
    private final List<String> artifacts;

    private Result(Builder b) {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(b.metrics));
        claims = List.copyOf(b.claims);
        series = List.copyOf(b.series);
        heatmaps = List.copyOf(b.heatmaps);
        imageGrids = List.copyOf(b.imageGrids);
        tables = List.copyOf(b.tables);
        artifacts = List.copyOf(b.artifacts);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Double> metrics() {
        return metrics;
    }

    public List<ClaimCheck> claims() {
        return claims;
    }

    public List<Series> series() {
        return series;
    }

    /** @since 1.1 */
    public List<Heatmap> heatmaps() {
        return heatmaps;
    }

    /** @since 1.1 */
    public List<ImageGrid> imageGrids() {
        return imageGrids;
    }

    public List<Table> tables() {
        return tables;
    }

    /** Files the experiment wrote, relative to {@link RunContext#outDir()}. */
    public List<String> artifacts() {
        return artifacts;
    }

    public boolean allClaimsHeld() {
        return claims.stream().allMatch(ClaimCheck::held);
    }

    /** Collects a result; not thread-safe. */
    public static final class Builder {
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private final List<ClaimCheck> claims = new ArrayList<>();
        private final List<Series> series = new ArrayList<>();
        private final List<Heatmap> heatmaps = new ArrayList<>();
        private final List<ImageGrid> imageGrids = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<String> artifacts = new ArrayList<>();

        private Builder() {
        }

        public Builder metric(String name, double value) {
            metrics.put(name, value);
            return this;
        }

        public Builder claim(ClaimCheck claim) {
            claims.add(claim);
            return this;
        }

        public Builder series(Series s) {
            series.add(s);
            return this;
        }

        /** @since 1.1 */
        public Builder heatmap(Heatmap h) {
            heatmaps.add(h);
            return this;
        }

        /** @since 1.1 */
        public Builder imageGrid(ImageGrid g) {
            imageGrids.add(g);
            return this;
        }

        public Builder table(Table t) {
            tables.add(t);
            return this;
        }

        public Builder artifact(String relativePath) {
            artifacts.add(relativePath);
            return this;
        }

        public Result build() {
            return new Result(this);
        }
    }
}
