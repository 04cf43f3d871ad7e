package org.reprolab.method.latentquantization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.reprolab.data.synthetic.DSpritesLike;

class SpriteDataTest {

    @Test
    void thePaperSettingHasEveryCombinationOnceWithRotationsBelowTheSquaresSymmetry() {
        DSpritesLike setting = DSpritesLike.latentQuantizationSetting();
        assertEquals(32, setting.resolution());
        assertArrayEquals(new int[] {3, 6, 5, 8, 8}, setting.factorSizes());
        assertEquals(5760, setting.size());
        assertEquals(0, setting.rotationDegrees(0), 0);
        assertEquals(80, setting.rotationDegrees(4), 1e-12);
    }

    @Test
    void smallImagesArePooledAndTheSplitPartitionsTheImages() {
        SpriteData d = SpriteData.render(8, 50, 0.1, new SplittableRandom(1));
        assertEquals(64, d.pixels()[0].length);
        assertEquals(5, d.heldOut().length);
        int[] all = IntStream.concat(Arrays.stream(d.train()), Arrays.stream(d.heldOut())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 50).toArray(), all);
        for (float[] image : d.pixels()) {
            for (float p : image) {
                assertEquals(true, p >= 0 && p <= 1, "pixel " + p);
            }
        }
    }
}
