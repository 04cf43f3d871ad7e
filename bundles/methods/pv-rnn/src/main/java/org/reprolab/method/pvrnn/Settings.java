package org.reprolab.method.pvrnn;

import java.util.List;

/**
 * One run's settings, read from the parameters.
 *
 * @param layers       the MTRNN layers, bottom first
 * @param epochs       full-batch training epochs per model
 * @param lr           Adam's learning rate for training
 * @param er           error-regression settings
 * @param evalTimes    numbers of observed steps after which the test sequences are predicted
 * @param generated    sequences per generation mode
 * @param generatedSteps steps per generated sequence
 * @param twinWarmup   mean-prior steps before the twin trajectories split
 * @param twinSteps    steps the twin trajectories are followed
 * @param twinDelta    the initial difference added to the top layer's h
 */
record Settings(List<LayerSize> layers, int epochs, double lr, ErrorRegression.Settings er, int[] evalTimes,
                int generated, int generatedSteps, int twinWarmup, int twinSteps, double twinDelta) {
}
