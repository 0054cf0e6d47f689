package dev.xraytracing.local.internal.services.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.internal.services.LocalServices;
import dev.xraytracing.local.internal.services.catalog.ServiceCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the platform looks for dynalite, and what the run does when there is none. */
class DynaliteTest {
    @TempDir
    Path folder;

    @Test
    void without_dynalite_the_line_names_the_install_step_and_node() {
        Dynalite.Found found = Dynalite.find(null, Map.of("PATH", ""), folder);

        assertThat(found.command()).isEmpty();
        assertThat(found.missing()).contains("npm ci --ignore-scripts --prefix local/engines/dynamodb")
                .contains("apt-get install nodejs npm").doesNotContain("\n");
    }

    @Test
    void the_repositorys_install_is_found_from_a_module_folder_below_it() throws IOException {
        Path cli = installedCli(folder);
        Path node = executable(folder.resolve("bin"), "node");

        Dynalite.Found found = Dynalite.find(null, Map.of("PATH", node.getParent().toString()),
                folder.resolve("examples"));

        assertThat(found.command()).contains(List.of(node.toString(), cli.toString()));
    }

    @Test
    void a_configured_install_folder_runs_on_debians_nodejs_when_node_is_absent() throws IOException {
        Path cli = installedCli(folder);
        Path nodejs = executable(folder.resolve("bin"), "nodejs");

        Dynalite.Found found = Dynalite.find(folder.resolve(Dynalite.REPO_DEFAULT).toString(),
                Map.of("PATH", nodejs.getParent().toString()), Path.of("/"));

        assertThat(found.command()).contains(List.of(nodejs.toString(), cli.toString()));
    }

    @Test
    void without_node_the_line_says_to_install_it() throws IOException {
        installedCli(folder);

        Dynalite.Found found = Dynalite.find(null, Map.of("PATH", ""), folder);

        assertThat(found.missing()).contains("Node.js is not installed").contains("apt-get install nodejs");
    }

    @Test
    void debians_node_18_is_too_old_and_the_line_says_which_version_is_needed() throws IOException {
        installedCli(folder);
        Path node = executable(folder.resolve("bin"), "node", "v18.19.0");

        Dynalite.Found found = Dynalite.find(null, Map.of("PATH", node.getParent().toString()), folder);

        assertThat(found.command()).isEmpty();
        assertThat(found.missing()).contains("Node.js v18.19.0 (" + node + ") is too old for dynalite 4.0.0,"
                + " which needs Node.js 20 or later");
    }

    @Test
    void dynalite_on_the_path_is_the_last_resort() throws IOException {
        Path dynalite = executable(folder.resolve("bin"), "dynalite");

        Dynalite.Found found = Dynalite.find(null, Map.of("PATH", dynalite.getParent().toString()), folder);

        assertThat(found.command()).contains(List.of(dynalite.toString()));
    }

    @Test
    void a_dynalite_path_that_is_no_dynalite_is_one_line_and_the_run_sets_no_dynamodb_endpoint() {
        String before = System.getProperty(Dynalite.PATH_PROPERTY);
        System.setProperty(Dynalite.PATH_PROPERTY, "/nowhere/dynalite");
        List<String> said = new ArrayList<>();
        try (LocalServices services = LocalServices.start(
                DynamoDbServiceTest.context(List.of(DynamoDbServiceTest.SIMPLE), said), ServiceCatalog.ALL)) {
            assertThat(services.endpoints()).doesNotContainKey(DynamoDbService.ENDPOINT_VARIABLE);
            assertThat(said).singleElement().asString().startsWith("DynamoDB: /nowhere/dynalite")
                    .contains(Dynalite.PATH_VARIABLE).endsWith("DynamoDB calls fail at once");
        } finally {
            if (before == null) {
                System.clearProperty(Dynalite.PATH_PROPERTY);
            } else {
                System.setProperty(Dynalite.PATH_PROPERTY, before);
            }
        }
    }

    private static Path installedCli(Path repository) throws IOException {
        Path cli = repository.resolve(Dynalite.REPO_DEFAULT).resolve("node_modules/dynalite/cli.js");
        Files.createDirectories(cli.getParent());
        return Files.writeString(cli, "// dynalite");
    }

    private static Path executable(Path folder, String name) throws IOException {
        return executable(folder, name, "v20.20.2");
    }

    /** A program that prints {@code version} as {@code node --version} does. */
    private static Path executable(Path folder, String name, String version) throws IOException {
        Files.createDirectories(folder);
        Path file = Files.writeString(folder.resolve(name), "#!/bin/sh\necho " + version + "\n");
        file.toFile().setExecutable(true);
        return file;
    }
}
