package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.xraytracing.local.app.LocalRunException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SAM template as the local run reads it: its functions ({@code Globals.Function} merged in), their API events and
 * the APIs they belong to. What the run does not simulate is listed in {@link #warnings()}, one line each; reading
 * never fails on it. Intrinsics: {@code Ref} (to a function, a parameter's default or a pseudo parameter) and
 * {@code Fn::Sub} are resolved; any other is a warning.
 */
public final class SamTemplate {
    static final String IMPLICIT_REST_API = "ServerlessRestApi";
    static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Path file;
    private final Map<String, TemplateFunction> functions = new LinkedHashMap<>();
    private final Map<String, TemplateApi> apis = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> references = new LinkedHashMap<>();
    private final String region;

    private SamTemplate(Path file, String region) {
        this.file = file;
        this.region = region;
    }

    /** Reads the template; a file that is not there or not YAML is a {@link LocalRunException} in one line. */
    public static SamTemplate read(Path file, String region) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new LocalRunException("cannot read template " + file + ": " + e.getMessage());
        }
        return parse(text, file, region);
    }

    /**
     * Reads a template's text as if it were {@code file} (relative {@code CodeUri}s resolve against its folder): how
     * a tool builds a template in memory.
     */
    public static SamTemplate parse(String text, Path file, String region) {
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
        template.parse(root);
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

    /** What the local run does not simulate, one line each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private void parse(JsonNode root) {
        JsonNode resources = root.path("Resources");
        JsonNode parameters = root.path("Parameters");
        parameters.fields().forEachRemaining(p -> {
            if (p.getValue().has("Default")) {
                references.put(p.getKey(), p.getValue().get("Default").asText());
            }
        });
        references.put("AWS::Region", region);
        references.put("AWS::AccountId", "123456789012");
        references.put("AWS::StackName", "local");
        references.put("AWS::Partition", "aws");
        references.put("AWS::URLSuffix", "amazonaws.com");
        resources.fields().forEachRemaining(r -> {
            if ("AWS::Serverless::Function".equals(r.getValue().path("Type").asText())) {
                String name = r.getValue().path("Properties").path("FunctionName").asText(r.getKey());
                references.put(r.getKey(), name);
            }
        });
        JsonNode globals = root.path("Globals").path("Function");
        JsonNode globalApi = root.path("Globals").path("Api");
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            JsonNode properties = resource.getValue().path("Properties");
            switch (type) {
                case "AWS::Serverless::Function" -> functions.put(resource.getKey(),
                        function(resource.getKey(), merged(globals, properties)));
                case "AWS::Serverless::Api" -> apis.put(resource.getKey(), new TemplateApi(resource.getKey(),
                        ApiRoute.Kind.REST, properties.path("StageName").asText("Prod"),
                        properties.path("TracingEnabled").asBoolean(globalApi.path("TracingEnabled").asBoolean())));
                case "AWS::Serverless::HttpApi" -> apis.put(resource.getKey(), new TemplateApi(resource.getKey(),
                        ApiRoute.Kind.HTTP, properties.path("StageName").asText("$default"), false));
                default -> warn("resource " + resource.getKey() + " (" + type + ") is not simulated");
            }
        }
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
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
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
        String name = references.get(logicalId);
        String handler = p.path("Handler").asText(null);
        if (handler == null) {
            warn("function " + logicalId + " has no Handler (container images are not simulated)");
            handler = "";
        }
        String runtime = p.path("Runtime").asText("");
        if (!runtime.startsWith("java")) {
            warn("function " + logicalId + " declares Runtime " + (runtime.isEmpty() ? "(none)" : runtime)
                    + ", not a Java runtime; it runs on this JVM anyway");
        }
        for (String unsupported : List.of("Layers", "VpcConfig", "ProvisionedConcurrencyConfig", "SnapStart",
                "DeadLetterQueue", "EventInvokeConfig", "FunctionUrlConfig", "Architectures")) {
            if (p.has(unsupported)) {
                warn("function " + logicalId + ": " + unsupported + " is not simulated");
            }
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
            String value = resolve(v.getValue(), "function " + logicalId + " variable " + v.getKey());
            if (value != null) {
                environment.put(v.getKey(), value);
            }
        });
        List<ApiRoute> routes = new ArrayList<>();
        p.path("Events").fields().forEachRemaining(e -> route(logicalId, name, e.getKey(), e.getValue())
                .ifPresent(routes::add));
        return new TemplateFunction(logicalId, name, handler, runtime, p.path("MemorySize").asInt(128),
                p.path("Timeout").asInt(3), p.path("Tracing").asText("PassThrough"), codeUri, environment,
                List.copyOf(routes));
    }

    private Optional<ApiRoute> route(String logicalId, String functionName, String eventName, JsonNode event) {
        String type = event.path("Type").asText();
        JsonNode p = event.path("Properties");
        ApiRoute.Kind kind;
        String api;
        if (type.equals("Api")) {
            kind = ApiRoute.Kind.REST;
            api = p.path("RestApiId").path("Ref").asText(IMPLICIT_REST_API);
        } else if (type.equals("HttpApi")) {
            kind = ApiRoute.Kind.HTTP;
            api = p.path("ApiId").path("Ref").asText(IMPLICIT_HTTP_API);
        } else {
            warn("function " + logicalId + ": event " + eventName + " of type " + type + " is not simulated yet");
            return Optional.empty();
        }
        String method = p.path("Method").asText(kind == ApiRoute.Kind.HTTP ? "ANY" : "");
        String path = p.path("Path").asText(kind == ApiRoute.Kind.HTTP ? "/{proxy+}" : "");
        if (method.isEmpty() || path.isEmpty()) {
            warn("function " + logicalId + ": event " + eventName + " lacks Method or Path; skipped");
            return Optional.empty();
        }
        method = method.equalsIgnoreCase("any") || method.equals("x-amazon-apigateway-any-method") ? "ANY"
                : method.toUpperCase(Locale.ROOT);
        return Optional.of(new ApiRoute(kind, api, method, path, functionName));
    }

    /** A property value as text: plain, {@code Ref} or {@code Fn::Sub}; anything else is a warning and null. */
    private String resolve(JsonNode value, String where) {
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isObject() && value.size() == 1) {
            if (value.has("Ref")) {
                String target = value.get("Ref").asText();
                String resolved = references.get(target);
                if (resolved == null) {
                    warn(where + ": Ref " + target + " names nothing the local run knows; left unset");
                }
                return resolved;
            }
            if (value.has("Fn::Sub") && value.get("Fn::Sub").isTextual()) {
                Matcher matcher = SUB_VARIABLE.matcher(value.get("Fn::Sub").asText());
                StringBuilder out = new StringBuilder();
                while (matcher.find()) {
                    String resolved = references.get(matcher.group(1));
                    if (resolved == null) {
                        warn(where + ": Fn::Sub variable ${" + matcher.group(1) + "} is not known locally; left as is");
                        resolved = matcher.group();
                    }
                    matcher.appendReplacement(out, Matcher.quoteReplacement(resolved));
                }
                return matcher.appendTail(out).toString();
            }
            String intrinsic = value.fieldNames().next();
            warn(where + ": " + intrinsic + " is not supported locally (only Ref and Fn::Sub); left unset");
            return null;
        }
        warn(where + ": " + value + " is not a plain value; left unset");
        return null;
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
