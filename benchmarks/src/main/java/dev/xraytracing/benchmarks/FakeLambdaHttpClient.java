package dev.xraytracing.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An in-process HTTP client that answers every request as Lambda's Invoke does, with no network: it reads the
 * request body (a real client would send it) and returns a 200 with a small JSON payload. What remains is the
 * SDK's own pipeline plus whatever interceptors are installed, which is what the interceptor benchmark compares.
 */
final class FakeLambdaHttpClient implements SdkHttpClient {
    private static final byte[] PAYLOAD = "{\"statusCode\":200,\"body\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
    private static final SdkHttpResponse RESPONSE = SdkHttpResponse.builder()
            .statusCode(200)
            .putHeader("Content-Type", "application/json")
            .putHeader("Content-Length", String.valueOf(PAYLOAD.length))
            .putHeader("X-Amz-Executed-Version", "$LATEST")
            .putHeader("x-amzn-RequestId", "7f1c2b3a-0d4e-4f5a-9b6c-1d2e3f4a5b6c")
            .build();

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                request.contentStreamProvider().ifPresent(body -> {
                    try (InputStream in = body.newStream()) {
                        in.transferTo(OutputStream.nullOutputStream());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return HttpExecuteResponse.builder()
                        .response(RESPONSE)
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(PAYLOAD)))
                        .build();
            }

            @Override
            public void abort() {
            }
        };
    }

    @Override
    public String clientName() {
        return "FakeLambda";
    }

    @Override
    public void close() {
    }
}
