package org.reprolab.data.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.data.DataException;
import org.reprolab.data.DatasetInfo;
import org.reprolab.data.FashionMnistSource;
import org.reprolab.data.Tabular;

class DatasetsComponentTest {

    private static DatasetsComponent.Config config(String data, String cache, String url, boolean download) {
        return new DatasetsComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DatasetsComponent.Config.class;
            }

            @Override
            public String dataFolder() {
                return data;
            }

            @Override
            public String cacheFolder() {
                return cache;
            }

            @Override
            public String fashionMnistUrl() {
                return url;
            }

            @Override
            public boolean download() {
                return download;
            }
        };
    }

    @Test
    void configurationOverridesTheEnvironmentAndBlankKeepsIt(@TempDir Path tmp) {
        FashionMnistSource env = new FashionMnistSource(Optional.empty(), tmp.resolve("sys"), tmp.resolve("c"),
                FashionMnistSource.OFFICIAL_URL, true);
        FashionMnistSource kept = DatasetsComponent.apply(env, config("", "", "", true));
        assertEquals(env, kept);
        FashionMnistSource set = DatasetsComponent.apply(env, config(tmp.resolve("d").toString(), tmp.resolve("cache").toString(),
                "http://127.0.0.1:1/x/", false));
        assertEquals(Optional.of(tmp.resolve("d")), set.dataFolder());
        assertEquals(tmp.resolve("cache"), set.cacheFolder());
        assertEquals(URI.create("http://127.0.0.1:1/x/"), set.downloadBase());
        assertFalse(set.downloadAllowed());
    }

    @Test
    void serviceLocatesThroughItsSourceAndServesTables(@TempDir Path tmp) throws Exception {
        DatasetsComponent service = new DatasetsComponent(new FashionMnistSource(Optional.of(tmp), Files.createDirectories(tmp.resolve("sys")),
                tmp.resolve("cache"), FashionMnistSource.OFFICIAL_URL, false));
        DataException e = assertThrows(DataException.class, service::fashionMnist);
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        assertEquals(Tabular.NAMES, service.tabularNames());
        assertEquals(178, service.tabular("wine").rows());
    }

    @Test
    void catalogueListsEveryTableAndOnlyGeneratorsThatExist() throws ClassNotFoundException {
        DatasetsComponent service = new DatasetsComponent(FashionMnistSource.fromEnvironment());
        for (String table : Tabular.NAMES) {
            assertTrue(service.catalogue().stream().anyMatch(d -> d.name().equals(table) && d.kind() == DatasetInfo.Kind.TABLE), table);
        }
        long generators = 0;
        for (DatasetInfo d : service.catalogue()) {
            if (d.kind() == DatasetInfo.Kind.GENERATOR) {
                Class.forName(d.name());
                generators++;
            }
        }
        assertEquals(10, generators);
    }
}
