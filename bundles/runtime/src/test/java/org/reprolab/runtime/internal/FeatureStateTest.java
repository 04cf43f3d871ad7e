package org.reprolab.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureStateTest {

    @Test
    void theInstalledSetIsTheDefaultUntilSavedThenWhatWasSaved(@TempDir Path dir) {
        FeatureState state = new FeatureState(dir.resolve("conf/features.properties"), Set.of("core", "theory"));
        assertEquals(Set.of("core", "theory"), state.load());
        state.save(Set.of("core"));
        assertEquals(Set.of("core"), state.load());
        assertEquals(Set.of("a", "b"), FeatureState.parseList(" a, b ,,"));
    }
}
