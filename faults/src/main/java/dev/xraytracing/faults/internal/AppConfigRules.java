package dev.xraytracing.faults.internal;

import dev.xraytracing.internal.log.WarnOnce;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Rules served by the AWS AppConfig Lambda extension on localhost, fetched lazily: on an invocation, when the last
 * fetch is older than the poll interval. A failed fetch keeps the last good rules and warns once.
 */
final class AppConfigRules {
    /** How long a fetch may hold an invocation: the extension answers from memory on localhost. */
    static final int TIMEOUT_MS = 200;
    private final String url;
    private final int timeoutMillis;
    private final long pollMillis;
    private final LongSupplier clockMillis;
    private final WarnOnce warnings;
    private volatile List<Rule> rules = List.of();
    private long lastFetch;
    private boolean fetched;

    AppConfigRules(String location, int port, long pollMillis, LongSupplier clockMillis, WarnOnce warnings) {
        this(location, port, pollMillis, TIMEOUT_MS, clockMillis, warnings);
    }

    /** With the fetch's timeout given: tests on a loaded machine give their local extension more time. */
    AppConfigRules(String location, int port, long pollMillis, int timeoutMillis, LongSupplier clockMillis,
                   WarnOnce warnings) {
        String[] parts = location.trim().split("/", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException("XRAY_TRACING_FAULTS_APPCONFIG is not application/environment/profile: "
                    + location);
        }
        this.url = "http://localhost:" + port + "/applications/" + parts[0] + "/environments/" + parts[1]
                + "/configurations/" + parts[2];
        this.pollMillis = pollMillis;
        this.timeoutMillis = timeoutMillis;
        this.clockMillis = clockMillis;
        this.warnings = warnings;
    }

    /** The current rules, fetched first when the last fetch is older than the poll interval. */
    synchronized List<Rule> current() {
        long now = clockMillis.getAsLong();
        if (fetched && now - lastFetch < pollMillis) {
            return rules;
        }
        fetched = true;
        lastFetch = now;
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(timeoutMillis);
            connection.setReadTimeout(timeoutMillis);
            int status = connection.getResponseCode();
            if (status != 200) {
                connection.disconnect();
                throw new IllegalStateException("status " + status);
            }
            String text;
            try (InputStream body = connection.getInputStream()) {
                text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<Rule> parsed = new ArrayList<>();
            if (!text.isBlank()) {
                RuleSources.parse(text, "AppConfig", parsed, new HashSet<>(), RuleSources.Problems.of(warnings));
            }
            rules = List.copyOf(parsed);
        } catch (Exception failure) {
            warnings.warn("faults:appconfig", "could not fetch the fault rules from " + url
                    + "; the last good ones stay: " + RuleSources.oneLine(String.valueOf(failure)));
        }
        return rules;
    }
}
