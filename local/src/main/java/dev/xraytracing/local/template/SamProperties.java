package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The property names SAM's transform accepts on its resources ({@code property_types} of {@code SamFunction},
 * {@code SamApi}, {@code SamHttpApi} and {@code SamSimpleTable} in samtranslator/model/sam_resources.py) and in each
 * {@code Globals} section ({@code supported_properties} in samtranslator/plugins/globals/globals.py), read at
 * 7000d0a3b of aws/serverless-application-model. Any other name fails the transform, so a misspelt setting
 * ({@code Timout}, {@code TracingEnable}, a section {@code Functions}) is a template error here too, not a setting
 * silently dropped.
 */
final class SamProperties {
    private static final Set<String> FUNCTION = Set.of("FunctionName", "Handler", "Runtime", "CodeUri", "ImageUri",
            "PackageType", "InlineCode", "DeadLetterQueue", "Description", "MemorySize", "Timeout", "VpcConfig", "Role",
            "AssumeRolePolicyDocument", "Policies", "RolePath", "PermissionsBoundary", "Environment", "Events", "Tags",
            "PropagateTags", "Tracing", "KmsKeyArn", "DeploymentPreference", "ReservedConcurrentExecutions", "Layers",
            "EventInvokeConfig", "EphemeralStorage", "AutoPublishAlias", "AutoPublishCodeSha256",
            "AutoPublishAliasAllProperties", "VersionDescription", "ProvisionedConcurrencyConfig", "FileSystemConfigs",
            "ImageConfig", "CodeSigningConfigArn", "Architectures", "SnapStart", "FunctionUrlConfig",
            "RuntimeManagementConfig", "LoggingConfig", "RecursiveLoop", "SourceKMSKeyArn", "CapacityProviderConfig",
            "FunctionScalingConfig", "VersionDeletionPolicy", "PublishToLatestPublished", "TenancyConfig",
            "DurableConfig");
    private static final Map<String, Set<String>> RESOURCES = Map.of(
            "AWS::Serverless::Function", FUNCTION,
            "AWS::Serverless::Api", Set.of("Name", "StageName", "Tags", "PropagateTags", "DefinitionBody",
                    "DefinitionUri", "MergeDefinitions", "CacheClusterEnabled", "CacheClusterSize", "Variables",
                    "EndpointConfiguration", "MethodSettings", "BinaryMediaTypes", "MinimumCompressionSize", "Cors",
                    "Auth", "GatewayResponses", "AccessLogSetting", "CanarySetting", "TracingEnabled",
                    "OpenApiVersion", "Models", "Domain", "FailOnWarnings", "Description", "Mode",
                    "DisableExecuteApiEndpoint", "ApiKeySourceType", "AlwaysDeploy", "Policy", "SecurityPolicy",
                    "EndpointAccessMode"),
            "AWS::Serverless::HttpApi", Set.of("Name", "StageName", "Tags", "PropagateTags", "DefinitionBody",
                    "DefinitionUri", "StageVariables", "CorsConfiguration", "AccessLogSettings",
                    "DefaultRouteSettings", "Auth", "RouteSettings", "Domain", "FailOnWarnings", "Description",
                    "DisableExecuteApiEndpoint"),
            "AWS::Serverless::SimpleTable", Set.of("PointInTimeRecoverySpecification", "PrimaryKey",
                    "ProvisionedThroughput", "TableName", "Tags", "SSESpecification"));
    private static final Map<String, Set<String>> GLOBALS = Map.of(
            "Function", Set.of("Handler", "Runtime", "CodeUri", "DeadLetterQueue", "Description", "MemorySize",
                    "Timeout", "VpcConfig", "Environment", "Tags", "PropagateTags", "Tracing", "KmsKeyArn",
                    "AutoPublishAlias", "AutoPublishAliasAllProperties", "Layers", "DeploymentPreference", "RolePath",
                    "PermissionsBoundary", "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig",
                    "AssumeRolePolicyDocument", "EventInvokeConfig", "FileSystemConfigs", "CodeSigningConfigArn",
                    "Architectures", "SnapStart", "EphemeralStorage", "FunctionUrlConfig", "RuntimeManagementConfig",
                    "LoggingConfig", "RecursiveLoop", "SourceKMSKeyArn", "TenancyConfig", "DurableConfig",
                    "CapacityProviderConfig", "FunctionScalingConfig", "PublishToLatestPublished",
                    "VersionDeletionPolicy"),
            "Api", Set.of("Auth", "Name", "DefinitionUri", "CacheClusterEnabled", "CacheClusterSize",
                    "MergeDefinitions", "Variables", "EndpointConfiguration", "MethodSettings", "BinaryMediaTypes",
                    "MinimumCompressionSize", "Cors", "GatewayResponses", "AccessLogSetting", "CanarySetting",
                    "TracingEnabled", "OpenApiVersion", "Domain", "AlwaysDeploy", "PropagateTags", "SecurityPolicy",
                    "EndpointAccessMode"),
            "HttpApi", Set.of("Auth", "AccessLogSettings", "StageVariables", "Tags", "CorsConfiguration",
                    "DefaultRouteSettings", "Domain", "RouteSettings", "FailOnWarnings", "PropagateTags"),
            "SimpleTable", Set.of("SSESpecification"),
            "StateMachine", Set.of("PropagateTags"),
            "LayerVersion", Set.of("PublishLambdaVersion"),
            "CapacityProvider", Set.of("VpcConfig", "OperatorRole", "Tags", "InstanceRequirements", "ScalingConfig",
                    "KmsKeyArn", "PropagateTags"),
            "WebSocketApi", Set.of("AccessLogSettings", "ApiKeySelectionExpression", "DefaultRouteSettings",
                    "DisableExecuteApiEndpoint", "DisableSchemaValidation", "Domain", "FailOnWarnings",
                    "IpAddressType", "PropagateTags", "RouteSelectionExpression", "RouteSettings", "StageVariables",
                    "Tags"));

    private SamProperties() {
    }

    /**
     * Checks the {@code Properties} of a resource of {@code type} (types that are not SAM's are not checked).
     *
     * @throws TemplateError naming a property SAM does not accept for the type
     */
    static void checkResource(String type, JsonNode properties) {
        Set<String> accepted = RESOURCES.get(type);
        String unknown = accepted == null ? null : firstUnknown(properties, accepted);
        if (unknown != null) {
            throw new TemplateError(refusal(unknown, type, type));
        }
    }

    /** @throws TemplateError naming a section of {@code Globals}, or a property in one, that SAM does not accept */
    static void checkGlobals(JsonNode globals) {
        if (!globals.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> sections = globals.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            Set<String> accepted = GLOBALS.get(section.getKey());
            if (accepted == null) {
                throw new TemplateError("'" + section.getKey() + "' is not supported; SAM refuses it (it takes "
                        + String.join(", ", GLOBALS.keySet().stream().sorted().toList()) + ")");
            }
            String unknown = firstUnknown(section.getValue(), accepted);
            if (unknown != null) {
                throw new TemplateError("'" + unknown + "' is not a supported property of '" + section.getKey()
                        + "'; SAM refuses it" + (section.getKey().equals("Function") && FUNCTION.contains(unknown)
                        ? " in Globals (set it on each function)" : ""));
            }
        }
    }

    /**
     * {@code Timout is not a property of AWS::Serverless::Function; SAM refuses it ("property Timout not defined for
     * resource of type AWS::Serverless::Function")}: {@code what} names the owner, {@code samType} is the type SAM's
     * own message names.
     */
    static String refusal(String name, String what, String samType) {
        return name + " is not a property of " + what + "; SAM refuses it (\"property " + name
                + " not defined for resource of type " + samType + "\")";
    }

    private static String firstUnknown(JsonNode properties, Set<String> accepted) {
        if (!properties.isObject()) {
            return null;
        }
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!accepted.contains(name)) {
                return name;
            }
        }
        return null;
    }
}
