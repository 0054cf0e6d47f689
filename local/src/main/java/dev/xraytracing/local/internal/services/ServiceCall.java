package dev.xraytracing.local.internal.services;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Which AWS service and operation an SDK request is for, read from the request itself: the service from the SigV4
 * credential scope (the signing name, e.g. {@code dynamodb}), the operation from the JSON protocols'
 * {@code X-Amz-Target}, the query protocol's {@code Action}, or else the method and path; and the protocol family its
 * error must be in.
 */
record ServiceCall(String service, String operation, Protocol protocol) {
    /** What the signing name is when a request carries no SigV4 credential scope. */
    static final String UNKNOWN_SERVICE = "an AWS service";

    /** The error shapes the SDKs read: JSON (awsJson, restJson), query XML ({@code ErrorResponse}), S3's XML. */
    enum Protocol { JSON, QUERY_XML, S3_XML }

    /** {@code AWS_ENDPOINT_URL_<SERVICE>} uses AWS's service identifier, which differs from the signing name here. */
    private static final Map<String, String> ENDPOINT_IDS = Map.of(
            "events", "EVENTBRIDGE", "states", "SFN", "monitoring", "CLOUDWATCH", "logs", "CLOUDWATCH_LOGS",
            "secretsmanager", "SECRETS_MANAGER", "cognito-idp", "COGNITO_IDENTITY_PROVIDER", "email", "SES");

    static ServiceCall of(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
        String service = signingName(headers.getFirst("Authorization"), rawQuery);
        String contentType = String.valueOf(headers.getFirst("Content-Type")).toLowerCase(Locale.ROOT);
        String target = headers.getFirst("X-Amz-Target");
        if (target != null) {
            return new ServiceCall(service, target, Protocol.JSON);
        }
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            String action = formValue(new String(body, StandardCharsets.UTF_8), "Action");
            return new ServiceCall(service, action != null ? action : method + " " + rawPath, Protocol.QUERY_XML);
        }
        return new ServiceCall(service, method + " " + rawPath,
                service.startsWith("s3") ? Protocol.S3_XML : Protocol.JSON);
    }

    /** The variable that points this service's SDK clients elsewhere, e.g. {@code AWS_ENDPOINT_URL_DYNAMODB}. */
    String endpointVariable() {
        if (UNKNOWN_SERVICE.equals(service)) {
            return "AWS_ENDPOINT_URL_<SERVICE>";
        }
        return "AWS_ENDPOINT_URL_" + ENDPOINT_IDS.getOrDefault(service,
                service.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /**
     * The service of the credential scope {@code KEY/DATE/REGION/SERVICE/aws4_request} (SigV4a has no region, so the
     * service is read from the end), from the {@code Authorization} header or a presigned URL's
     * {@code X-Amz-Credential}.
     */
    private static String signingName(String authorization, String rawQuery) {
        String scope = null;
        if (authorization != null && authorization.contains("Credential=")) {
            scope = authorization.substring(authorization.indexOf("Credential=") + "Credential=".length());
            scope = scope.split("[,\\s]", 2)[0];
        } else if (rawQuery != null) {
            scope = formValue(rawQuery, "X-Amz-Credential");
        }
        if (scope == null) {
            return UNKNOWN_SERVICE;
        }
        String[] parts = scope.split("/");
        return parts.length >= 3 && "aws4_request".equals(parts[parts.length - 1]) ? parts[parts.length - 2]
                : UNKNOWN_SERVICE;
    }

    private static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && name.equals(pair.substring(0, equals))) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
