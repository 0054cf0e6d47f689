package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * The property names SAM's transform accepts on an {@code AWS::Serverless::Function} ({@code SamFunction.property_types}
 * in samtranslator/model/sam_resources.py) and under {@code Globals.Function} ({@code supported_properties} in
 * samtranslator/plugins/globals/globals.py), read at 7000d0a3b of aws/serverless-application-model. Any other name fails
 * the transform, so a misspelt setting ({@code Timout}) is a template error here too, not a setting silently dropped.
 */
final class SamFunctionProperties {
    private static final Set<String> GLOBAL = Set.of("Handler", "Runtime", "CodeUri", "DeadLetterQueue",
            "Description", "MemorySize", "Timeout", "VpcConfig", "Environment", "Tags", "PropagateTags", "Tracing",
            "KmsKeyArn", "AutoPublishAlias", "AutoPublishAliasAllProperties", "Layers", "DeploymentPreference",
            "RolePath", "PermissionsBoundary", "ReservedConcurrentExecutions", "ProvisionedConcurrencyConfig",
            "AssumeRolePolicyDocument", "EventInvokeConfig", "FileSystemConfigs", "CodeSigningConfigArn",
            "Architectures", "SnapStart", "EphemeralStorage", "FunctionUrlConfig", "RuntimeManagementConfig",
            "LoggingConfig", "RecursiveLoop", "SourceKMSKeyArn", "TenancyConfig", "DurableConfig",
            "CapacityProviderConfig", "FunctionScalingConfig", "PublishToLatestPublished", "VersionDeletionPolicy");
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

    private SamFunctionProperties() {
    }

    /** @throws TemplateError naming a property of the function's own {@code Properties} that SAM does not accept */
    static void checkFunction(JsonNode properties) {
        String unknown = firstUnknown(properties, FUNCTION);
        if (unknown != null) {
            throw new TemplateError(unknown + " is not a property of AWS::Serverless::Function; SAM refuses it "
                    + "(\"property " + unknown + " not defined for resource of type AWS::Serverless::Function\")");
        }
    }

    /** @throws TemplateError naming a property of {@code Globals.Function} that SAM does not accept there */
    static void checkGlobals(JsonNode function) {
        String unknown = firstUnknown(function, GLOBAL);
        if (unknown != null) {
            throw new TemplateError("'" + unknown + "' is not a supported property of 'Function'; SAM refuses it"
                    + (FUNCTION.contains(unknown) ? " in Globals (set it on each function)" : ""));
        }
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
