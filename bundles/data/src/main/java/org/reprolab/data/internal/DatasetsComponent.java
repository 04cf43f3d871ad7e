package org.reprolab.data.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.reprolab.data.DatasetInfo;
import org.reprolab.data.Datasets;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.FashionMnistSource;
import org.reprolab.data.Tabular;
import org.reprolab.data.TabularDataset;

/**
 * The {@link Datasets} service. Its configuration (PID {@code org.reprolab.data}) overrides the environment's
 * settings (see {@link FashionMnistSource#fromEnvironment()}); an empty value keeps the environment's.
 */
@Component(service = Datasets.class, configurationPid = DatasetsComponent.PID)
@Designate(ocd = DatasetsComponent.Config.class)
public final class DatasetsComponent implements Datasets {

    static final String PID = "org.reprolab.data";

    /** Where Fashion-MNIST is looked for and cached. */
    @ObjectClassDefinition(name = "ReproLab datasets", description = "Where datasets are found, cached and downloaded from")
    public @interface Config {
        @AttributeDefinition(description = "Data folder searched first (default: $REPROLAB_DATA)")
        String dataFolder() default "";

        @AttributeDefinition(description = "Cache folder for downloads (default: $REPROLAB_CACHE or ~/.cache/reprolab/data)")
        String cacheFolder() default "";

        @AttributeDefinition(description = "Folder URL the Fashion-MNIST .gz files are downloaded from (default: the official one)")
        String fashionMnistUrl() default "";

        @AttributeDefinition(description = "Whether a missing dataset may be downloaded")
        boolean download() default true;
    }

    private volatile FashionMnistSource source;

    /** The service configured by the environment alone (as when no configuration exists). */
    public DatasetsComponent() {
        this.source = FashionMnistSource.fromEnvironment();
    }

    /** The service with an explicit source (tests, or a host that builds its own). */
    public DatasetsComponent(FashionMnistSource source) {
        this.source = source;
    }

    @Activate
    @Modified
    void configure(Config config) {
        source = apply(FashionMnistSource.fromEnvironment(), config);
    }

    static FashionMnistSource apply(FashionMnistSource s, Config config) {
        if (!config.dataFolder().isBlank()) {
            s = s.withDataFolder(Path.of(config.dataFolder()));
        }
        if (!config.cacheFolder().isBlank()) {
            s = s.withCacheFolder(Path.of(config.cacheFolder()));
        }
        URI url = config.fashionMnistUrl().isBlank() ? s.downloadBase() : URI.create(config.fashionMnistUrl());
        return s.withDownload(url, s.downloadAllowed() && config.download());
    }

    /** The lookup this service uses now. */
    public FashionMnistSource source() {
        return source;
    }

    @Override
    public FashionMnist fashionMnist() {
        return source.locate();
    }

    @Override
    public List<String> tabularNames() {
        return Tabular.NAMES;
    }

    @Override
    public TabularDataset tabular(String name) {
        return Tabular.byName(name);
    }

    @Override
    public List<DatasetInfo> catalogue() {
        return Catalogue.ENTRIES;
    }
}
