package dev.xraytracing.local.internal.services.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.xraytracing.local.internal.lambda.InvokeResponse;
import dev.xraytracing.local.internal.services.ServiceContext;
import dev.xraytracing.local.template.FunctionEvent;
import dev.xraytracing.local.template.TemplateResource;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * S3 on S3Mock behind the front, called as a function calls it: an unmodified SDK v2 client that only has the
 * endpoint variable (here its system-property twin, {@code aws.endpointUrlS3}). Objects created in a template's
 * bucket invoke the functions whose {@code S3} event matches, with the event S3 sends, which the Lambda runtime's own
 * serializer reads into {@link S3Event}.
 */
class S3ServiceTest {
    static final TemplateResource.Bucket UPLOADS = new TemplateResource.Bucket("Uploads", "local-uploads-abc123def456",
            "arn:aws:s3:::local-uploads-abc123def456");
    static final TemplateResource.Bucket ARCHIVE = new TemplateResource.Bucket("Archive", "archive-123456789012",
            "arn:aws:s3:::archive-123456789012");
    static final String TRACE_HEADER = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    record Invocation(String function, String payload, String traceHeader) {
    }

    static final BlockingQueue<Invocation> invocations = new LinkedBlockingQueue<>();
    static final List<String> said = new ArrayList<>();
    static volatile CountDownLatch release = new CountDownLatch(0);
    static volatile boolean functionFails;
    static S3Service service;
    static S3Client s3;

    @BeforeAll
    static void start() {
        assumeTrue(S3MockEngine.jar().isPresent(), "S3Mock's executable jar is not on the class path");
        Map<String, List<FunctionEvent>> events = Map.of(
                "Indexer", List.of(new FunctionEvent.S3("Uploaded", "Uploads", UPLOADS.name(),
                        List.of("s3:ObjectCreated:*"), List.of(new FunctionEvent.FilterRule("prefix", "incoming/"),
                        new FunctionEvent.FilterRule("suffix", ".json")))),
                "Cleaner", List.of(new FunctionEvent.S3("Removed", "Archive", ARCHIVE.name(),
                        List.of("s3:ObjectRemoved:*", "s3:ObjectRestore:Completed"), List.of())));
        service = S3Service.start(new ServiceContext(List.of(UPLOADS, ARCHIVE), events,
                (function, payload, traceHeader) -> {
                    invocations.add(new Invocation(function, new String(payload, StandardCharsets.UTF_8),
                            traceHeader));
                    awaitRelease();
                    return functionFails
                            ? new InvokeResponse(200, "{\"errorMessage\":\"bad upload\"}".getBytes(StandardCharsets.UTF_8),
                            "Unhandled", null, "r-1")
                            : new InvokeResponse(202, new byte[0], null, null, "r-1");
                }, new HashMap<>(), "us-east-1", "123456789012", new InetSocketAddress("127.0.0.1", 2000),
                said::add));
        // What the run sets as AWS_ENDPOINT_URL_S3; the SDK reads this property the same way.
        System.setProperty("aws.endpointUrlS3", service.endpoint());
        s3 = S3Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.endpointUrlS3");
        if (s3 != null) {
            s3.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void nothingPending() {
        invocations.clear();
        functionFails = false;
        release = new CountDownLatch(0);
    }

    @Test
    void an_unmodified_client_with_only_the_endpoint_variable_reaches_the_templates_buckets() {
        s3.putObject(b -> b.bucket(ARCHIVE.name()).key("notes/a.txt"), RequestBody.fromString("hello"));

        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains(UPLOADS.name(), ARCHIVE.name());
        assertThat(s3.getObjectAsBytes(b -> b.bucket(ARCHIVE.name()).key("notes/a.txt")).asUtf8String())
                .isEqualTo("hello");
        assertThat(s3.headObject(b -> b.bucket(ARCHIVE.name()).key("notes/a.txt")).contentLength()).isEqualTo(5);
        assertThat(service.endpointVariable()).isEqualTo("AWS_ENDPOINT_URL_S3");
    }

    @Test
    void a_put_object_that_matches_the_filter_invokes_the_function_with_the_event_s3_sends() throws Exception {
        String content = "{\"order\":1}";
        s3.putObject(b -> b.bucket(UPLOADS.name()).key("incoming/red flower.json")
                        .overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", TRACE_HEADER)),
                RequestBody.fromString(content));

        Invocation invocation = invocations.take();
        S3EventNotification.S3EventNotificationRecord record = parse(invocation.payload()).getRecords().get(0);

        assertThat(invocation.function()).isEqualTo("Indexer");
        assertThat(invocation.traceHeader()).isEqualTo(TRACE_HEADER);
        assertThat(record.getEventVersion()).isEqualTo("2.1");
        assertThat(record.getEventSource()).isEqualTo("aws:s3");
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(record.getEventTime()).isNotNull();
        assertThat(record.getS3().getConfigurationId()).isEqualTo("Uploaded");
        assertThat(record.getS3().getBucket().getName()).isEqualTo(UPLOADS.name());
        assertThat(record.getS3().getBucket().getArn()).isEqualTo(UPLOADS.arn());
        assertThat(record.getS3().getObject().getKey()).isEqualTo("incoming/red+flower.json");
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo("incoming/red flower.json");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(content.length());
        assertThat(record.getS3().getObject().geteTag()).isEqualTo(md5(content));
        assertThat(record.getS3().getObject().getSequencer()).isNotBlank();
    }

    @Test
    void an_object_outside_the_filter_or_a_read_invokes_nothing() {
        s3.putObject(b -> b.bucket(UPLOADS.name()).key("incoming/photo.png"), RequestBody.fromString("png"));
        s3.putObject(b -> b.bucket(UPLOADS.name()).key("other/a.json"), RequestBody.fromString("{}"));
        s3.getObjectAsBytes(b -> b.bucket(UPLOADS.name()).key("other/a.json"));

        // A notification is handed over before the request is answered, so none can still be on its way.
        assertThat(invocations).isEmpty();
        assertThat(service.quiet()).isTrue();
    }

    @Test
    void a_copy_and_a_multipart_upload_are_object_created_events_of_their_own_names() throws Exception {
        s3.putObject(b -> b.bucket(ARCHIVE.name()).key("source.json"), RequestBody.fromString("[1,2]"));
        s3.copyObject(b -> b.sourceBucket(ARCHIVE.name()).sourceKey("source.json")
                .destinationBucket(UPLOADS.name()).destinationKey("incoming/copied.json"));
        String uploadId = s3.createMultipartUpload(b -> b.bucket(UPLOADS.name()).key("incoming/big.json"))
                .uploadId();
        String eTag = s3.uploadPart(b -> b.bucket(UPLOADS.name()).key("incoming/big.json").uploadId(uploadId)
                .partNumber(1), RequestBody.fromString("[3,4,5]")).eTag();
        s3.completeMultipartUpload(b -> b.bucket(UPLOADS.name()).key("incoming/big.json").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag).build())));

        S3EventNotification.S3EventNotificationRecord copied = parse(invocations.take().payload()).getRecords().get(0);
        S3EventNotification.S3EventNotificationRecord completed =
                parse(invocations.take().payload()).getRecords().get(0);

        assertThat(copied.getEventName()).isEqualTo("ObjectCreated:Copy");
        assertThat(copied.getS3().getObject().getSizeAsLong()).isEqualTo(5);
        assertThat(completed.getEventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(completed.getS3().getObject().getKey()).isEqualTo("incoming/big.json");
        assertThat(completed.getS3().getObject().getSizeAsLong()).isEqualTo(7);
        assertThat(invocations).isEmpty();
    }

    @Test
    void a_delete_is_an_object_removed_event_without_size_and_an_unsimulated_type_is_said_once() throws Exception {
        s3.putObject(b -> b.bucket(ARCHIVE.name()).key("old.txt"), RequestBody.fromString("x"));
        s3.deleteObject(b -> b.bucket(ARCHIVE.name()).key("old.txt"));

        Invocation invocation = invocations.take();
        S3EventNotification.S3EventNotificationRecord record = parse(invocation.payload()).getRecords().get(0);

        assertThat(invocation.function()).isEqualTo("Cleaner");
        assertThat(record.getEventName()).isEqualTo("ObjectRemoved:Delete");
        assertThat(invocation.payload()).doesNotContain("\"size\"").doesNotContain("eTag");
        assertThat(said).containsExactly("function Cleaner: event Removed: s3:ObjectRestore:Completed is not"
                + " simulated; only ObjectCreated and ObjectRemoved:Delete are notified");
    }

    @Test
    void the_run_is_not_quiet_while_a_notification_is_delivered_and_a_failed_function_is_a_problem()
            throws Exception {
        release = new CountDownLatch(1);
        functionFails = true;
        s3.putObject(b -> b.bucket(UPLOADS.name()).key("incoming/slow.json"), RequestBody.fromString("{}"));

        assertThat(service.quiet()).isFalse();
        invocations.take();
        assertThat(service.quiet()).isFalse();
        release.countDown();
        while (!service.quiet()) {
            Thread.sleep(10);
        }

        assertThat(service.problems()).anySatisfy(problem -> assertThat(problem).startsWith(
                "S3 notification ObjectCreated:Put of s3://" + UPLOADS.name() + "/incoming/slow.json to Indexer"
                        + " failed: function error ").endsWith(" after 3 attempts; dropped (no on-failure destination"
                        + " or dead-letter queue)"));
    }

    static S3Event parse(String payload) {
        return LambdaEventSerializers.serializerFor(S3Event.class, S3ServiceTest.class.getClassLoader())
                .fromJson(payload);
    }

    static void awaitRelease() {
        try {
            release.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String md5(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
