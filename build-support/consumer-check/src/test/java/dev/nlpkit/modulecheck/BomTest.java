package dev.nlpkit.modulecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The nlpkit-bom stays in step with the reactor: no parent (so importing it pins none of the user's third-party
 * versions), the parent's version, and exactly the library modules (the jar modules that are published). Lives
 * beside ModulePathTest, the other check of what users consume.
 */
class BomTest {

    private static final Path ROOT = Path.of(System.getProperty("nlpkit.repository.root", "..")).toAbsolutePath();

    private static Document pom(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> texts(Node parent, String childName) {
        List<String> out = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(childName)) {
                out.add(e.getTextContent().trim());
            }
        }
        return out;
    }

    private static Element child(Node parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    @Test
    void bomManagesExactlyTheLibraryModulesAndHasNoParent() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml")).getDocumentElement();
        List<String> libraries = new ArrayList<>();
        for (String module : texts(child(parent, "modules"), "module")) {
            Element project = pom(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement();
            String packaging = texts(project, "packaging").stream().findFirst().orElse("jar");
            // the libraries are the jar modules that are published (examples and benchmarks set nlpkit.publish.skip)
            boolean published = !Files.readString(ROOT.resolve(module).resolve("pom.xml"))
                    .contains("<nlpkit.publish.skip>true</nlpkit.publish.skip>");
            if (packaging.equals("jar") && published) {
                libraries.add(texts(project, "artifactId").get(0));
            }
        }
        Element bom = pom(ROOT.resolve("nlpkit-bom/pom.xml")).getDocumentElement();
        assertThat(child(bom, "parent")).as("nlpkit-bom must not inherit the parent's dependencyManagement").isNull();
        assertThat(texts(bom, "version")).containsExactlyElementsOf(texts(parent, "version"));
        Element managed = child(child(bom, "dependencyManagement"), "dependencies");
        List<String> artifacts = new ArrayList<>();
        NodeList dependencies = managed.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertThat(texts(dependency, "groupId")).containsExactly("dev.nlpkit");
            artifacts.add(texts(dependency, "artifactId").get(0));
        }
        assertThat(artifacts).containsExactlyInAnyOrderElementsOf(libraries);
        assertThat(Files.readString(ROOT.resolve("nlpkit-bom/pom.xml"))).doesNotContain("<scope>import</scope>");
    }
}
