package dev.xraytracing.local.internal.services.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.xraytracing.local.internal.lambda.InvokeResponse;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.template.TemplateResource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3Mock starts beside the run, so its failure to start cannot fail the run's start: it is said once, listed among
 * the run's problems, and every S3 call is answered with an S3 error that names the cause, which the SDK reads.
 */
class S3MockThatFailsToStartTest {
    static final TemplateResource.Bucket UPLOADS = new TemplateResource.Bucket("Uploads", "uploads-123456789012",
            "arn:aws:s3:::uploads-123456789012");

    @Test
    void calls_are_answered_503_with_the_cause_and_the_run_says_so_once(@TempDir Path folder) throws IOException {
        Path notAJar = Files.writeString(folder.resolve("s3mock-exec.jar"), "not a jar");
        List<String> said = new CopyOnWriteArrayList<>();
        S3Service service;
        System.setProperty(S3MockEngine.JAR_PROPERTY, notAJar.toString());
        try {
            service = S3Service.start(new ServiceContext(List.of(UPLOADS), Map.of(),
                    (function, payload, traceHeader) -> new InvokeResponse(202, new byte[0], null, null, "r-1"),
                    new HashMap<>(), "us-east-1", "123456789012", new InetSocketAddress("127.0.0.1", 2000),
                    said::add));
        } finally {
            System.clearProperty(S3MockEngine.JAR_PROPERTY);
        }
        try (service; S3Client s3 = S3Client.builder().region(Region.US_EAST_1)
                .endpointOverride(java.net.URI.create(service.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {

            S3Exception failure = catchThrowableOfType(S3Exception.class, () -> s3.putObject(
                    b -> b.bucket(UPLOADS.name()).key("a.txt"), RequestBody.fromString("hello")));

            assertThat(failure.statusCode()).isEqualTo(503);
            assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
            assertThat(failure.awsErrorDetails().errorMessage()).startsWith("S3Mock did not start: ");
            assertThat(said).singleElement().asString().startsWith("S3: S3Mock did not start (")
                    .endsWith("); S3 calls are answered 503");
            assertThat(service.problems()).containsExactly("S3: S3Mock did not start; S3 calls were answered 503");
        }
    }
}
