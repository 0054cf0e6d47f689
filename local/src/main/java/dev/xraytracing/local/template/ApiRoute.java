package dev.xraytracing.local.template;

/**
 * One API event of a function: a REST API ({@code Api}, payload 1.0) or HTTP API ({@code HttpApi}, payload 2.0)
 * route.
 *
 * @param api    the logical id of the API it belongs to ({@code ServerlessRestApi} / {@code ServerlessHttpApi} for
 *               SAM's implicit ones)
 * @param method upper case, or {@code ANY}
 * @param path   as declared, e.g. {@code /orders/{id}} or {@code /{proxy+}}
 */
public record ApiRoute(Kind kind, String api, String method, String path, String function) {
    /** Which API Gateway product, and so which payload format. */
    public enum Kind { REST, HTTP }
}
