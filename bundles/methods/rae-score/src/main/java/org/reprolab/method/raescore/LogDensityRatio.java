package org.reprolab.method.raescore;

/** An estimate of log p(x′) − log p(x) for a batch of moves x → x′, what Metropolis–Hastings accepts on. */
interface LogDensityRatio {

    /**
     * @param from n × d current states, row-major
     * @param to   n × d proposed states
     * @return n estimates of log p(to) − log p(from)
     */
    double[] between(double[] from, double[] to);
}
