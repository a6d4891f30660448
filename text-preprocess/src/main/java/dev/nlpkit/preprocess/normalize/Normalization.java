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

    /**
     * Checks the elongation setting.
     *
     * @throws IllegalArgumentException when {@code elongationMaxRun} is negative or 1
     */
    public Normalization {
        if (elongationMaxRun < 0 || elongationMaxRun == 1) {
            throw new IllegalArgumentException("elongationMaxRun must be 0 (off) or >= 2, got " + elongationMaxRun);
        }
    }

    /**
     * Nothing: the text reaches the tokenizer unchanged.
     *
     * @return the options with every step off
     */
    public static Normalization none() {
        return new Normalization(false, false, false, false, false, 0);
    }

    /**
     * What {@code tweets()} uses: entities, NFKC, apostrophes, whitespace, elongation squeezed to 3; no folding.
     *
     * @return the options for tweets
     */
    public static Normalization tweets() {
        return new Normalization(true, true, true, true, false, 3);
    }

    /**
     * Entities, NFKC and whitespace; no apostrophe change, no folding, no squeezing.
     *
     * @return the options for prose
     */
    public static Normalization prose() {
        return new Normalization(true, true, false, true, false, 0);
    }

    /**
     * With HTML entity decoding on or off.
     *
     * @param on true to decode entities
     * @return a copy with {@code htmlEntities} replaced
     */
    public Normalization withHtmlEntities(boolean on) {
        return new Normalization(on, nfkc, unifyApostrophes, cleanWhitespace, asciiFolding, elongationMaxRun);
    }

    /**
     * With NFKC on or off.
     *
     * @param on true to apply Unicode NFKC
     * @return a copy with {@code nfkc} replaced
     */
    public Normalization withNfkc(boolean on) {
        return new Normalization(htmlEntities, on, unifyApostrophes, cleanWhitespace, asciiFolding, elongationMaxRun);
    }

    /**
     * With apostrophe unification on or off.
     *
     * @param on true to map typographic apostrophes to {@code '}
     * @return a copy with {@code unifyApostrophes} replaced
     */
    public Normalization withUnifyApostrophes(boolean on) {
        return new Normalization(htmlEntities, nfkc, on, cleanWhitespace, asciiFolding, elongationMaxRun);
    }

    /**
     * With whitespace clean-up on or off.
     *
     * @param on true to turn exotic spaces into plain ones and remove invisible characters
     * @return a copy with {@code cleanWhitespace} replaced
     */
    public Normalization withCleanWhitespace(boolean on) {
        return new Normalization(htmlEntities, nfkc, unifyApostrophes, on, asciiFolding, elongationMaxRun);
    }

    /**
     * With ASCII folding on or off.
     *
     * @param on true to fold accented letters to ASCII
     * @return a copy with {@code asciiFolding} replaced
     */
    public Normalization withAsciiFolding(boolean on) {
        return new Normalization(htmlEntities, nfkc, unifyApostrophes, cleanWhitespace, on, elongationMaxRun);
    }

    /**
     * With another elongation limit.
     *
     * @param maxRun 0 to keep elongations, otherwise the longest run of one character kept, >= 2
     * @return a copy with {@code elongationMaxRun} replaced
     */
    public Normalization withElongationMaxRun(int maxRun) {
        return new Normalization(htmlEntities, nfkc, unifyApostrophes, cleanWhitespace, asciiFolding, maxRun);
    }

    /**
     * Whether any character-level step is on (a {@link NormalizingCharFilter} is needed).
     *
     * @return true when HTML entities, NFKC, apostrophes or whitespace are on
     */
    public boolean anyCharacterStep() {
        return htmlEntities || nfkc || unifyApostrophes || cleanWhitespace;
    }
}
