package dev.xraytracing.examples;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.Map;

/**
 * Simulates two seconds of work ({@code WORK_MILLIS} changes it) and answers like an API Gateway proxy response.
 * {@code FAIL_WITH} makes it throw instead, so the caller sees a function error.
 */
public class MySecondLambda extends TracedRequestHandler<Map<String, Object>, Map<String, Object>> {
    static final String BODY = "\"Hello from Lambda 2!\"";

    private final long workMillis;
    private final String failure;

    public MySecondLambda() {
        this(ExampleSettings.workMillis(System.getenv()), System.getenv("FAIL_WITH"));
    }

    MySecondLambda(long workMillis, String failure) {
        this.workMillis = workMillis;
        this.failure = failure;
    }

    @Override
    protected Map<String, Object> handle(Map<String, Object> event, Context context) throws InterruptedException {
        Tracing.run("SimulatedWork", s -> {
            s.annotate("WorkMillis", workMillis);
            Thread.sleep(workMillis);
        });
        if (failure != null && !failure.isBlank()) {
            throw new IllegalStateException(failure);
        }
        return Map.of("statusCode", 200, "body", BODY);
    }
}
