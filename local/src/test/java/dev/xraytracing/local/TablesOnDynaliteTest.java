package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xraytracing.local.internal.services.dynamodb.DynamoDbService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same function as {@link ServicesWithoutAnEngineTest}'s, now with the table declared in its template: the run
 * starts dynalite, creates the table, points the function at it, and every request saves its order. Skips, saying
 * why, where dynalite is not installed ({@code .ci/run} installs it).
 */
class TablesOnDynaliteTest {
    /** The same function and table name, the table now declared. */
    static final String TEMPLATE = ServicesWithoutAnEngineTest.TEMPLATE.replace("Resources:\n", """
            Resources:
              OrdersTable:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  TableName: orders
            """);

    @TempDir
    Path dir;

    @Test
    void a_function_writes_the_templates_table_with_an_unmodified_client() throws Exception {
        assumeTrue(OS.LINUX.isCurrentOs(), "the runtime client's native library is Linux's");
        Optional<String> missing = DynamoDbService.missingEngine();
        assumeTrue(missing.isEmpty(), missing.orElse(""));
        Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int exit = LocalRun.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), "--template",
                template.toString(), "--runtime", "ric", "--requests", "2", "--html", dir.resolve("r.html").toString());

        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output)
                .contains("request 1: GET /orders -> 201 saved")
                .contains("request 2: GET /orders -> 201 saved")
                .doesNotContain("NoLocalEngine").doesNotContain("dynalite is not installed");
    }
}
