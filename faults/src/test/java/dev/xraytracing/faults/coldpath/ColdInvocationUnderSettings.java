package dev.xraytracing.faults.coldpath;

import com.amazonaws.services.lambda.runtime.Context;
import dev.xraytracing.Tracing;
import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.internal.TracerCore;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.lambda.TracedRequestHandler;
import dev.xraytracing.lambda.testing.TestContext;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * A first invocation of MyFirstLambda's shape (a named block around a real {@code LambdaClient} call, sampled) under
 * the given environment variables, with the faults module on the class path. Runs inside the isolated class loader
 * of {@code ColdStartWithTheFaultsModuleTest}; takes the endpoint and the environment, returns the documents sent.
 */
public final class ColdInvocationUnderSettings implements BiFunction<String, Map<String, String>, List<String>> {
    /** What Lambda's runtime hands a sampled invocation. */
    private static final String SAMPLED = "Root=1-6759e988-bd862e3fe1be46a994272793;Parent=63995c3f42cd8ad8;Sampled=1";

    @Override
    public List<String> apply(String endpoint, Map<String, String> environment) {
        List<String> documents = new CopyOnWriteArrayList<>();
        TracerCore core = new TracerCore(warnings -> documents::add, null, true,
                Configuration.of(environment, Map.of()));
        LambdaClient lambda = LambdaClient.builder().endpointOverride(URI.create(endpoint)).region(Region.EU_WEST_1)
                .credentialsProvider(() -> AwsBasicCredentials.create("AKID", "secret"))
                .httpClient(UrlConnectionHttpClient.create()).build();
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, SAMPLED);
        try (TracerCore.Scope scope = core.makeCurrent()) {
            new Caller(lambda).handleRequest("{}", TestContext.create());
        } finally {
            SdkInternalThreadLocal.remove(LambdaTraceHeader.THREAD_LOCAL_KEY);
        }
        return documents;
    }

    static final class Caller extends TracedRequestHandler<String, String> {
        private final LambdaClient lambda;

        Caller(LambdaClient lambda) {
            this.lambda = lambda;
        }

        @Override
        protected String handle(String event, Context context) {
            return Tracing.sub("CallSecondLambda", s -> lambda.invoke(r -> r.functionName("MySecondLambda")
                    .payload(SdkBytes.fromUtf8String(event))).payload().asUtf8String());
        }
    }
}
