package dev.nlpkit.preprocess.lemma;

import java.util.Objects;

import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/** Default implementation of {@link PartOfSpeechAttribute} (found by Lucene's naming convention). */
public final class PartOfSpeechAttributeImpl extends AttributeImpl implements PartOfSpeechAttribute {

    private PartOfSpeech partOfSpeech;

    /** An attribute with no part of speech. */
    public PartOfSpeechAttributeImpl() {
    }

    @Override
    public PartOfSpeech getPartOfSpeech() {
        return partOfSpeech;
    }

    @Override
    public void setPartOfSpeech(PartOfSpeech partOfSpeech) {
        this.partOfSpeech = partOfSpeech;
    }

    @Override
    public void clear() {
        partOfSpeech = null;
    }

    @Override
    public void reflectWith(AttributeReflector reflector) {
        reflector.reflect(PartOfSpeechAttribute.class, "partOfSpeech", partOfSpeech);
    }

    @Override
    public void copyTo(org.apache.lucene.util.AttributeImpl target) {
        ((PartOfSpeechAttribute) target).setPartOfSpeech(partOfSpeech);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartOfSpeechAttributeImpl that && that.partOfSpeech == partOfSpeech;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(partOfSpeech);
    }
}
