package dev.xraytracing.local.internal.services.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.template.FunctionEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which requests are events S3 notifies, and which functions' events they match. */
class ObjectChangeTest {
    static final FunctionEvent.S3 JSON_UPLOADS = new FunctionEvent.S3("Uploaded", "Uploads", "uploads",
            List.of("s3:ObjectCreated:*"), List.of(new FunctionEvent.FilterRule("prefix", "in/"),
            new FunctionEvent.FilterRule("suffix", ".json")));

    @Test
    void put_copy_and_complete_multipart_upload_create_objects_and_delete_removes_one() {
        assertThat(name("PUT", "/uploads/in/a.json", "x-id=PutObject", false)).contains("ObjectCreated:Put");
        assertThat(name("PUT", "/uploads/in/a.json", null, true)).contains("ObjectCreated:Copy");
        assertThat(name("POST", "/uploads/in/a.json", "uploadId=u1", false))
                .contains("ObjectCreated:CompleteMultipartUpload");
        assertThat(name("DELETE", "/uploads/in/a.json", "x-id=DeleteObject", false)).contains("ObjectRemoved:Delete");
    }

    @Test
    void parts_sub_resources_buckets_and_reads_are_no_object_events() {
        assertThat(name("PUT", "/uploads/in/a.json", "partNumber=1&uploadId=u1", false)).isEmpty();
        assertThat(name("POST", "/uploads/in/a.json", "uploads", false)).isEmpty();
        assertThat(name("PUT", "/uploads/in/a.json", "tagging", false)).isEmpty();
        assertThat(name("PUT", "/uploads", null, false)).isEmpty();
        assertThat(name("PUT", "/uploads/", null, false)).isEmpty();
        assertThat(name("GET", "/uploads/in/a.json", null, false)).isEmpty();
        assertThat(name("DELETE", "/uploads/in/a.json", "uploadId=u1", false)).isEmpty();
    }

    @Test
    void the_key_is_decoded_from_the_path_and_url_encoded_in_the_event_as_s3_does() {
        ObjectChange change = ObjectChange.of("PUT", "/uploads/in/red%20flower+%C3%A9%3D1.json", null, false)
                .orElseThrow();

        assertThat(change.key()).isEqualTo("in/red flower+é=1.json");
        assertThat(change.eventKey()).isEqualTo("in/red+flower%2B%C3%A9%3D1.json");
    }

    @Test
    void an_event_matches_its_bucket_its_types_and_every_filter_rule() {
        assertThat(S3Notifications.matches(JSON_UPLOADS, change("PUT", "/uploads/in/a.json"))).isTrue();
        assertThat(S3Notifications.matches(JSON_UPLOADS, change("PUT", "/uploads/in/a.png"))).isFalse();
        assertThat(S3Notifications.matches(JSON_UPLOADS, change("PUT", "/uploads/out/a.json"))).isFalse();
        assertThat(S3Notifications.matches(JSON_UPLOADS, change("PUT", "/other/in/a.json"))).isFalse();
        assertThat(S3Notifications.matches(JSON_UPLOADS, change("DELETE", "/uploads/in/a.json"))).isFalse();
    }

    @Test
    void an_exact_event_type_matches_only_its_own_operation() {
        FunctionEvent.S3 copies = new FunctionEvent.S3("Copied", "Uploads", "uploads",
                List.of("s3:ObjectCreated:Copy"), List.of());

        assertThat(S3Notifications.matches(copies, ObjectChange.of("PUT", "/uploads/k", null, true).orElseThrow()))
                .isTrue();
        assertThat(S3Notifications.matches(copies, change("PUT", "/uploads/k"))).isFalse();
    }

    private static ObjectChange change(String method, String rawPath) {
        return ObjectChange.of(method, rawPath, null, false).orElseThrow();
    }

    private static Optional<String> name(String method, String rawPath, String rawQuery, boolean copy) {
        return ObjectChange.of(method, rawPath, rawQuery, copy).map(ObjectChange::eventName);
    }
}
