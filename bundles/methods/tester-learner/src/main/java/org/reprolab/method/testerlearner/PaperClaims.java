package org.reprolab.method.testerlearner;

import static org.reprolab.api.ClaimCheck.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.reprolab.api.ClaimCheck;
import org.reprolab.method.testerlearner.Setting.Family;
import org.reprolab.theory.common.SeedSummary;

/**
 * The six claims of the specification (methods/theory.md, tester-learner). They count runs ("accepts in ≥ 9 of 10
 * runs"), so with another number of runs the same fractions apply (⌈0.9·runs⌉ …). Thresholds are the
 * specification's. A claim whose distribution the run left out does not hold and says what is missing.
 */
final class PaperClaims {

    /** Claims 1, 3, 4, 6: "≥ 9 of 10 runs". */
    static final double MOST_RUNS = 0.9;
    /** Claim 5: "≥ 8 of 10 runs". */
    static final double SILENT_FAILURE_RUNS = 0.8;
    /** Claim 6: the baseline accepts in "≥ 5 of 10". */
    static final double BASELINE_ACCEPT_RUNS = 0.5;
    /** Claims 2, 4: err − opt ≤ 0.02 on accepted runs (the certificate). */
    static final double CERTIFIED_EXCESS = Tester.CERTIFIED_EXCESS;
    /** Claim 3: err ≤ 3·opt + 0.02. */
    static final double AGNOSTIC_FACTOR = 3;
    static final double AGNOSTIC_SLACK = 0.02;
    /** Claim 5: the untested learner's excess error on two-clusters is ≥ 0.015. */
    static final double SILENT_FAILURE_EXCESS = 0.015;
    /** Claim 1: the Massart rates that must all be accepted. */
    static final List<Double> MASSART_RATES = List.of(0.1, 0.2, 0.3);

    private final Map<Setting, List<Trial.Outcome>> outcomes;

    private PaperClaims(Map<Setting, List<Trial.Outcome>> outcomes) {
        this.outcomes = outcomes;
    }

    static List<ClaimCheck> evaluate(Map<Setting, List<Trial.Outcome>> outcomes) {
        PaperClaims c = new PaperClaims(outcomes);
        List<ClaimCheck> claims = new ArrayList<>();
        claims.add(check("C1", "Completeness: on Gaussian data with Massart noise the tester accepts in at least 9 of 10 "
                + "runs at each η_max ∈ {0.1, 0.2, 0.3}", "accepted ≥ ⌈0.9·runs⌉ at each η_max", c::completeness));
        claims.add(check("C2", "Near-optimal when accepted: on accepted G-Massart runs the learner's excess error "
                + "err − opt is at most 0.02", "max err − opt over accepted G-Massart runs ≤ " + format(CERTIFIED_EXCESS),
                c::nearOptimalWhenAccepted));
        claims.add(check("C3", "Agnostic case: on G-agnostic the tester accepts in at least 9 of 10 runs and accepted "
                + "runs have err ≤ 3·opt + 0.02", "accepted ≥ ⌈0.9·runs⌉ and err ≤ 3·opt + 0.02 on every accepted run",
                c::agnostic));
        claims.add(check("C4", "Soundness: the tester rejects U-cube, two-clusters and thinned-band in at least 9 of 10 "
                + "runs each, and no run of any distribution is accepted with err − opt > 0.02",
                "rejected ≥ ⌈0.9·runs⌉ on each; 0 accepted runs with err − opt > " + format(CERTIFIED_EXCESS), c::soundness));
        claims.add(check("C5", "The untested learner fails silently: on two-clusters its excess error is at least 0.015 "
                + "in at least 8 of 10 runs, and its output (a direction) carries no sign of it",
                "runs with err − opt ≥ " + format(SILENT_FAILURE_EXCESS) + " ≥ ⌈0.8·runs⌉", c::silentFailure));
        claims.add(check("C6", "Tests centred on the learned direction catch what global low-degree moments miss: on "
                + "thinned-band the band-mass test T3 rejects in at least 9 of 10 runs while the label-oblivious "
                + "baseline tester accepts in at least 5 of 10", "T3 fails ≥ ⌈0.9·runs⌉, baseline accepts ≥ ⌈0.5·runs⌉",
                c::directionCentredTests));
        return claims;
    }

    /** What one claim measured and whether all its conditions held. */
    private record Verdict(String measured, boolean held) {
    }

    /** Thrown when the run did not include a distribution a claim is about. */
    private static final class NotMeasured extends RuntimeException {
        NotMeasured(String what) {
            super(what, null, false, false);
        }
    }

    private static ClaimCheck check(String id, String statement, String expected, Supplier<Verdict> verdict) {
        try {
            Verdict v = verdict.get();
            return new ClaimCheck(id, statement, expected, v.measured(), v.held());
        } catch (NotMeasured e) {
            return new ClaimCheck(id, statement, expected, "not measured: " + e.getMessage(), false);
        }
    }

    private Verdict completeness() {
        boolean held = true;
        StringBuilder measured = new StringBuilder();
        for (double eta : MASSART_RATES) {
            List<Trial.Outcome> runs = runs(new Setting(Family.GAUSSIAN_MASSART, eta));
            long accepted = count(runs, Trial.Outcome::accepted);
            held &= accepted >= needed(MOST_RUNS, runs.size());
            measured.append(measured.isEmpty() ? "" : "; ").append("η=").append(Setting.number(eta)).append(": ")
                    .append(accepted).append("/").append(runs.size()).append(" accepted")
                    .append(failures(runs));
        }
        return new Verdict(measured.toString(), held);
    }

    private Verdict nearOptimalWhenAccepted() {
        List<Trial.Outcome> accepted = outcomes.entrySet().stream()
                .filter(e -> e.getKey().family() == Family.GAUSSIAN_MASSART).flatMap(e -> e.getValue().stream())
                .filter(Trial.Outcome::accepted).toList();
        if (accepted.isEmpty()) {
            throw new NotMeasured(outcomes.keySet().stream().anyMatch(s -> s.family() == Family.GAUSSIAN_MASSART)
                    ? "no G-Massart run was accepted" : "no G-Massart distribution in this run");
        }
        double worst = accepted.stream().mapToDouble(Trial.Outcome::excessError).max().orElseThrow();
        SeedSummary summary = SeedSummary.over(accepted, Trial.Outcome::excessError);
        return new Verdict("max err − opt = " + format(worst) + " over " + accepted.size() + " accepted runs (mean "
                + format(summary.mean()) + " ± " + format(summary.std()) + ")", worst <= CERTIFIED_EXCESS);
    }

    private Verdict agnostic() {
        List<Trial.Outcome> runs = runs(new Setting(Family.GAUSSIAN_AGNOSTIC, 0));
        List<Trial.Outcome> accepted = runs.stream().filter(Trial.Outcome::accepted).toList();
        double worstSlack = accepted.stream()
                .mapToDouble(o -> o.testError() - (AGNOSTIC_FACTOR * o.opt().error() + AGNOSTIC_SLACK)).max()
                .orElse(Double.NEGATIVE_INFINITY);
        boolean held = accepted.size() >= needed(MOST_RUNS, runs.size()) && worstSlack <= 0;
        SeedSummary err = SeedSummary.over(runs, Trial.Outcome::testError);
        SeedSummary opt = SeedSummary.over(runs, o -> o.opt().error());
        return new Verdict(accepted.size() + "/" + runs.size() + " accepted" + failures(runs) + "; err " + format(err.mean())
                + " vs opt " + format(opt.mean()) + " (means); max err − (3·opt + 0.02) on accepted runs = "
                + (accepted.isEmpty() ? "none accepted" : format(worstSlack)), held);
    }

    private Verdict soundness() {
        boolean held = true;
        StringBuilder measured = new StringBuilder();
        for (Family family : List.of(Family.UNIFORM_CUBE, Family.TWO_CLUSTERS, Family.THINNED_BAND)) {
            List<Trial.Outcome> runs = runsOf(family);
            long rejected = count(runs, o -> !o.accepted());
            held &= rejected >= needed(MOST_RUNS, runs.size());
            measured.append(measured.isEmpty() ? "" : "; ").append(runs.get(0).setting().label())
                    .append(": ").append(rejected).append("/").append(runs.size()).append(" rejected").append(failures(runs));
        }
        List<Trial.Outcome> wronglyCertified = outcomes.values().stream().flatMap(List::stream)
                .filter(o -> o.accepted() && o.excessError() > CERTIFIED_EXCESS).toList();
        held &= wronglyCertified.isEmpty();
        measured.append("; accepted with err − opt > ").append(format(CERTIFIED_EXCESS)).append(": ")
                .append(wronglyCertified.size()).append(" of ")
                .append(outcomes.values().stream().mapToInt(List::size).sum()).append(" runs");
        wronglyCertified.forEach(o -> measured.append(" [").append(o.setting().label()).append(" run ").append(o.run())
                .append(": ").append(format(o.excessError())).append("]"));
        return new Verdict(measured.toString(), held);
    }

    private Verdict silentFailure() {
        List<Trial.Outcome> runs = runsOf(Family.TWO_CLUSTERS);
        long failing = count(runs, o -> o.excessError() >= SILENT_FAILURE_EXCESS);
        SeedSummary excess = SeedSummary.over(runs, Trial.Outcome::excessError);
        SeedSummary opt = SeedSummary.over(runs, o -> o.opt().error());
        double lowest = runs.stream().mapToDouble(Trial.Outcome::excessError).min().orElseThrow();
        double highest = runs.stream().mapToDouble(Trial.Outcome::excessError).max().orElseThrow();
        return new Verdict(failing + "/" + runs.size() + " runs with err − opt ≥ " + format(SILENT_FAILURE_EXCESS)
                + " (err − opt " + format(lowest) + "…" + format(highest) + ", mean " + format(excess.mean())
                + "; opt " + format(opt.mean()) + ")", failing >= needed(SILENT_FAILURE_RUNS, runs.size()));
    }

    private Verdict directionCentredTests() {
        List<Trial.Outcome> runs = runsOf(Family.THINNED_BAND);
        long bandMassRejects = count(runs, o -> !o.tester().passed("T3"));
        long baselineAccepts = count(runs, o -> o.labelOblivious().accepted());
        boolean held = bandMassRejects >= needed(MOST_RUNS, runs.size())
                && baselineAccepts >= needed(BASELINE_ACCEPT_RUNS, runs.size());
        return new Verdict("T3 rejects " + bandMassRejects + "/" + runs.size() + "; label-oblivious tester accepts "
                + baselineAccepts + "/" + runs.size(), held);
    }

    private List<Trial.Outcome> runs(Setting setting) {
        List<Trial.Outcome> runs = outcomes.get(setting);
        if (runs == null || runs.isEmpty()) {
            throw new NotMeasured("no " + setting.label() + " runs");
        }
        return runs;
    }

    /** The runs of the one setting of this family (the study has one per family, except Massart rates). */
    private List<Trial.Outcome> runsOf(Family family) {
        return outcomes.entrySet().stream().filter(e -> e.getKey().family() == family).findFirst()
                .map(Map.Entry::getValue).filter(r -> !r.isEmpty())
                .orElseThrow(() -> new NotMeasured("no " + family.name().toLowerCase(Locale.ROOT).replace('_', '-') + " runs"));
    }

    /** The number of runs that "at least this fraction of runs" asks for: ⌈fraction·runs⌉. */
    static long needed(double fraction, int runs) {
        return (long) Math.ceil(fraction * runs - 1e-9);
    }

    private static long count(List<Trial.Outcome> runs, Predicate<Trial.Outcome> p) {
        return runs.stream().filter(p).count();
    }

    /** " (runs failing T2: 3, T5: 1)" — how many runs each test rejected — or "" when none failed. */
    private static String failures(List<Trial.Outcome> runs) {
        Map<String, Long> byTest = new TreeMap<>();
        for (Trial.Outcome o : runs) {
            o.tester().checks().stream().filter(c -> !c.passed()).map(TestReport.Check::test).distinct()
                    .forEach(test -> byTest.merge(test, 1L, Long::sum));
        }
        if (byTest.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        byTest.forEach((test, count) -> parts.add(test + ": " + count));
        return " (runs failing " + String.join(", ", parts) + ")";
    }
}
