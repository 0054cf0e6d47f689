package dev.xraytracing.lambda.coldpath;

import dev.xraytracing.internal.LambdaTraceHeader;
import dev.xraytracing.lambda.testing.TestContext;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * A traced function's whole cold start, as Lambda runs it, in a JVM of its own: the process's default tracer from
 * the environment (the daemon address names where documents go), init (the SDK client with our interceptor, the traced
 * handler's constructor and its warm-up), and a first sampled invocation whose named block calls another function
 * ({@link ColdTracedInvocation}'s handler, MyFirstLambda's shape).
 * Run by {@code AColdTracedInvocationSpinsNoLambdaOfOursTest}; argument: the other function's endpoint.
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
        ColdTracedInvocation.FirstFunction handler = new ColdTracedInvocation.FirstFunction(lambda, false);
        SdkInternalThreadLocal.put(LambdaTraceHeader.THREAD_LOCAL_KEY, SAMPLED);
        try {
            System.out.println("answered " + handler.handleRequest("{}", TestContext.create()));
        } finally {
            SdkInternalThreadLocal.remove(LambdaTraceHeader.THREAD_LOCAL_KEY);
        }
    }
}
