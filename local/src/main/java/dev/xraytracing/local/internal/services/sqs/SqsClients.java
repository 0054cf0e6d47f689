package dev.xraytracing.local.internal.services.sqs;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The platform's own SDK clients for the engine: the same unmodified {@link SqsClient} a function uses. */
final class SqsClients {
    /** Longer than SQS's longest poll (20 seconds), so that a long poll is never cut short by the client. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private SqsClients() {
    }

    static SqsClient to(String endpoint, String region) {
        return SqsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                // the engine accepts any signature; real credentials never leave the machine's environment
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDLOCALXRAYTRACING", "local-secret-not-used")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(READ_TIMEOUT).build())
                .build();
    }
}
