package dev.xraytracing.local.template;

/**
 * One API event of a function: a REST API ({@code Api}, payload 1.0) or HTTP API ({@code HttpApi}, payload 2.0 unless
 * its {@code PayloadFormatVersion} is {@code 1.0}) route.
 *
 * @param api                  the logical id of the API it belongs to ({@code ServerlessRestApi} /
 *                             {@code ServerlessHttpApi} for SAM's implicit ones)
 * @param method               upper case, or {@code ANY}
 * @param path                 as declared, e.g. {@code /orders/{id}} or {@code /{proxy+}}
 * @param payloadFormatVersion {@code 1.0} or {@code 2.0}: the event the function gets and how its answer is read
 */
public record ApiRoute(Kind kind, String api, String method, String path, String function,
                       String payloadFormatVersion) {
    /** Which API Gateway product, and so which payload format by default. */
    public enum Kind { REST, HTTP }

    /** With the product's own payload format: 1.0 for a REST API, 2.0 for an HTTP API. */
    public ApiRoute(Kind kind, String api, String method, String path, String function) {
        this(kind, api, method, path, function, kind == Kind.REST ? "1.0" : "2.0");
    }
}
