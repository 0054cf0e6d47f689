package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.local.app.LocalRunException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SAM template as the local run reads it: its functions ({@code Globals.Function} merged in), their API routes and
 * other events, the APIs they belong to, and the resources the platform stands in for ({@link TemplateResource}).
 * What the run does not simulate is listed in {@link #warnings()}, one line each; reading never fails on it. What
 * CloudFormation would refuse is a {@link LocalRunException} in one line naming the resource and the property.
 * Intrinsics ({@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select},
 * {@code Fn::Split}) resolve to what CloudFormation would give, in stack {@code local} and account
 * {@code 123456789012}; docs/local-services.md lists them.
 */
public final class SamTemplate {
    static final String IMPLICIT_REST_API = "ServerlessRestApi";
    static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    private final Path file;
    private final Map<String, TemplateFunction> functions = new LinkedHashMap<>();
    private final Map<String, TemplateApi> apis = new LinkedHashMap<>();
    private final Map<String, TemplateResource> resources = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final String region;
    private Intrinsics intrinsics;
    private FunctionEvents events;
    private FunctionSettings settings;

    private SamTemplate(Path file, String region) {
        this.file = file;
        this.region = region;
    }

    /** Reads the template; a file that is not there or not YAML is a {@link LocalRunException} in one line. */
    public static SamTemplate read(Path file, String region) {
        return read(file, region, Map.of());
    }

    /**
     * Reads the template with parameter values over the parameters' defaults, as {@code sam deploy
     * --parameter-overrides} gives them: a parameter the template does not declare, or a value outside the
     * parameter's {@code AllowedValues}, is a {@link LocalRunException}, as CloudFormation refuses both.
     */
    public static SamTemplate read(Path file, String region, Map<String, String> parameters) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new LocalRunException("cannot read template " + file + ": " + e.getMessage());
        }
        return parse(text, file, region, parameters);
    }

    /**
     * Reads a template's text as if it were {@code file} (relative {@code CodeUri}s resolve against its folder): how
     * a tool builds a template in memory.
     */
    public static SamTemplate parse(String text, Path file, String region) {
        return parse(text, file, region, Map.of());
    }

    private static SamTemplate parse(String text, Path file, String region, Map<String, String> parameters) {
        JsonNode root;
        try {
            root = YamlWithIntrinsics.read(text);
        } catch (RuntimeException e) {
            throw new LocalRunException("template " + file + " is not valid YAML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || !root.path("Resources").isObject()) {
            throw new LocalRunException("template " + file + " has no Resources");
        }
        SamTemplate template = new SamTemplate(file, region);
        template.parse(root, parameters);
        return template;
    }

    public Path file() {
        return file;
    }

    public List<TemplateFunction> functions() {
        return List.copyOf(functions.values());
    }

    public Optional<TemplateFunction> function(String name) {
        return functions.values().stream().filter(f -> f.name().equals(name) || f.logicalId().equals(name))
                .findFirst();
    }

    /** Every API that has at least one route, explicit or implicit. */
    public List<TemplateApi> apis() {
        return List.copyOf(apis.values());
    }

    /** Every API route of every function, in template order. */
    public List<ApiRoute> routes() {
        return functions.values().stream().flatMap(f -> f.routes().stream()).toList();
    }

    /** The resources the local platform stands in for (tables, queues, buckets, topics, buses, rules), in template order. */
    public List<TemplateResource> resources() {
        return List.copyOf(resources.values());
    }

    /** The resources of one kind, e.g. {@code resources(TemplateResource.Queue.class)}, in template order. */
    public <T extends TemplateResource> List<T> resources(Class<T> kind) {
        return resources.values().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The resource with this logical id, if it is one the local platform stands in for. */
    public Optional<TemplateResource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    /** The stack name {@code AWS::StackName} resolves to, and generated names start with: {@code local}. */
    public String stackName() {
        return ResourceIdentities.STACK_NAME;
    }

    /** The account {@code AWS::AccountId} resolves to, and ARNs name: {@code 123456789012}. */
    public String accountId() {
        return ResourceIdentities.ACCOUNT_ID;
    }

    public String region() {
        return region;
    }

    /** What the local run does not simulate, one line each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void parse(JsonNode root, Map<String, String> overrides) {
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        root.path("Resources").fields().forEachRemaining(r -> declared.put(r.getKey(), r.getValue()));
        Map<String, String> parameters = TemplateParameters.values(root.path("Parameters"), overrides, file);
        parameters.put("AWS::Region", region);
        parameters.put("AWS::AccountId", ResourceIdentities.ACCOUNT_ID);
        parameters.put("AWS::StackName", ResourceIdentities.STACK_NAME);
        parameters.put("AWS::Partition", "aws");
        parameters.put("AWS::URLSuffix", "amazonaws.com");
        // Identities are built lazily over the declared map, so conditions may still remove from it and SAM add to it.
        ResourceIdentities identities = new ResourceIdentities(declared, region);
        intrinsics = new Intrinsics(parameters, identities, root.path("Mappings"));
        try {
            new TemplateConditions(root.path("Conditions"), intrinsics).apply(declared, root.path("Globals"));
        } catch (TemplateError e) {
            throw new LocalRunException(file.getFileName() + ": " + e.getMessage());
        }
        for (Map.Entry<String, JsonNode> resource : List.copyOf(declared.entrySet())) {
            if (resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                try {
                    SqsSubscriptions.expand(resource.getKey(), declared, this::warn);
                } catch (TemplateError e) {
                    throw new LocalRunException(file.getFileName() + ": resource " + resource.getKey()
                            + " (AWS::Serverless::Function): " + e.getMessage());
                }
            }
        }
        events = new FunctionEvents(intrinsics, this::warn);
        settings = new FunctionSettings(intrinsics, this::warn);
        ResourceReader reader = new ResourceReader(declared, identities, intrinsics);
        JsonNode globals = root.path("Globals").path("Function");
        JsonNode globalApi = root.path("Globals").path("Api");
        try {
            SamProperties.checkGlobals(root.path("Globals"));
        } catch (TemplateError e) {
            throw new LocalRunException(file.getFileName() + ": Globals: " + e.getMessage());
        }
        Map<String, JsonNode> mappings = new LinkedHashMap<>();
        UnsimulatedResources unsimulated = new UnsimulatedResources(this::warn);
        declared.forEach((id, resource) -> {
            String type = resource.path("Type").asText();
            JsonNode properties = resource.path("Properties");
            try {
                SamProperties.checkResource(type, properties);
                switch (type) {
                    case "AWS::Serverless::Function" -> functions.put(id, function(id, merged(globals, properties)));
                    case "AWS::Serverless::Api" -> apis.put(id, new TemplateApi(id, ApiRoute.Kind.REST,
                            settings.text("resource " + id, properties, "StageName", "Prod").orElse("Prod"),
                            Boolean.parseBoolean(settings.text("resource " + id, properties, "TracingEnabled", "false")
                                    .orElse(String.valueOf(globalApi.path("TracingEnabled").asBoolean())))));
                    case "AWS::Serverless::HttpApi" -> apis.put(id, new TemplateApi(id, ApiRoute.Kind.HTTP,
                            settings.text("resource " + id, properties, "StageName", "$default").orElse("$default"),
                            false));
                    case "AWS::SNS::Subscription" -> { } // read into its topic
                    case EventSourceMappings.TYPE -> mappings.put(id, properties); // once every function is read
                    default -> {
                        if (ResourceReader.TYPES.contains(type)) {
                            resources.put(id, reader.read(id, this::warn));
                        } else {
                            unsimulated.add(id, type);
                        }
                    }
                }
            } catch (TemplateError | Intrinsics.Unresolved e) {
                throw new LocalRunException(file.getFileName() + ": resource " + id + " (" + type + "): "
                        + e.getMessage());
            }
        });
        unsimulated.finish();
        new EventsDeclaredElsewhere(intrinsics, events, this::warn, file.getFileName().toString())
                .addTo(functions, mappings, declared, resources.values());
        for (ApiRoute route : routes()) {
            if (!apis.containsKey(route.api())) {
                boolean rest = route.kind() == ApiRoute.Kind.REST;
                apis.put(route.api(), new TemplateApi(route.api(), route.kind(), rest ? "Prod" : "$default",
                        rest && globalApi.path("TracingEnabled").asBoolean()));
            }
        }
        apis.values().removeIf(api -> routes().stream().noneMatch(r -> r.api().equals(api.logicalId())));
    }

    private static JsonNode merged(JsonNode globals, JsonNode own) {
        ObjectNode merged = globals.isObject() ? ((ObjectNode) globals).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        own.fields().forEachRemaining(e -> {
            JsonNode global = merged.get(e.getKey());
            if (e.getKey().equals("Environment") && global != null && global.path("Variables").isObject()
                    && e.getValue().path("Variables").isObject()) {
                ObjectNode variables = ((ObjectNode) global.get("Variables")).deepCopy();
                variables.setAll((ObjectNode) e.getValue().get("Variables"));
                merged.putObject("Environment").set("Variables", variables);
            } else {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return merged;
    }

    private TemplateFunction function(String logicalId, JsonNode p) {
        String name = intrinsics.ref(logicalId);
        String handler = settings.text("function " + logicalId, p, "Handler", "no handler").orElse(null);
        if (handler == null) {
            warn("function " + logicalId + " has no Handler (container images are not simulated)");
            handler = "";
        }
        String runtime = settings.text("function " + logicalId, p, "Runtime", "no runtime").orElse("");
        if (!runtime.startsWith("java")) {
            warn("function " + logicalId + " declares Runtime " + (runtime.isEmpty() ? "(none)" : runtime)
                    + ", not a Java runtime; it runs on this JVM anyway");
        }
        for (String unsupported : List.of("Layers", "VpcConfig", "ProvisionedConcurrencyConfig", "SnapStart",
                "FunctionUrlConfig", "Architectures")) {
            if (p.has(unsupported)) {
                warn("function " + logicalId + ": " + unsupported + " is not simulated");
            }
        }
        if (p.path("EventInvokeConfig").path("DestinationConfig").has("OnSuccess")) {
            warn("function " + logicalId + ": EventInvokeConfig.DestinationConfig.OnSuccess is not simulated");
        }
        Optional<Path> codeUri = Optional.empty();
        JsonNode code = p.path("CodeUri");
        if (code.isTextual()) {
            codeUri = Optional.of(baseDirectory().resolve(code.asText()).normalize());
        } else if (!code.isMissingNode()) {
            warn("function " + logicalId + ": CodeUri " + code + " is not a local path; it runs from the classpath");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        p.path("Environment").path("Variables").fields().forEachRemaining(v -> {
            try {
                environment.put(v.getKey(), intrinsics.text(v.getValue()));
            } catch (Intrinsics.Undeclared e) {
                throw new TemplateError("Environment.Variables " + v.getKey() + ": " + e.getMessage());
            } catch (Intrinsics.Unresolved e) {
                warn("function " + logicalId + " variable " + v.getKey() + ": " + e.getMessage() + "; left unset");
            }
        });
        return new TemplateFunction(logicalId, name, handler, runtime,
                settings.wholeNumber(logicalId, p, "MemorySize", 128, 128, 10_240),
                settings.wholeNumber(logicalId, p, "Timeout", 3, 1, 900), settings.tracing(logicalId, p), codeUri, environment,
                events.routes(logicalId, name, p.path("Events")), events.events(logicalId, p.path("Events")),
                AsyncInvokeConfig.read(p, intrinsics), settings.reservedConcurrency(p));
    }

    private Path baseDirectory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".").toAbsolutePath();
    }

    private void warn(String line) {
        if (!warnings.contains(line)) {
            warnings.add(line);
        }
    }
}
