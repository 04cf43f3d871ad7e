package org.reprolab.method.apremss;

import java.util.List;

/** The names under which the detectors' test AUCs are reported (rows of the tables, series of the figures). */
final class Methods {

    static final String AE_MSE = "AE-MSE";
    static final String PAE_PRE = "PAE-PRE";
    static final String PAE_APRE = "PAE-APRE";
    static final String MSS_MSE = "MSS-MSE";
    static final String MSS_APRE = "MSS-APRE";
    static final String KNN = "kNN distance";
    static final String PCA = "PCA error";

    /** The five auto-encoder detectors the claims compare (MSS at t = 1, k selected), then the two baselines. */
    static final List<String> MAIN = List.of(AE_MSE, PAE_PRE, PAE_APRE, MSS_MSE, MSS_APRE, KNN, PCA);

    private Methods() {
    }

    /** MSS-MSE with t rounds (k selected); t = 1 is the main MSS-MSE. */
    static String mssMse(int t) {
        return t == 1 ? MSS_MSE : MSS_MSE + " t=" + t;
    }

    /** MSS-APRE with t rounds (k selected); t = 1 is the main MSS-APRE. */
    static String mssApre(int t) {
        return t == 1 ? MSS_APRE : MSS_APRE + " t=" + t;
    }

    /** PAE scored by APRE with these weights. */
    static String apre(double alpha, double beta) {
        return "APRE α=" + alpha + " β=" + beta;
    }
}
