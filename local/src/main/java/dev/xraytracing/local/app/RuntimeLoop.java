package dev.xraytracing.local.app;

/** Which loop runs the handler inside each function's JVM. */
public enum RuntimeLoop {
    /** The runtime interface client where its native library loads (Linux x86_64/aarch64), else the pure-Java loop. */
    AUTO,
    /** Always AWS's runtime interface client ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}). */
    INTERFACE_CLIENT,
    /** Always the pure-Java loop: same Runtime API contract, no native library. */
    PURE_JAVA;

    public static RuntimeLoop parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> AUTO;
            case "ric", "interface-client", "native" -> INTERFACE_CLIENT;
            case "java", "pure-java", "fallback" -> PURE_JAVA;
            default -> throw new LocalRunException("unknown runtime '" + text + "': use auto, ric or java");
        };
    }
}
