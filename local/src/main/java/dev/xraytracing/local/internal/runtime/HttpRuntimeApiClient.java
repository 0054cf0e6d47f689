package dev.xraytracing.local.internal.runtime;

import com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaError;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.LambdaRuntimeApiClient;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.DtoSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Runtime API from the function's side over plain HttpURLConnection: what the runtime interface client's native
 * library does for {@code next} and {@code response}; errors are posted as the client's own Java code posts them
 * (its error document, error-type header and X-Ray cause header, the cause only while it fits in a header).
 */
final class HttpRuntimeApiClient implements LambdaRuntimeApiClient {
    private static final int XRAY_CAUSE_MAX_HEADER_BYTES = 1024 * 1024;

    private final String base;

    HttpRuntimeApiClient(String hostAndPort) {
        if (hostAndPort == null || hostAndPort.isBlank()) {
            throw new IllegalStateException("AWS_LAMBDA_RUNTIME_API is not set");
        }
        this.base = "http://" + hostAndPort + "/2018-06-01/runtime/";
    }

    @Override
    public InvocationRequest nextInvocation() throws IOException {
        HttpURLConnection connection = open("invocation/next");
        connection.setReadTimeout(0); // long poll
        if (connection.getResponseCode() != 200) {
            connection.disconnect();
            throw new IOException("invocation/next answered " + connection.getResponseCode());
        }
        InvocationRequest request = new InvocationRequest();
        request.setId(connection.getHeaderField("Lambda-Runtime-Aws-Request-Id"));
        request.setXrayTraceId(connection.getHeaderField("Lambda-Runtime-Trace-Id"));
        request.setInvokedFunctionArn(connection.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"));
        String deadline = connection.getHeaderField("Lambda-Runtime-Deadline-Ms");
        request.setDeadlineTimeInMs(deadline == null ? 0 : Long.parseLong(deadline));
        request.setClientContext(connection.getHeaderField("Lambda-Runtime-Client-Context"));
        request.setCognitoIdentity(connection.getHeaderField("Lambda-Runtime-Cognito-Identity"));
        try (InputStream in = connection.getInputStream()) {
            request.setContent(in.readAllBytes());
        }
        return request;
    }

    @Override
    public InvocationRequest nextInvocationWithExponentialBackoff(LambdaContextLogger logger) throws IOException {
        return nextInvocation();
    }

    @Override
    public void reportInvocationSuccess(String requestId, byte[] response) throws IOException {
        post("invocation/" + requestId + "/response", response, Map.of());
    }

    @Override
    public void reportInvocationError(String requestId, LambdaError error) throws IOException {
        postError("invocation/" + requestId + "/error", error);
    }

    @Override
    public void reportInitError(LambdaError error) throws IOException {
        postError("init/error", error);
    }

    @Override
    public void restoreNext() throws IOException {
        HttpURLConnection connection = open("restore/next");
        int status = connection.getResponseCode();
        connection.disconnect();
        if (status != 200) {
            throw new IOException("restore/next answered " + status);
        }
    }

    @Override
    public void reportRestoreError(LambdaError error) throws IOException {
        postError("restore/error", error);
    }

    private void postError(String path, LambdaError error) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Lambda-Runtime-Function-Error-Type", error.errorType.getRapidError());
        if (error.xRayErrorCause != null) {
            byte[] cause = DtoSerializers.serialize(error.xRayErrorCause);
            if (cause != null && cause.length < XRAY_CAUSE_MAX_HEADER_BYTES) {
                headers.put("Lambda-Runtime-Function-XRay-Error-Cause", new String(cause, StandardCharsets.UTF_8));
            }
        }
        post(path, DtoSerializers.serialize(error.errorRequest), headers);
    }

    private void post(String path, byte[] body, Map<String, String> headers) throws IOException {
        HttpURLConnection connection = open(path);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        headers.forEach(connection::setRequestProperty);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        connection.disconnect();
        if (status / 100 != 2) {
            throw new IOException(path + " answered " + status);
        }
    }

    private HttpURLConnection open(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setRequestProperty("User-Agent", "xray-tracing-local-pure-java-runtime");
        return connection;
    }
}
