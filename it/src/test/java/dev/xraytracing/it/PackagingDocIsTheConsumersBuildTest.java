package dev.xraytracing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/packaging.md's blocks are self-contained (the version property they use is defined in them) and are what
 * it/consumer builds with, line for line and in order.
 */
class PackagingDocIsTheConsumersBuildTest {
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\\R(.*?)```", Pattern.DOTALL);
    private static final Pattern VERSION_PROPERTY =
            Pattern.compile("<xray-tracing\\.version>([^<]*)</xray-tracing\\.version>");

    /** The xml blocks of the section "The plugin configuration". */
    private static List<String> pluginConfigurationBlocks() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "packaging.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("## The plugin configuration");
        String section = doc.substring(start, doc.indexOf("\n## ", start + 1));
        List<String> blocks = new ArrayList<>();
        Matcher block = XML_BLOCK.matcher(section);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /** Trimmed, non-blank lines; the version property's value made neutral (the build fills in the consumer's). */
    private static List<String> lines(String xml) {
        return xml.lines().map(String::trim).filter(line -> !line.isEmpty())
                .map(line -> VERSION_PROPERTY.matcher(line)
                        .replaceAll("<xray-tracing.version>V</xray-tracing.version>"))
                .toList();
    }

    @Test
    void the_version_property_the_blocks_use_is_defined_in_them_with_the_projects_version() throws IOException {
        String blocks = String.join("\n", pluginConfigurationBlocks());

        assertThat(blocks).contains("${xray-tracing.version}");
        Matcher property = VERSION_PROPERTY.matcher(blocks);
        assertThat(property.find()).as("docs/packaging.md defines <xray-tracing.version>").isTrue();
        assertThat(property.group(1)).isEqualTo(System.getProperty("project.version"));
    }

    @Test
    void every_line_of_the_blocks_is_in_the_consumers_pom_in_the_same_order() throws IOException {
        List<String> consumer = lines(Files.readString(Path.of("consumer", "pom.xml"), StandardCharsets.UTF_8));

        for (String block : pluginConfigurationBlocks()) {
            int at = 0;
            for (String line : lines(block)) {
                int found = consumer.subList(at, consumer.size()).indexOf(line);
                assertThat(found).as("it/consumer/pom.xml has, after line %s of its lines, %s", at, line)
                        .isNotNegative();
                at += found + 1;
            }
        }
    }
}
