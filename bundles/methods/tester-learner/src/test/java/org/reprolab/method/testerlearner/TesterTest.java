package org.reprolab.method.testerlearner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tests T1–T5, the label-oblivious baseline and the pieces they rest on. */
class TesterTest {

    private static final int D = 5;
    private static final double[] E1 = Vectors.basis(D, 0);

    @Test
    void gaussianBandMassesAreErfValues() {
        assertEquals(0.8427007929497149, GaussianBand.erf(1), 1e-15);
        assertEquals(0.9500042097035591, GaussianBand.mass(1.96), 1e-13);
        assertEquals(0.03987761167674492, GaussianBand.mass(0.05), 1e-15);
        assertEquals(0, GaussianBand.mass(0));
    }

    @Test
    void operatorDistanceIsTheLargestAbsoluteEigenvalue() {
        double[][] a = {{2, 0, 0}, {0, 1, 0}, {0, 0, 0.5}};
        assertEquals(1.0, Moments.operatorDistance(a, Moments.identity(3)), 1e-12);
        double[][] rotated = {{1, 0.3}, {0.3, 1}};
        assertEquals(0.3, Moments.operatorDistance(rotated, Moments.identity(2)), 1e-12);
    }

    @Test
    void gaussianMassartSampleAlongTheTargetPassesT1ToT4() {
        LabelledSample s = new Setting(Setting.Family.GAUSSIAN_MASSART, 0.2).draw(50_000, D, new SplittableRandom(1));
        TestReport r = new Tester(0.1).test(s, E1);
        for (String test : new String[] {"T1", "T2", "T3", "T4"}) {
            assertTrue(r.passed(test), test + " on Gaussian data: " + r.checks());
        }
        assertEquals(1 + 1 + 4 + 4 + 1, r.checks().size());
        assertTrue(LabelObliviousTester.test(s).accepted());
    }

    @Test
    void stationarityFailsAwayFromTheTarget() {
        LabelledSample s = new Setting(Setting.Family.GAUSSIAN_MASSART, 0.1).draw(20_000, D, new SplittableRandom(2));
        double[] tilted = {Math.cos(0.5), Math.sin(0.5), 0, 0, 0};
        TestReport r = new Tester(0.1).test(s, tilted);
        assertFalse(r.passed("T5"), "a direction 29° off w* is no stationary point: " + r.checks());
        assertTrue(r.passed("T3"), "band masses along any direction of a Gaussian are Gaussian");
    }

    @Test
    void cubeFailsTheFourthMomentTest() {
        LabelledSample s = new Setting(Setting.Family.UNIFORM_CUBE, 0.2).draw(20_000, D, new SplittableRandom(3));
        TestReport r = new Tester(0.1).test(s, E1);
        assertTrue(r.passed("T1"), "the cube is isotropic");
        assertFalse(r.passed("T2"), "E x⁴ = 9/5 on the cube");
        assertFalse(LabelObliviousTester.test(s).accepted());
    }

    @Test
    void thinnedBandFailsTheBandMassTestButNotTheGlobalMoments() {
        LabelledSample s = new Setting(Setting.Family.THINNED_BAND, 0.2).draw(20_000, D, new SplittableRandom(4));
        assertFalse(new Tester(0.1).test(s, E1).passed("T3"));
        assertEquals(0.52, Moments.bandMass(s, E1, 0.05) / GaussianBand.mass(0.05), 0.1);
    }

    @Test
    void bandIsotropyCatchesAStretchedBand() {
        // Gaussian points whose w⊥ coordinate x₂ is doubled inside the band |x₁| ≤ 0.4 only
        LabelledSample g = SanityChecks.noiselessGaussian(40_000, D, new SplittableRandom(5));
        double[] x = g.x().clone();
        for (int i = 0; i < g.n(); i++) {
            if (Math.abs(x[i * D]) <= 0.4) {
                x[i * D + 1] *= 2;
            }
        }
        LabelledSample stretched = new LabelledSample(D, x, g.y());
        assertTrue(new Tester(0.1).test(g, E1).passed("T4"));
        assertFalse(new Tester(0.1).test(stretched, E1).passed("T4"));
    }

    @Test
    void anEmptyBandCannotBeCertified() {
        LabelledSample far = new LabelledSample(2, new double[] {3, 0, -3, 1, 4, 2}, new double[] {1, -1, 1});
        assertFalse(Tester.bandIsotropy(far, new double[] {1, 0}, 0.1).passed());
    }
}
