package dev.xraytracing.examples;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Builds the Lambda client once per execution environment, on the JDK's own HTTP client: the lightest to load, and
 * neither Apache nor Netty lands in the package. Region, credentials and the endpoint come from the SDK's standard
 * environment variables, so {@code AWS_ENDPOINT_URL_LAMBDA} (or {@code AWS_ENDPOINT_URL}) points it at a local
 * endpoint.
 */
final class Clients {
    private Clients() {
    }

    static LambdaClient lambda() {
        return LambdaClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
