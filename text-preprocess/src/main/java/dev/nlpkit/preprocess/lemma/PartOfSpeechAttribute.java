package dev.nlpkit.preprocess.lemma;

import org.apache.lucene.util.Attribute;

/**
 * The WordNet part of speech of the current token, set by a tagger stage upstream of a
 * {@link LemmatizerFilter}; null (the cleared state) means "not known".
 */
public interface PartOfSpeechAttribute extends Attribute {

    /**
     * The part of speech of the current token, or null when none was assigned.
     *
     * @return the part of speech, or null
     */
    PartOfSpeech getPartOfSpeech();

    /**
     * Sets the part of speech of the current token (null clears it).
     *
     * @param partOfSpeech the part of speech, or null for none
     */
    void setPartOfSpeech(PartOfSpeech partOfSpeech);
}
