package org.reprolab.runtime.format;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprolab.api.ExperimentInfo;
import org.reprolab.api.ParamSpec;
import org.reprolab.api.Profile;
import org.reprolab.runtime.BackendInfo;
import org.reprolab.runtime.FeatureInfo;
import org.reprolab.runtime.RegisteredExperiment;
import org.reprolab.runtime.RunRecord;
import org.reprolab.runtime.RunRequest;
import org.reprolab.runtime.RunStore;

/** What {@code list}, {@code info}, {@code runs}, {@code show} and {@code feature list} print, in the CLI and the console. */
public final class Listings {

    private Listings() {
    }

    public static void experiments(List<RegisteredExperiment> experiments, PrintStream out) {
        TextTable table = new TextTable("ID", "FEATURE", "YEAR", "TITLE");
        for (RegisteredExperiment e : experiments) {
            var info = e.experiment().info();
            table.row(info.id(), info.feature(), info.paper().year(), info.title());
        }
        table.print(out);
    }

    /** The paper, the bundle and the parameters of one experiment. */
    public static void experiment(RegisteredExperiment reg, PrintStream out) {
        ExperimentInfo info = reg.experiment().info();
        out.println(info.id() + " — " + info.title());
        out.println("paper:   " + info.paper().title() + " (" + info.paper().authors() + ", " + info.paper().year() + ")"
                + (info.paper().link().isEmpty() ? "" : " " + info.paper().link()));
        out.println("feature: " + info.feature() + "    bundle: " + reg.bundleSymbolicName() + " " + reg.bundleVersion());
        if (!info.summary().isEmpty()) {
            out.println();
            out.println(info.summary());
        }
        out.println();
        TextTable table = new TextTable("PARAMETER", "SMOKE", "FULL", "ACCEPTS", "MEANING");
        for (ParamSpec<?> p : reg.experiment().params()) {
            table.row(p.name(), p.format(p.defaultFor(Profile.SMOKE)), p.format(p.defaultFor(Profile.FULL)), p.accepts(), p.help());
        }
        table.print(out);
    }

    /** The compute backends new runs can choose, and why an unavailable one cannot be used here. */
    public static void backends(List<BackendInfo> backends, PrintStream out) {
        TextTable table = new TextTable("BACKEND", "STATUS", "DEVICE");
        for (BackendInfo b : backends) {
            table.row(b.kind() + (b.kind().equals(RunRequest.DEFAULT_BACKEND) ? " (default)" : ""),
                    b.available() ? "available" : "unavailable", b.available() ? b.description() : b.unavailableReason());
        }
        table.print(out);
    }

    /** The stored runs, newest first, and where they are. */
    public static void runs(RunStore store, PrintStream out) {
        TextTable table = new TextTable("RUN", "STATUS", "PROFILE", "SEED", "CLAIMS HELD", "WALL");
        for (RunRecord r : store.list()) {
            table.row(r.runId(), status(r), r.profile(), r.seed(), r.claimCount() == 0 ? "-" : r.claimsHeld() + "/" + r.claimCount(),
                    String.format(Locale.ROOT, "%.1fs", r.wallSeconds()));
        }
        table.print(out);
        out.println("(" + store.root() + ")");
    }

    /** One stored run: what ran, how it ended, its metrics and claims. */
    public static void run(RunRecord r, PrintStream out) {
        out.println(r.runId() + " — " + r.title());
        out.println("status:  " + status(r) + (r.error() == null ? "" : " (" + r.error() + ")"));
        out.println("bundle:  " + r.bundle() + " " + r.bundleVersion() + "    profile: " + r.profile() + "    seed: " + r.seed()
                + "    backend: " + r.backend());
        out.println("queued:  " + r.queuedAt() + "    started: " + r.startedAt() + "    ended: " + r.endedAt()
                + String.format(Locale.ROOT, "    wall: %.1fs", r.wallSeconds()));
        TextTable params = new TextTable("PARAMETER", "VALUE");
        r.params().forEach(params::row);
        out.println();
        params.print(out);
        if (r.metrics() != null && !r.metrics().isEmpty()) {
            TextTable metrics = new TextTable("METRIC", "VALUE");
            for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
                metrics.row(m.getKey(), m.getValue());
            }
            out.println();
            metrics.print(out);
        }
        if (r.claimCount() > 0) {
            out.println();
            ClaimsReport.print(r.claims(), out);
        }
    }

    /** The line that ends a run: its status, time, claims held and where the record is. */
    public static String outcome(RunRecord r, Path dir) {
        return String.format(Locale.ROOT, "run %s: %s in %.1f s, %d/%d claims held; record in %s", r.runId(), status(r),
                r.wallSeconds(), r.claimsHeld(), r.claimCount(), dir);
    }

    public static void features(List<FeatureInfo> features, PrintStream out) {
        TextTable table = new TextTable("FEATURE", "INSTALLED", "BUNDLES", "DEPENDS ON", "SUMMARY");
        for (FeatureInfo f : features) {
            table.row(f.name(), f.installed() ? "yes" : "no", f.bundles().size(), String.join(", ", f.dependsOn()), f.summary());
        }
        table.print(out);
    }

    /** e.g. "feature 'theory' installed (3 bundles)". */
    public static String featureChanged(FeatureInfo f, String verb) {
        return "feature '" + f.name() + "' " + verb + " (" + f.bundles().size() + " bundle" + (f.bundles().size() == 1 ? "" : "s") + ")";
    }

    /** e.g. "cancelled", "timed out". */
    public static String status(RunRecord r) {
        return r.status().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
