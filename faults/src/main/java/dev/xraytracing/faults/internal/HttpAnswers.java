package dev.xraytracing.faults.internal;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an API Gateway handler answers when a rule answers for it: the response type that goes with the event
 * (REST proxy or HTTP API, read by name so the events library stays optional), else a map of the same shape.
 */
final class HttpAnswers {
    private HttpAnswers() {
    }

    static Object of(Rule rule, Object event) {
        Map<String, String> headers = Map.of("Content-Type", "application/json");
        String type = event == null ? "" : event.getClass().getName();
        String response = type.equals("com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent")
                ? "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent"
                : type.equals("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent")
                ? "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse" : null;
        if (response != null) {
            try {
                Class<?> responseType = Class.forName(response, true, event.getClass().getClassLoader());
                Object answer = responseType.getConstructor().newInstance();
                setter(responseType, "setStatusCode").invoke(answer, rule.status);
                setter(responseType, "setBody").invoke(answer, rule.body);
                setter(responseType, "setHeaders").invoke(answer, headers);
                return answer;
            } catch (ReflectiveOperationException | LinkageError failure) {
                // Fall through to the map, which every serializer writes the same way.
            }
        }
        return asMap(rule, headers);
    }

    /** The one-argument setter {@code name} (the events library declares {@code Integer} in one type, {@code int} in another). */
    private static Method setter(Class<?> type, String name) throws NoSuchMethodException {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1) {
                return method;
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }

    private static Map<String, Object> asMap(Rule rule, Map<String, String> headers) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("statusCode", rule.status);
        answer.put("headers", headers);
        answer.put("body", rule.body);
        return answer;
    }
}
