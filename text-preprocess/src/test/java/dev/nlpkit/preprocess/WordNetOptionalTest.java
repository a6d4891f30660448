package dev.nlpkit.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.junit.jupiter.api.Test;

/**
 * The WordNet data jar is an optional dependency: this module runs without it, and only lemmatization fails,
 * when the pipeline is built, naming the Maven coordinates to add. Checked in a class loader that holds this
 * module and Lucene but not the data jar, as a user's class path without the dependency would.
 */
class WordNetOptionalTest {

    private static final String DATA_RESOURCE = "net/sf/extjwnl/data/wordnet/wn30/index.noun";
    private static final String COORDINATES = "net.sf.extjwnl:extjwnl-data-wn30:1.2";

    private static URL codeSource(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    /** This module's classes, lucene-core and lucene-analysis-common; nothing else (no WordNet data). */
    private static URLClassLoader withoutWordNetData() {
        URL[] urls = {codeSource(TextPreprocessor.class), codeSource(Analyzer.class),
            codeSource(ASCIIFoldingFilter.class)};
        for (URL u : urls) {
            assertThat(u.toString()).doesNotContain("extjwnl");
        }
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Test
    void theDataIsOnTheTestClassPathButNotInTheIsolatedLoader() throws Exception {
        assertThat(getClass().getClassLoader().getResource(DATA_RESOURCE)).isNotNull();
        try (URLClassLoader loader = withoutWordNetData()) {
            assertThat(loader.getResource(DATA_RESOURCE)).isNull();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPresetWorksWithoutTheData() throws Exception {
        try (URLClassLoader loader = withoutWordNetData()) {
            Class<?> preprocessor = loader.loadClass(TextPreprocessor.class.getName());
            assertThat(preprocessor).isNotSameAs(TextPreprocessor.class);
            for (String preset : List.of("tweets", "english", "lesson")) {
                Object p = preprocessor.getMethod(preset).invoke(null);
                List<String> tokens = (List<String>) preprocessor.getMethod("tokens", String.class)
                        .invoke(p, "The geese ran home :)");
                assertThat(tokens).as(preset).isNotEmpty();
            }
        }
    }

    @Test
    void lemmatizationWithoutTheDataFailsWhenBuiltNamingTheDependency() throws Exception {
        try (URLClassLoader loader = withoutWordNetData()) {
            Class<?> options = loader.loadClass(PreprocessOptions.class.getName());
            Class<?> lemmatization = loader.loadClass(Lemmatization.class.getName());
            Object lemmatized = options.getMethod("withLemmatization", lemmatization)
                    .invoke(options.getMethod("tweets").invoke(null), lemmatization.getField("NOUN").get(null));
            Method of = loader.loadClass(TextPreprocessor.class.getName()).getMethod("of", options);
            assertThatThrownBy(() -> of.invoke(null, lemmatized)).isInstanceOf(InvocationTargetException.class)
                    .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("WordNet 3.0 data not found on the class path")
                            .hasMessageContaining(COORDINATES));
        }
    }

    @Test
    void theLemmatizerSpiFactoryWithoutTheDataFailsNamingTheDependency() throws Exception {
        try (URLClassLoader loader = withoutWordNetData()) {
            Class<?> factories = loader.loadClass("org.apache.lucene.analysis.TokenFilterFactory");
            factories.getMethod("reloadTokenFilters", ClassLoader.class).invoke(null, loader);
            Method forName = factories.getMethod("forName", String.class, java.util.Map.class);
            assertThatThrownBy(() -> forName.invoke(null, "nlpkitLemmatizer", new HashMap<String, String>()))
                    .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining(COORDINATES));
        }
    }
}
