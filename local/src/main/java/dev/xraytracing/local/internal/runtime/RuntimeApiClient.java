package dev.xraytracing.local.internal.runtime;

import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The Runtime API from the function's side, over plain HttpURLConnection: what the native client does in C++. */
final class RuntimeApiClient {
    private final String base;

    RuntimeApiClient(String hostAndPort) {
        if (hostAndPort == null || hostAndPort.isBlank()) {
            throw new IllegalStateException("AWS_LAMBDA_RUNTIME_API is not set");
        }
        this.base = "http://" + hostAndPort + "/2018-06-01/runtime/";
    }

    InvocationRequest next() throws IOException {
        while (true) {
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
    }

    void respond(String requestId, byte[] body) throws IOException {
        post("invocation/" + requestId + "/response", body, null, null);
    }

    void error(String requestId, byte[] errorDocument, String errorType, byte[] xrayCause) throws IOException {
        post("invocation/" + requestId + "/error", errorDocument, errorType, xrayCause);
    }

    void initError(byte[] errorDocument, String errorType) throws IOException {
        post("init/error", errorDocument, errorType, null);
    }

    private void post(String path, byte[] body, String errorType, byte[] xrayCause) throws IOException {
        HttpURLConnection connection = open(path);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        if (errorType != null) {
            connection.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
        }
        // The native client sends the cause only while it fits in a header; so does this loop.
        if (xrayCause != null && xrayCause.length < 1024 * 1024) {
            connection.setRequestProperty("Lambda-Runtime-Function-XRay-Error-Cause",
                    new String(xrayCause, StandardCharsets.UTF_8));
        }
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
