package org.reprolab.report.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.reprolab.api.Heatmap;
import org.reprolab.api.ImageGrid;
import org.reprolab.api.PlotSpec;
import org.reprolab.api.Series;

/**
 * Groups a run's series, heat maps and image grids into figures by their plot id and matches each figure to the
 * experiment's declarations: declared figures first, in the order declared, then every plot nobody declared as
 * a default line plot, so that nothing a run produced goes undrawn.
 */
public final class FigurePlan {

    private FigurePlan() {
    }

    public static List<Figure> of(List<PlotSpec> specs, List<Series> series, List<Heatmap> heatmaps, List<ImageGrid> grids) {
        Map<String, List<Series>> curves = new LinkedHashMap<>();
        Map<String, List<Heatmap>> maps = new LinkedHashMap<>();
        Map<String, List<ImageGrid>> images = new LinkedHashMap<>();
        Set<String> plotIds = new LinkedHashSet<>();
        for (Series s : series) {
            curves.computeIfAbsent(s.plot(), k -> new ArrayList<>()).add(s);
            plotIds.add(s.plot());
        }
        for (Heatmap h : heatmaps) {
            maps.computeIfAbsent(h.plot(), k -> new ArrayList<>()).add(h);
            plotIds.add(h.plot());
        }
        for (ImageGrid g : grids) {
            images.computeIfAbsent(g.plot(), k -> new ArrayList<>()).add(g);
            plotIds.add(g.plot());
        }
        List<String> ordered = new ArrayList<>(plotIds);
        ordered.sort(Comparator.comparingInt(id -> declarationIndex(specs, id)));

        List<Figure> figures = new ArrayList<>();
        Set<String> stems = new HashSet<>();
        for (String id : ordered) {
            Optional<PlotSpec> declared = declaration(specs, id);
            PlotSpec spec = declared.orElseGet(() -> PlotSpec.line(id.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "")
                    .transform(s -> s.isEmpty() ? "plot" : s), humanise(id)));
            String title = declared.map(d -> title(d, id)).orElse(humanise(id));
            List<Series> own = curves.getOrDefault(id, List.of());
            List<Heatmap> ownMaps = maps.getOrDefault(id, List.of());
            List<ImageGrid> ownImages = images.getOrDefault(id, List.of());
            for (int i = 0; i < ownMaps.size(); i++) {
                String t = ownMaps.size() == 1 ? title : title + " — " + ownMaps.get(i).name();
                figures.add(new Figure(id, spec, declared.isPresent(), t, stem(id, stems), own, ownMaps.get(i), null));
            }
            for (ImageGrid g : ownImages) {
                String t = ownImages.size() == 1 ? title : title + " — " + g.name();
                figures.add(new Figure(id, spec, declared.isPresent(), t, stem(id, stems), List.of(), null, g));
            }
            if (ownMaps.isEmpty() && !own.isEmpty()) {
                figures.add(new Figure(id, spec, declared.isPresent(), title, stem(id, stems), own, null, null));
            }
        }
        return figures;
    }

    /** The declaration that draws a plot id: the exact one, else the family with the longest prefix. */
    static Optional<PlotSpec> declaration(List<PlotSpec> specs, String plotId) {
        return specs.stream().filter(s -> !s.isFamily() && s.matches(plotId)).findFirst()
                .or(() -> specs.stream().filter(s -> s.isFamily() && s.matches(plotId))
                        .max(Comparator.comparingInt(s -> s.id().length())));
    }

    private static int declarationIndex(List<PlotSpec> specs, String plotId) {
        return declaration(specs, plotId).map(specs::indexOf).orElse(specs.size());
    }

    /** A family member's title: the declaration's, then what its id adds, e.g. "… — 500 leaves, bootstrap". */
    private static String title(PlotSpec spec, String plotId) {
        if (!spec.isFamily()) {
            return spec.title();
        }
        String rest = humanise(plotId.substring(spec.id().length() - 1));
        return rest.isEmpty() ? spec.title() : spec.title() + " — " + rest;
    }

    /** "mse-vs-trees/500-leaves" → "mse vs trees 500 leaves". */
    static String humanise(String id) {
        return id.replaceAll("[-_/]+", " ").strip();
    }

    /** A file name from a plot id: lower-case letters, digits, dots and dashes, unique within the run. */
    private static String stem(String plotId, Set<String> taken) {
        String base = plotId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (base.isEmpty()) {
            base = "plot";
        }
        String stem = base;
        for (int i = 2; !taken.add(stem); i++) {
            stem = base + "-" + i;
        }
        return stem;
    }
}
