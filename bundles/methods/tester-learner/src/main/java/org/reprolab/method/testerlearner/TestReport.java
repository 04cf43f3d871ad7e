package org.reprolab.method.testerlearner;

import java.util.List;

/**
 * What a tester found: one {@link Check} per test (and per band where a test has several), and the verdict, which
 * is acceptance iff every check passed.
 *
 * @param checks every check, in the order run
 */
record TestReport(List<Check> checks) {

    /**
     * One comparison of a statistic with its tolerance.
     *
     * @param test      the test's name ("T1" … "T5", "LO-4th")
     * @param what      which part of it, e.g. "s=0.1" or "axis 3"
     * @param statistic the measured deviation (≥ 0; +∞ when it could not be measured, e.g. an empty band)
     * @param tolerance the largest deviation the test lets pass
     */
    record Check(String test, String what, double statistic, double tolerance) {
        boolean passed() {
            return statistic <= tolerance;
        }
    }

    TestReport {
        checks = List.copyOf(checks);
    }

    boolean accepted() {
        return checks.stream().allMatch(Check::passed);
    }

    /** Whether every check of the named test passed (true when the test was not run). */
    boolean passed(String test) {
        return checks.stream().filter(c -> c.test().equals(test)).allMatch(Check::passed);
    }

    /** The tests that failed, e.g. "T1,T3", or "none". */
    String failedTests() {
        List<String> failed = checks.stream().filter(c -> !c.passed()).map(Check::test).distinct().toList();
        return failed.isEmpty() ? "none" : String.join(",", failed);
    }

    /** The largest statistic/tolerance over the named test's checks: below 1 means it passed with that margin. */
    double worstRatio(String test) {
        return checks.stream().filter(c -> c.test().equals(test)).mapToDouble(c -> c.statistic() / c.tolerance())
                .max().orElseThrow(() -> new IllegalArgumentException("no check of test " + test));
    }
}
