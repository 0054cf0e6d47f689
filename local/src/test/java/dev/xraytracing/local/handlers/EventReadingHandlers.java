package dev.xraytracing.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

/** Handlers that take the events library's types, as the runtime interface client reads them, and echo a field. */
public final class EventReadingHandlers {
    private EventReadingHandlers() {
    }

    /** Answers the SNS message it got. */
    public static final class SnsSubscriber implements RequestHandler<SNSEvent, String> {
        @Override
        public String handleRequest(SNSEvent event, Context context) {
            return event.getRecords().get(0).getSNS().getMessage();
        }
    }

    /** Answers the event's detail-type and source. */
    public static final class RuleTarget implements RequestHandler<ScheduledEvent, String> {
        @Override
        public String handleRequest(ScheduledEvent event, Context context) {
            return event.getDetailType() + " from " + event.getSource();
        }
    }
}
