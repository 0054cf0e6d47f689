package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.Tracing;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.Map;

/** Audits a greeting; a slow one takes far longer than the function's six-second timeout. */
public class Auditor extends TracedRequestHandler<Map<String, Object>, String> {
    @Override
    protected String handle(Map<String, Object> event, Context context) throws InterruptedException {
        if (Boolean.TRUE.equals(event.get("slow"))) {
            Thread.sleep(60_000); // far past the timeout, however slow the machine
        }
        Tracing.annotate("Audited", String.valueOf(event.get("name")));
        return "audited " + event.get("name");
    }
}
