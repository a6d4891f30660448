package dev.nlpkit.examples.plot;

import java.util.Arrays;

/**
 * Per-epoch training and validation loss and accuracy, the input of the learning-curve plots. Epoch {@code i}
 * (0-based) is plotted at x = i + 1. Validation arrays may be empty (no validation split); otherwise all four
 * have the same length.
 *
 * @param trainLoss          mean training loss per epoch
 * @param trainAccuracy      training accuracy per epoch
 * @param validationLoss     validation loss per epoch, or empty
 * @param validationAccuracy validation accuracy per epoch, or empty
 */
public record TrainingHistory(double[] trainLoss, double[] trainAccuracy, double[] validationLoss,
        double[] validationAccuracy) {

    public TrainingHistory {
        trainLoss = trainLoss.clone();
        trainAccuracy = trainAccuracy.clone();
        validationLoss = validationLoss.clone();
        validationAccuracy = validationAccuracy.clone();
        if (trainLoss.length == 0) {
            throw new IllegalArgumentException("a training history needs at least one epoch");
        }
        if (trainAccuracy.length != trainLoss.length) {
            throw new IllegalArgumentException("training loss has " + trainLoss.length + " epochs but accuracy has "
                    + trainAccuracy.length);
        }
        if (validationLoss.length != validationAccuracy.length
                || (validationLoss.length != 0 && validationLoss.length != trainLoss.length)) {
            throw new IllegalArgumentException("validation loss/accuracy have " + validationLoss.length + "/"
                    + validationAccuracy.length + " epochs, expected 0 or " + trainLoss.length);
        }
        for (double[] series : new double[][] {trainLoss, trainAccuracy, validationLoss, validationAccuracy}) {
            for (int i = 0; i < series.length; i++) {
                if (!Double.isFinite(series[i])) {
                    throw new IllegalArgumentException("epoch " + (i + 1) + " has a non-finite value " + series[i]);
                }
            }
        }
    }

    public int epochs() {
        return trainLoss.length;
    }

    public boolean hasValidation() {
        return validationLoss.length > 0;
    }

    @Override
    public double[] trainLoss() {
        return trainLoss.clone();
    }

    @Override
    public double[] trainAccuracy() {
        return trainAccuracy.clone();
    }

    @Override
    public double[] validationLoss() {
        return validationLoss.clone();
    }

    @Override
    public double[] validationAccuracy() {
        return validationAccuracy.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingHistory h && Arrays.equals(trainLoss, h.trainLoss)
                && Arrays.equals(trainAccuracy, h.trainAccuracy) && Arrays.equals(validationLoss, h.validationLoss)
                && Arrays.equals(validationAccuracy, h.validationAccuracy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(trainLoss) * 31 + Arrays.hashCode(validationLoss);
    }

    @Override
    public String toString() {
        return "TrainingHistory[epochs=" + epochs() + ", validation=" + hasValidation() + "]";
    }
}
