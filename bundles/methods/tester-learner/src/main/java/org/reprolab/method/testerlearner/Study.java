package org.reprolab.method.testerlearner;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.api.RunContext;
import org.reprolab.theory.common.Parallel;

/**
 * The experiment's grid: {@code runs} independent trials on each distribution, run in parallel. Each trial draws
 * from its own named streams ("&lt;setting&gt;/run-&lt;k&gt;/train|test|learner"), so results do not depend on scheduling.
 *
 * @param d        dimension
 * @param n        training points per trial (also what the tester sees)
 * @param testN    test points per trial
 * @param runs     trials per distribution
 * @param learner  the learner's settings
 * @param settings the distributions, in display order
 */
record Study(int d, int n, int testN, int runs, ProjectedSgd.Settings learner, List<Setting> settings) {

    Study {
        settings = List.copyOf(settings);
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("no distribution selected");
        }
    }

    /** Runs every trial; the outcomes come back grouped by setting, in the settings' order. */
    Map<Setting, List<Trial.Outcome>> run(RunContext ctx) {
        record Job(Setting setting, int run, Trial.Streams streams) {
        }
        List<Job> jobs = new ArrayList<>();
        for (Setting s : settings) {
            for (int r = 0; r < runs; r++) {
                String name = s.id() + "/run-" + r;
                jobs.add(new Job(s, r, new Trial.Streams(ctx.random(name + "/train"), ctx.random(name + "/test"),
                        ctx.random(name + "/learner"))));
            }
        }
        ProgressCounter progress = new ProgressCounter(ctx, jobs.size());
        List<Trial.Outcome> outcomes = Parallel.map(jobs.size(), k -> {
            Job job = jobs.get(k);
            Trial.Outcome o = Trial.run(job.setting(), job.run(), d, n, testN, learner, job.streams(), progress::checkCancelled);
            progress.tick(o.setting().label() + " run " + o.run() + (o.accepted() ? " accepted" : " rejected"));
            return o;
        });
        Map<Setting, List<Trial.Outcome>> bySetting = new LinkedHashMap<>();
        for (Setting s : settings) {
            bySetting.put(s, outcomes.stream().filter(o -> o.setting().equals(s)).toList());
        }
        return bySetting;
    }
}
