package dev.xraytracing.lambda.coldpath;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.lambda.TracedBatch;
import dev.xraytracing.lambda.TracedRequestHandler;
import dev.xraytracing.lambda.testing.BatchEvents;
import dev.xraytracing.lambda.testing.TestContext;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * A traced function's whole cold start, as Lambda runs it, in a JVM of its own: the process's default tracer from
 * the environment (the daemon address names where documents go), init (the SDK client with our interceptor, the traced
 * handler's constructor and its warm-up), and a first sampled invocation whose named block calls another function
 * ({@link ColdTracedInvocation}'s handler, MyFirstLambda's shape); with a second argument {@code batch}, a queue
 * consumer's first batch ({@link TracedBatch}), each message calling the other function. Run by
 * {@code AColdTracedInvocationSpinsNoLambdaOfOursTest}; first argument: the other function's endpoint.
 */
public final class ColdInvocationInAFreshJvm {
    /** What Lambda's runtime hands a sampled invocation. */
    private static final String SAMPLED = "Root=1-6759e988-bd862e3fe1be46a994272794;Parent=63995c3f42cd8ad9;Sampled=1";

    private ColdInvocationInAFreshJvm() {
    }

    public static void main(String[] args) {
        LambdaClient lambda = LambdaClient.builder().endpointOverride(URI.create(args[0])).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, SAMPLED);
        try {
            if (args.length > 1 && args[1].equals("batch")) {
                SQSEvent event = BatchEvents.sqsEvent(BatchEvents.sqsMessage("orders", "m-1", "{}",
                        BatchEvents.producerHeader(BatchEvents.newTraceId(), true)));
                SQSBatchResponse response = new QueueConsumer(lambda).handleRequest(event, TestContext.create());
                System.out.println("failed records " + response.getBatchItemFailures().size());
            } else {
                ColdTracedInvocation.FirstFunction handler = new ColdTracedInvocation.FirstFunction(lambda, false);
                System.out.println("answered " + handler.handleRequest("{}", TestContext.create()));
            }
        } finally {
            SdkInternalThreadLocal.remove(LambdaTraceHeader.THREAD_LOCAL_KEY);
        }
    }

    /** A queue's consumer: each message, in its own subsegment, calls the other function. */
    static final class QueueConsumer extends TracedRequestHandler<SQSEvent, SQSBatchResponse> {
        private final LambdaClient lambda;

        QueueConsumer(LambdaClient lambda) {
            this.lambda = lambda;
        }

        @Override
        protected SQSBatchResponse handle(SQSEvent event, Context context) {
            return TracedBatch.forEachRecord(event, message -> lambda.invoke(r -> r.functionName("MySecondLambda")
                    .payload(SdkBytes.fromUtf8String(message.getBody()))));
        }
    }
}
