package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CodeUri that is not built is one line naming the file the template names and what its folder holds instead. */
class UnbuiltCodeUriLineTest {
    @TempDir
    Path project;

    private final List<String> lines = new ArrayList<>();

    private TemplateSetup setUp(String codeUri) {
        SamTemplate template = SamTemplate.parse("Resources:\n  Orders:\n    Type: AWS::Serverless::Function\n"
                + "    Properties:\n      Handler: com.example.Orders\n      Runtime: java17\n"
                + "      CodeUri: " + codeUri + "\n", project.resolve("template.yaml"), "us-east-1");
        return TemplateSetup.of(template, "mvn package", lines::add);
    }

    @Test
    void a_zip_built_under_another_name_is_named_beside_the_one_the_template_names() throws Exception {
        Path target = Files.createDirectories(project.resolve("target"));
        Files.createDirectories(target.resolve("classes"));
        Files.setLastModifiedTime(target.resolve("classes"), FileTime.fromMillis(1_000));
        Files.write(target.resolve("orders-1.1.zip"), new byte[] {});
        Files.writeString(target.resolve("build.log"), "not a package");

        setUp("target/orders.zip");

        assertThat(lines).singleElement().isEqualTo("Orders's CodeUri " + target.resolve("orders.zip")
                + " is not built yet (mvn package builds it; the template names orders.zip, " + target
                + " holds orders-1.1.zip, classes/); Orders runs from the classpath instead");
    }

    @Test
    void a_folder_that_does_not_exist_is_said_so() {
        setUp("target/orders.zip");

        assertThat(lines).singleElement().asString().contains("the template names orders.zip, and its folder "
                + project.resolve("target") + " does not exist");
    }

    @Test
    void a_folder_without_packages_says_it_holds_none() throws Exception {
        Files.writeString(Files.createDirectories(project.resolve("target")).resolve("build.log"), "");

        setUp("target/orders.zip");

        assertThat(lines).singleElement().asString()
                .contains(project.resolve("target") + " holds no zip, jar or folder");
    }

    @Test
    void a_built_package_says_nothing_and_is_the_package_messages_name() throws Exception {
        Path target = Files.createDirectories(project.resolve("target/orders"));

        TemplateSetup setup = setUp("target/orders");

        assertThat(lines).isEmpty();
        assertThat(setup.functions().get(0).deploymentPackage()).contains(target);
    }
}
