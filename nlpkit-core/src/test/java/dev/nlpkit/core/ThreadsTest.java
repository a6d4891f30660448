package dev.nlpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(Resources.SYSTEM_PROPERTIES)
class ThreadsTest {

    private String before;

    @BeforeEach
    void saveProperty() {
        before = System.getProperty(Threads.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(Threads.PROPERTY);
        } else {
            System.setProperty(Threads.PROPERTY, before);
        }
    }

    @Test
    void withoutThePropertyTheDefaultIsTheAvailableProcessors() {
        System.clearProperty(Threads.PROPERTY);
        assertThat(Threads.defaultCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void thePropertySetsTheDefault() {
        System.setProperty(Threads.PROPERTY, " 3 ");
        assertThat(Threads.defaultCount()).isEqualTo(3);
    }

    @Test
    void aPropertyThatIsNotAPositiveIntegerIsNamedInTheError() {
        System.setProperty(Threads.PROPERTY, "many");
        assertThatThrownBy(Threads::defaultCount).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property nlpkit.threads must be an integer >= 1, got 'many'");
        System.setProperty(Threads.PROPERTY, "0");
        assertThatThrownBy(Threads::defaultCount).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property nlpkit.threads must be >= 1, got 0");
    }

    @Test
    void checkRejectsCountsBelowOneByName() {
        assertThat(Threads.check("threads", 2)).isEqualTo(2);
        assertThatThrownBy(() -> Threads.check("threads", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be >= 1, got 0");
    }
}
