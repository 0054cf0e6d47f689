package dev.xraytracing.local.internal.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A REST API's resources as API Gateway matches them: exact method (or {@code ANY}), literal segments before
 * {@code {param}} segments before a greedy {@code {proxy+}}, which takes the rest of the path.
 */
public final class ApiRoutes {
    /**
     * One resource and method, the function its Lambda proxy integration invokes, and, for an HTTP API, the payload
     * format version ({@code 1.0} or {@code 2.0}; a REST API always uses 1.0 and ignores it).
     */
    public record Route(String method, String resource, String function, String payloadFormatVersion) {
        /** An HTTP API route with payload format 2.0, or a REST API route. */
        public Route(String method, String resource, String function) {
            this(method, resource, function, "2.0");
        }
    }

    /** A request matched to a route, with the path parameters taken from it. */
    public record Match(Route route, Map<String, String> pathParameters) {
    }

    private final List<Route> routes;

    public ApiRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    public Optional<Match> match(String method, String path) {
        Match best = null;
        int bestScore = -1;
        for (Route route : routes) {
            if (!route.method().equals("ANY") && !route.method().equalsIgnoreCase(method)) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            int score = score(route.resource(), path, parameters);
            if (score < 0) {
                continue;
            }
            score = score * 2 + (route.method().equals("ANY") ? 0 : 1);
            if (score > bestScore) {
                bestScore = score;
                best = new Match(route, parameters);
            }
        }
        return Optional.ofNullable(best);
    }

    /** How specifically the resource matches the path (higher is more), or -1 when it does not. */
    private static int score(String resource, String path, Map<String, String> parameters) {
        List<String> wanted = segments(resource);
        List<String> actual = segments(path);
        int score = 0;
        for (int i = 0; i < wanted.size(); i++) {
            String segment = wanted.get(i);
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= actual.size()) {
                    return -1;
                }
                parameters.put(segment.substring(1, segment.length() - 2),
                        String.join("/", actual.subList(i, actual.size())));
                return score;
            }
            if (i >= actual.size()) {
                return -1;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.put(segment.substring(1, segment.length() - 1), ApiGatewayStage.decode(actual.get(i)));
                score += 1;
            } else if (segment.equals(actual.get(i))) {
                score += 2;
            } else {
                return -1;
            }
        }
        return wanted.size() == actual.size() ? score + 100 : -1;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }
}
