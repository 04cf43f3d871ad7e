package org.reprolab.method.raescore;

import org.reprolab.api.ClaimCheck;

/** Numbers as claims and labels show them. */
final class ClaimFormat {

    private ClaimFormat() {
    }

    static String number(double v) {
        return ClaimCheck.format(v);
    }
}
