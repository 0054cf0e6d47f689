package dev.xraytracing.lambda.coldpath;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.Tracing;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.lambda.TracedRequestHandler;
import dev.xraytracing.lambda.testing.TestContext;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The first invocation of a traced function, as a cold execution environment runs it: a traced handler whose named
 * block calls another function through a real {@code LambdaClient}, under a sampled trace header; with {@code
 * everything}, it also records map and object metadata and a block that throws. Runs inside the isolated class loader
 * of {@code ColdInvocationLoadsNoJacksonTest}; takes the endpoint, returns the documents sent.
 */
public final class ColdTracedInvocation implements BiFunction<String, Boolean, List<String>> {
    @Override
    public List<String> apply(String endpoint, Boolean everything) {
        List<String> documents = new CopyOnWriteArrayList<>();
        TracerCore core = new TracerCore(warnings -> documents::add, null, true);
        try (TracerCore.Scope scope = core.makeCurrent()) {
            LambdaClient client = LambdaClient.builder()
                    .endpointOverride(URI.create(endpoint))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
            SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY,
                    "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
            try {
                new FirstFunction(client, everything).handleRequest("{}", TestContext.create());
            } finally {
                SdkInternalThreadLocal.remove(LambdaTraceHeader.THREAD_LOCAL_KEY);
            }
        }
        return documents;
    }

    /** An object with getters, as teams record them. */
    public static final class Receipt {
        private final String id;
        private final int total;

        Receipt(String id, int total) {
            this.id = id;
            this.total = total;
        }

        public String getId() {
            return id;
        }

        public int getTotal() {
            return total;
        }

        @Override
        public String toString() {
            return "Receipt " + id + " of " + total;
        }
    }

    /** MyFirstLambda's shape: a named block around the call of the second function. */
    static final class FirstFunction extends TracedRequestHandler<String, String> {
        private final LambdaClient lambda;
        private final boolean everything;

        FirstFunction(LambdaClient lambda, boolean everything) {
            this.lambda = lambda;
            this.everything = everything;
        }

        @Override
        protected String handle(String event, Context context) {
            if (everything) {
                Tracing.annotate("customer", "c-1");
                Tracing.metadata("order", Map.of("id", "o-1", "lines", List.of(1, 2)));
                Tracing.metadata("receipt", new Receipt("r-9", 12));
                try {
                    Tracing.run("Validate", validate -> {
                        throw new IllegalArgumentException("no such order");
                    });
                } catch (IllegalArgumentException expected) {
                    // the handler copes: the block's subsegment records it
                }
            }
            return Tracing.sub("CallSecondLambda", s -> lambda.invoke(r -> r.functionName("MySecondLambda")
                    .payload(SdkBytes.fromUtf8String(event))).payload().asUtf8String());
        }
    }
}
