package dev.xraytracing.local.internal.otlp;

import dev.xraytracing.local.app.LocalRunException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where {@code --otlp} sends spans: a Collector's OTLP/HTTP base URL, to which {@code /v1/traces} is appended as the
 * OTLP exporter specification says for {@code OTEL_EXPORTER_OTLP_ENDPOINT} (a URL that already ends in it is taken as
 * it is). gRPC is refused in one line: OpenTelemetry's gRPC exporter needs OkHttp or grpc-java, which this module
 * does not carry, and the JDK's HTTP client cannot speak gRPC.
 */
public final class OtlpEndpoint {
    static final String TRACES_PATH = "/v1/traces";
    /** The port the OTLP specification gives gRPC; OTLP/HTTP's is 4318. */
    static final int GRPC_PORT = 4317;

    private OtlpEndpoint() {
    }

    /**
     * The traces URL of {@code endpoint}, e.g. {@code http://127.0.0.1:4318/v1/traces}.
     *
     * @throws LocalRunException naming what is wrong: not an http(s) URL with a host, or gRPC's port
     */
    public static URI tracesUrl(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            throw refused(endpoint, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("grpc") || uri.getPort() == GRPC_PORT) {
            throw refused(endpoint, "names OTLP/gRPC (port 4317), which is not supported: spans go out as OTLP/HTTP"
                    + " protobuf; give the Collector's HTTP receiver, e.g. http://127.0.0.1:4318");
        }
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw refused(endpoint, "is not an http:// or https:// URL with a host, e.g. http://127.0.0.1:4318");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw refused(endpoint, "has a query or fragment; give the Collector's base URL");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith(TRACES_PATH)) {
            return uri;
        }
        String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return URI.create(scheme + "://" + uri.getRawAuthority() + base + TRACES_PATH);
    }

    private static LocalRunException refused(String endpoint, String why) {
        return new LocalRunException("--otlp " + endpoint + " " + why);
    }
}
