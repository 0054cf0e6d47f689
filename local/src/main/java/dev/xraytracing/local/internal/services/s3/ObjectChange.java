package dev.xraytracing.local.internal.services.s3;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * An S3 request that, once the engine answered it with success, is an event S3 notifies: an object created by
 * PutObject ({@code ObjectCreated:Put}), CopyObject ({@code ObjectCreated:Copy}) or CompleteMultipartUpload
 * ({@code ObjectCreated:CompleteMultipartUpload}), or deleted by DeleteObject ({@code ObjectRemoved:Delete}). Read
 * from a path-style request: {@code /bucket/key}, the key as sent (percent-encoded).
 *
 * @param eventName the event's name without {@code s3:}, e.g. {@code ObjectCreated:Put}
 * @param key       the object's key, decoded
 */
record ObjectChange(String eventName, String bucket, String key, String rawPath) {
    /** Query parameters that do not change what a request does (the SDK's operation name, a version). */
    private static final Set<String> NEUTRAL_PARAMETERS = Set.of("x-id", "versionId");

    static Optional<ObjectChange> of(String method, String rawPath, String rawQuery, boolean copySource) {
        int slash = rawPath.indexOf('/', 1);
        if (!rawPath.startsWith("/") || slash < 0 || slash == rawPath.length() - 1) {
            return Optional.empty();
        }
        String bucket = decode(rawPath.substring(1, slash));
        String key = decode(rawPath.substring(slash + 1));
        String eventName = switch (method) {
            case "PUT" -> onlyNeutral(rawQuery) ? copySource ? "ObjectCreated:Copy" : "ObjectCreated:Put" : null;
            case "POST" -> has(rawQuery, "uploadId") && !has(rawQuery, "partNumber")
                    ? "ObjectCreated:CompleteMultipartUpload" : null;
            case "DELETE" -> onlyNeutral(rawQuery) ? "ObjectRemoved:Delete" : null;
            default -> null;
        };
        return Optional.ofNullable(eventName).map(name -> new ObjectChange(name, bucket, key, rawPath));
    }

    boolean created() {
        return eventName.startsWith("ObjectCreated:");
    }

    /**
     * The key as S3's event carries it: URL-encoded as a form value ({@code red flower.jpg} is
     * {@code red+flower.jpg}), its slashes kept.
     */
    String eventKey() {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static boolean onlyNeutral(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return true;
        }
        for (String pair : rawQuery.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!NEUTRAL_PARAMETERS.contains(name)) {
                return false;
            }
        }
        return true;
    }

    private static boolean has(String rawQuery, String parameter) {
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.equals(parameter) || pair.startsWith(parameter + "=")) {
                return true;
            }
        }
        return false;
    }

    /** Percent-decoding as in a path: a {@code +} stays a plus. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
