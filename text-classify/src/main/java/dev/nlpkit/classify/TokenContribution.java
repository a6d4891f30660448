package dev.nlpkit.classify;

/**
 * One token of an {@link Explanation}.
 *
 * @param text         the token as the user wrote it ({@code input.substring(start, end)})
 * @param start        its first character in the input
 * @param end          one past its last character
 * @param token        the token after preprocessing (what the vocabulary is asked for)
 * @param known        whether the vocabulary has it (else it reads as {@code <unk>} or is dropped)
 * @param inSequence   whether it reached the network (false when the sequence options dropped or truncated it)
 * @param contribution P(predicted class) with the token minus P(predicted class) without it (0 when it did not
 *                     reach the network); positive: the token pushes towards the predicted class
 */
public record TokenContribution(String text, int start, int end, String token, boolean known, boolean inSequence,
        double contribution) {
}
