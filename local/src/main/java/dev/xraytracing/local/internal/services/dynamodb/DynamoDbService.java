package dev.xraytracing.local.internal.services.dynamodb;

import dev.xraytracing.local.internal.services.EngineProcess;
import dev.xraytracing.local.internal.services.LocalService;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.template.TemplateResource;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB on dynalite: started in memory on a free port of 127.0.0.1 when the template declares a table, with the
 * template's tables created in it. Where dynalite or Node.js is missing, the run says once what to install and
 * starts no DynamoDB (functions' calls then fail at once with {@code NoLocalEngine}); the rest of the app runs.
 */
public final class DynamoDbService implements LocalService {
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_DYNAMODB";

    private final EngineProcess engine;

    private DynamoDbService(EngineProcess engine) {
        this.engine = engine;
    }

    /**
     * Whether the template declares a table and dynalite can run here; when it cannot, says once what to install
     * (the run then starts no DynamoDB, so {@link #start} is never called).
     */
    public static boolean neededAndInstalled(ServiceContext context) {
        if (context.resources(TemplateResource.Table.class).isEmpty()) {
            return false;
        }
        Optional<String> missing = missingEngine();
        missing.ifPresent(context.say());
        return missing.isEmpty();
    }

    /** The one line that says what to install, where dynalite cannot run here. */
    public static Optional<String> missingEngine() {
        Dynalite.Found found = locate();
        return found.command().isPresent() ? Optional.empty() : Optional.of(found.missing());
    }

    public static DynamoDbService start(ServiceContext context) {
        Dynalite.Found found = locate();
        List<String> dynalite = found.command().orElseThrow(() -> new IllegalStateException(found.missing()));
        EngineProcess engine = EngineProcess.startOnFreePort("dynalite", port -> {
            List<String> command = new ArrayList<>(dynalite);
            // In memory (no --path); tables are ACTIVE at once instead of after dynalite's default 500 ms.
            command.addAll(List.of("--host", "127.0.0.1", "--port", String.valueOf(port), "--createTableMs", "0",
                    "--deleteTableMs", "0", "--updateTableMs", "0"));
            return command;
        });
        List<TemplateResource.Table> tables = context.resources(TemplateResource.Table.class);
        try (DynamoDbClient dynamo = client(engine.endpoint(), context.region())) {
            TableCreation.create(dynamo, tables);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return new DynamoDbService(engine);
    }

    static Dynalite.Found locate() {
        String configured = System.getProperty(Dynalite.PATH_PROPERTY, System.getenv(Dynalite.PATH_VARIABLE));
        return Dynalite.find(configured, System.getenv(), Path.of(""));
    }

    /** A client for the platform's own calls (creating tables); the engine checks no credentials. */
    static DynamoDbClient client(String endpoint, String region) {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Override
    public String endpointVariable() {
        return ENDPOINT_VARIABLE;
    }

    @Override
    public String endpoint() {
        return engine.endpoint();
    }

    @Override
    public void close() {
        engine.close();
    }
}
