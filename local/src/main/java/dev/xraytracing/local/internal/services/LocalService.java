package dev.xraytracing.local.internal.services;

import java.util.List;

/**
 * One AWS service the template's resources need, running here on an engine (or, for SNS and EventBridge, the
 * platform's own delivery), with its resources created as CloudFormation would create them. Started by
 * {@link LocalServices} only when the template needs it; functions reach it through {@link #endpointVariable()}.
 */
public interface LocalService extends AutoCloseable {
    /** The SDK's variable for this service's endpoint, e.g. {@code AWS_ENDPOINT_URL_SQS}. */
    String endpointVariable();

    /** Where SDK clients send their requests, e.g. {@code http://127.0.0.1:54321}. */
    String endpoint();

    /** One line for each problem the run should report (an engine that is missing, a delivery that failed). */
    default List<String> problems() {
        return List.of();
    }

    /**
     * Whether nothing is in flight or waiting here: no message visible or in flight, no delivery pending. The run
     * waits for every service to be quiet before it prints the traces.
     */
    default boolean quiet() {
        return true;
    }

    /** Lines for the run's summary, e.g. what each queue holds at the end (dead-letter queues especially). */
    default List<String> summary() {
        return List.of();
    }

    /** Stops the engine and every poller or deliverer; never throws. */
    @Override
    void close();
}
