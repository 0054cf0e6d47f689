package dev.xraytracing.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The example's client takes its endpoint from the SDK's standard configuration, so {@code AWS_ENDPOINT_URL_LAMBDA}
 * points it at a local endpoint. The environment cannot be set from a test; the equivalent system properties go
 * through the same SDK resolution.
 */
class EndpointOverrideTest {
    private final FakeLambdaService lambdaService = new FakeLambdaService();

    @AfterEach
    void restore() {
        System.clearProperty("aws.endpointUrlLambda");
        System.clearProperty("aws.region");
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        lambdaService.close();
    }

    @Test
    void theClientGoesWhereTheStandardEndpointSettingPointsIt() {
        System.setProperty("aws.endpointUrlLambda", lambdaService.endpoint());
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");

        try (LambdaClient client = Clients.lambda()) {
            client.invoke(r -> r.functionName("MySecondLambda"));
        }

        assertThat(lambdaService.invokedPaths()).containsExactly("/2015-03-31/functions/MySecondLambda/invocations");
    }
}
