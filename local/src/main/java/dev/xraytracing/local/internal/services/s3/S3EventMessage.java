package dev.xraytracing.local.internal.services.s3;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The event S3 sends a function, in its message structure version 2.1 (S3 User Guide, "Event message structure"):
 * one record with {@code eventVersion}, {@code eventSource} {@code aws:s3}, {@code eventName} without its
 * {@code s3:} prefix, the bucket's name, owner and ARN, and the object's URL-encoded key, size, eTag (without quotes)
 * and sequencer. A deleted object's record has no size and no eTag, as S3's has none.
 */
final class S3EventMessage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** What S3 knows of the object once the request succeeded. */
    record Details(Instant time, long size, String eTag, String versionId, String sequencer, String requestId,
                   String hostId, String sourceIp) {
    }

    private S3EventMessage() {
    }

    static String of(ObjectChange change, Details details, String configurationId, String region,
                     String accountId) {
        ObjectNode record = JSON.createObjectNode()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", region)
                .put("eventTime", EVENT_TIME.format(details.time()))
                .put("eventName", change.eventName());
        record.putObject("userIdentity").put("principalId", "AWS:" + accountId);
        record.putObject("requestParameters").put("sourceIPAddress", details.sourceIp());
        record.putObject("responseElements").put("x-amz-request-id", details.requestId())
                .put("x-amz-id-2", details.hostId());
        ObjectNode s3 = record.putObject("s3").put("s3SchemaVersion", "1.0").put("configurationId", configurationId);
        ObjectNode bucket = s3.putObject("bucket").put("name", change.bucket());
        bucket.putObject("ownerIdentity").put("principalId", accountId);
        bucket.put("arn", "arn:aws:s3:::" + change.bucket());
        ObjectNode object = s3.putObject("object").put("key", change.eventKey());
        if (change.created()) {
            object.put("size", details.size()).put("eTag", details.eTag());
        }
        if (details.versionId() != null) {
            object.put("versionId", details.versionId());
        }
        object.put("sequencer", details.sequencer());
        ObjectNode message = JSON.createObjectNode();
        message.putArray("Records").add(record);
        return message.toString();
    }
}
