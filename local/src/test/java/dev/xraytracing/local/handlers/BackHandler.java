package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.xraytracing.Tracing;
import java.util.Map;

/** A tiny MySecondLambda: works for WORK_MILLIS (2 s unless set) in a "Work" subsegment, then answers 200. */
public final class BackHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        long millis = Long.parseLong(System.getenv().getOrDefault("WORK_MILLIS", "2000"));
        try {
            Tracing.run("Work", work -> {
                work.annotate("workMillis", millis);
                Thread.sleep(millis);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Map.of("statusCode", 200, "body", "\"Hello from " + context.getFunctionName() + "\"");
    }
}
