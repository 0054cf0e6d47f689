package dev.xraytracing.local.internal.services.sqs;

import dev.xraytracing.local.internal.lambda.InvokeResponse;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.template.SamTemplate;
import dev.xraytracing.local.template.TemplateFunction;
import dev.xraytracing.local.template.TemplateResource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS service started from {@code templates/sqs.yaml}, with a stand-in for the Lambda service that records each
 * invocation and answers as the test's function would; and an unmodified SDK v2 client pointed at the engine, as a
 * function's would be.
 */
final class SqsTemplateRun implements AutoCloseable {
    /** One invocation: the function, its event, the trace header it was given. */
    record Invocation(String function, String event, String traceHeader) {
    }

    static final String REGION = "eu-west-1";

    final SamTemplate template;
    final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    final List<String> said = new CopyOnWriteArrayList<>();
    final SqsService service;
    final SqsClient client;
    private volatile Function<Invocation, InvokeResponse> function = invocation -> answer("null");

    SqsTemplateRun() {
        template = SamTemplate.read(resource("/templates/sqs.yaml"), REGION);
        Map<String, List<dev.xraytracing.local.template.FunctionEvent>> events = new LinkedHashMap<>();
        for (TemplateFunction f : template.functions()) {
            events.put(f.name(), f.events());
        }
        service = SqsService.start(new ServiceContext(template.resources(), events, (name, payload, header) -> {
            Invocation invocation = new Invocation(name, new String(payload, StandardCharsets.UTF_8), header);
            invocations.add(invocation);
            return function.apply(invocation);
        }, new LinkedHashMap<>(), REGION, "123456789012", new InetSocketAddress("127.0.0.1", 2000), said::add));
        client = SqsClient.builder()
                .endpointOverride(URI.create(service.endpoint()))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** How the functions answer from now on. */
    void functionAnswers(Function<Invocation, InvokeResponse> answer) {
        this.function = answer;
    }

    static InvokeResponse answer(String json) {
        return new InvokeResponse(200, json.getBytes(StandardCharsets.UTF_8), null, null, UUID.randomUUID().toString());
    }

    static InvokeResponse functionError(String message) {
        String body = "{\"errorMessage\":\"" + message + "\",\"errorType\":\"java.lang.IllegalStateException\"}";
        return new InvokeResponse(200, body.getBytes(StandardCharsets.UTF_8), "Unhandled", null,
                UUID.randomUUID().toString());
    }

    TemplateResource.Queue queue(String logicalId) {
        return (TemplateResource.Queue) template.resource(logicalId).orElseThrow();
    }

    List<Invocation> invocationsOf(String function) {
        return invocations.stream().filter(i -> i.function().equals(function)).toList();
    }

    QueueDepth depth(String logicalId) {
        return QueueDepth.of(client, queue(logicalId).url());
    }

    static Path resource(String name) {
        try {
            return Path.of(SqsTemplateRun.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        service.close();
    }
}
