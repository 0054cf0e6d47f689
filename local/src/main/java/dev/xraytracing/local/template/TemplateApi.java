package dev.xraytracing.local.template;

/** An API of the template: explicit ({@code AWS::Serverless::Api} / {@code HttpApi}) or SAM's implicit one. */
public record TemplateApi(String logicalId, ApiRoute.Kind kind, String stageName, boolean tracingEnabled) {
}
