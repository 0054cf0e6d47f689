package dev.xraytracing.benchmarks;

import com.amazonaws.xray.interceptors.TracingInterceptor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * {@code LambdaClient.invoke} over an in-process fake HTTP client ({@link FakeLambdaHttpClient}), under an open sampled
 * segment, with: no interceptor, the X-Ray SDK's {@code TracingInterceptor}, and (once merged) ours.
 *
 * <p>Our interceptor registers itself globally through the core jar's
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}; the system property
 * {@code xraytracing.sdk.interceptor=off} switches it off for a whole JVM, hence one fork per variant and the
 * property on every variant that must run without it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SdkInterceptorBenchmark {
    static final String OURS_OFF = "-Dxraytracing.sdk.interceptor=off";
    static final InvokeRequest REQUEST = InvokeRequest.builder()
            .functionName("MySecondLambda")
            .payload(SdkBytes.fromUtf8String("{\"name\":\"world\"}"))
            .build();

    static LambdaClientBuilder clientBuilder() {
        return LambdaClient.builder()
                .httpClient(new FakeLambdaHttpClient())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDBENCHMARK", "benchmark-secret")));
    }

    /** A client with no tracing at all: the same client, in a fork where our global interceptor is off. */
    @State(Scope.Thread)
    public static class Untraced extends OursTraced {
        @Override
        long bytesEncoded() {
            return 1; // nothing is traced here, so nothing has to be emitted
        }
    }

    /** A client with the X-Ray SDK's interceptor, recording under an X-Ray segment. */
    @State(Scope.Thread)
    public static class XRayTraced extends SegmentStates.XRaySampled {
        LambdaClient client;

        @Setup(Level.Trial)
        public void build() {
            client = clientBuilder()
                    .overrideConfiguration(c -> c.addExecutionInterceptor(new TracingInterceptor(recorder, null, null)))
                    .build();
        }

        @TearDown(Level.Trial)
        public void closeClient() {
            client.close();
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = OURS_OFF)
    public InvokeResponse invoke_none(Untraced context) {
        return context.client.invoke(REQUEST);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = OURS_OFF)
    public InvokeResponse invoke_xray_TracingInterceptor(XRayTraced context) {
        return context.client.invoke(REQUEST);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Ours: it registers itself globally from the core jar, so the client needs no configuration and the fork runs
    // without the off switch.

    /** A plain client; our interceptor comes in through the core jar's global interceptor list. */
    @State(Scope.Thread)
    public static class OursTraced extends SegmentStates.OursSampled {
        LambdaClient client;

        @Setup(Level.Trial)
        public void build() {
            client = clientBuilder().build();
        }

        @TearDown(Level.Trial)
        public void closeClient() {
            client.close();
        }
    }

    @Benchmark
    @Fork(1)
    public InvokeResponse invoke_ours_TracingExecutionInterceptor(OursTraced context) {
        return context.client.invoke(REQUEST);
    }
}
