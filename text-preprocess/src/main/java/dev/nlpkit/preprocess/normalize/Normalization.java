package dev.nlpkit.preprocess.normalize;

/**
 * What the normalization stages do. Character-level steps run in a {@link NormalizingCharFilter} before
 * tokenization (in this order: HTML entities, NFKC, apostrophe unification, whitespace clean-up);
 * ASCII folding and elongation squeezing run as token filters after it.
 *
 * @param htmlEntities      decode {@code &amp;}, {@code &quot;}, {@code &lt;}, ..., {@code &#39;}, {@code &#x2764;}
 *                          (one pass, as Python's {@code html.unescape}: {@code &amp;lt;} becomes {@code &lt;})
 * @param nfkc              Unicode NFKC ({@code ﬁ -> fi}, full-width letters to ASCII, {@code e + U+0301 -> é})
 * @param unifyApostrophes  map {@code ’ ‘ ʼ} to {@code '} so that {@code don’t} meets the stop list's {@code don't}
 * @param cleanWhitespace   controls, exotic spaces (no-break, ideographic, ...) and zero-width spaces become plain
 *                          spaces; soft hyphens and bidi marks are removed ({@code soft\u00ADware -> software}).
 *                          Runs of ordinary whitespace are left as they are: every tokenizer splits on them, so
 *                          collapsing them would change no token and cost a copy of most tweets
 * @param asciiFolding      fold accented letters to ASCII ({@code café -> cafe}, Lucene's {@code ASCIIFoldingFilter})
 * @param elongationMaxRun  0 to keep elongations; otherwise runs of one character longer than this are cut to it
 *                          ({@code 3}: {@code sooooo -> sooo}, {@code LOLLLLL -> LOLLL}); URLs, e-mail addresses,
 *                          mentions and numbers are never squeezed
 */
public record Normalization(boolean htmlEntities, boolean nfkc, boolean unifyApostrophes, boolean cleanWhitespace,
                            boolean asciiFolding, int elongationMaxRun) {

    public Normalization {
        if (elongationMaxRun < 0 || elongationMaxRun == 1) {
            throw new IllegalArgumentException("elongationMaxRun must be 0 (off) or >= 2, got " + elongationMaxRun);
        }
    }

    /** Nothing: the text reaches the tokenizer unchanged. */
    public static Normalization none() {
        return new Normalization(false, false, false, false, false, 0);
    }

    /** What {@code tweets()} uses: entities, NFKC, apostrophes, whitespace, elongation squeezed to 3; no folding. */
    public static Normalization tweets() {
        return new Normalization(true, true, true, true, false, 3);
    }

    /** Entities, NFKC and whitespace; no apostrophe change, no folding, no squeezing. */
    public static Normalization prose() {
        return new Normalization(true, true, false, true, false, 0);
    }

    public Normalization withHtmlEntities(boolean on) {
        return new Normalization(on, nfkc, unifyApostrophes, cleanWhitespace, asciiFolding, elongationMaxRun);
    }

    public Normalization withNfkc(boolean on) {
        return new Normalization(htmlEntities, on, unifyApostrophes, cleanWhitespace, asciiFolding, elongationMaxRun);
    }

    public Normalization withUnifyApostrophes(boolean on) {
        return new Normalization(htmlEntities, nfkc, on, cleanWhitespace, asciiFolding, elongationMaxRun);
    }

    public Normalization withCleanWhitespace(boolean on) {
        return new Normalization(htmlEntities, nfkc, unifyApostrophes, on, asciiFolding, elongationMaxRun);
    }

    public Normalization withAsciiFolding(boolean on) {
        return new Normalization(htmlEntities, nfkc, unifyApostrophes, cleanWhitespace, on, elongationMaxRun);
    }

    public Normalization withElongationMaxRun(int maxRun) {
        return new Normalization(htmlEntities, nfkc, unifyApostrophes, cleanWhitespace, asciiFolding, maxRun);
    }

    /** Whether any character-level step is on (a {@link NormalizingCharFilter} is needed). */
    public boolean anyCharacterStep() {
        return htmlEntities || nfkc || unifyApostrophes || cleanWhitespace;
    }
}
