package dev.xraytracing.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A client on the internet calling the platform's APIs over HTTP/1.1, as {@link LocalPlatform#request} does. */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Sends the request to {@code base + path}, with the client's own {@code X-Amzn-Trace-Id} unless null. */
    LocalPlatform.ApiResponse send(String base, String method, String path, String body, String traceHeader) {
        return send(base, method, path, Map.of(), body, traceHeader);
    }

    /** As {@link #send(String, String, String, String, String)}, with the client's headers, in order. */
    LocalPlatform.ApiResponse send(String base, String method, String path, Map<String, List<String>> headers,
                                   String body, String traceHeader) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + (path.startsWith("/") ? path : "/" + path)))
                .method(method, publisher)
                .header("User-Agent", "xray-tracing-local-client")
                .timeout(Duration.ofMinutes(2));
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        if (traceHeader != null) {
            request.header("X-Amzn-Trace-Id", traceHeader);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new LocalPlatform.ApiResponse(response.statusCode(), response.body(),
                    response.headers().firstValue("X-Amzn-Trace-Id").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
