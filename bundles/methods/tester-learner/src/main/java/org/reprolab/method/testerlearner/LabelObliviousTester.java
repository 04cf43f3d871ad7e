package org.reprolab.method.testerlearner;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.method.testerlearner.TestReport.Check;

/**
 * The baseline in the style of earlier moment-matching testers: it ignores the labels and the learned direction and
 * checks only low-degree moments of the points against the Gaussian's — T1 (‖Σ̂ − I‖_op ≤ 0.1) and the fourth moment
 * along every coordinate axis (|Ê x_j⁴ − 3| ≤ 0.3, T2's tolerance).
 */
final class LabelObliviousTester {

    static final String AXIS_FOURTH_MOMENTS = "LO-4th";

    private LabelObliviousTester() {
    }

    static TestReport test(LabelledSample s) {
        List<Check> checks = new ArrayList<>();
        checks.add(Tester.secondMoments(s));
        for (int j = 0; j < s.d(); j++) {
            checks.add(Tester.fourthMoment(AXIS_FOURTH_MOMENTS, "axis " + (j + 1), s, Vectors.basis(s.d(), j)));
        }
        return new TestReport(checks);
    }
}
