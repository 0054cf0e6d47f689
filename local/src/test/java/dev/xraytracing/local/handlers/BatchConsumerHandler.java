package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.xraytracing.lambda.TracedRequestHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * A queue consumer with partial batch responses, as users write them: every record whose body is {@code poison}
 * fails and is reported in {@code batchItemFailures}; the others succeed.
 */
public final class BatchConsumerHandler extends TracedRequestHandler<SQSEvent, SQSBatchResponse> {
    @Override
    protected SQSBatchResponse handle(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (message.getBody().equals("poison")) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
