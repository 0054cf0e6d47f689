package dev.xraytracing.local.internal.services;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** What the services' tests share: a context with a recording Lambda, SDK clients, waiting until quiet, events. */
public final class ServiceTesting {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";

    private ServiceTesting() {
    }

    /** A context of these resources and events, whose messages go to {@code said}. */
    public static ServiceContext context(List<TemplateResource> resources, Map<String, List<FunctionEvent>> events,
                                         RecordingLambda lambda, List<String> said) {
        return new ServiceContext(resources, events, lambda, new LinkedHashMap<>(), REGION, ACCOUNT,
                new InetSocketAddress("127.0.0.1", 2000), said::add);
    }

    public static List<String> said() {
        return new CopyOnWriteArrayList<>();
    }

    /** An unmodified SDK client pointed at {@code endpoint}. */
    public static <C, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(B builder,
                                                                                             String endpoint) {
        return builder.endpointOverride(URI.create(endpoint)).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** Waits until {@code quiet} holds (deliveries are asynchronous); fails after a minute, never asserts a time. */
    public static void awaitQuiet(BooleanSupplier quiet) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!quiet.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the service was still delivering after a minute");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The payload read as the Lambda runtime reads it into {@code type} (aws-lambda-java-serialization). */
    public static <T> T asEvent(String payload, Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, ServiceTesting.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
