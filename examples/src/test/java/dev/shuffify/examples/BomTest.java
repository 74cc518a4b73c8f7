package dev.shuffify.examples;

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
 * {@code shuffify-bom} lists every published module (every module of the build outside {@code examples/}) at
 * the build's version, and nothing else; every published pom says what Maven Central asks for.
 */
class BomTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theBomListsEveryPublishedModuleAtTheBuildsVersion() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        String version = child(parent.getDocumentElement(), "version");
        List<String> published = new ArrayList<>();
        for (String module : texts(child(parent.getDocumentElement(), "modules", true), "module")) {
            Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
            String packaging = child(pom.getDocumentElement(), "packaging");
            if (!module.startsWith("examples") && !"pom".equals(packaging)) {
                published.add(child(pom.getDocumentElement(), "artifactId"));
            }
        }

        Document bom = read(ROOT.resolve("bom").resolve("pom.xml"));
        assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(version);
        Element managed = child(child(bom.getDocumentElement(), "dependencyManagement", true), "dependencies", true);
        List<String> listed = new ArrayList<>();
        NodeList deps = managed.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            assertThat(child(dep, "groupId")).isEqualTo("dev.shuffify");
            assertThat(child(dep, "version")).isEqualTo("${project.version}");
            listed.add(child(dep, "artifactId"));
        }
        assertThat(published).contains("shuffify-core", "shuffify-spotify-adapter");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void thePomsSayWhatMavenCentralAsksFor() throws Exception {
        for (Path pom : List.of(ROOT.resolve("pom.xml"), ROOT.resolve("bom").resolve("pom.xml"))) {
            Element project = read(pom).getDocumentElement();
            for (String field : List.of("name", "description", "url", "licenses", "developers", "scm")) {
                assertThat(child(project, field, true)).as("%s in %s", field, pom).isNotNull();
            }
            assertThat(child(child(child(project, "licenses", true), "license", true), "name"))
                    .isEqualTo("Apache License, Version 2.0");
        }
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004");
        assertThat(Files.readString(ROOT.resolve("NOTICE"))).contains("sonallux", "MIT");
    }

    private static Document read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    private static String child(Element parent, String name) {
        Element e = child(parent, name, false);
        return e == null ? null : e.getTextContent().trim();
    }

    private static Element child(Element parent, String name, boolean required) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        assertThat(!required).as("<%s> in <%s>", name, parent.getTagName()).isTrue();
        return null;
    }

    private static List<String> texts(Element parent, String name) {
        List<String> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(name);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }
}
