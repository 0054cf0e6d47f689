package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bucket's own {@code NotificationConfiguration} (CloudFormation's form of SAM's {@code S3} event) gives the
 * function it names an {@code S3} event, which the S3 service runs as it runs SAM's; deliveries to queues, topics and
 * EventBridge are one warning each.
 */
class BucketNotificationConfigurationTest {

    static SamTemplate parse(String notifications) {
        return SamTemplate.parse("Resources:\n"
                + "  Thumbnailer: {Type: 'AWS::Serverless::Function', Properties: {Handler: a.B, Runtime: java21}}\n"
                + "  Photos: {Type: 'AWS::S3::Bucket', Properties: {BucketName: photos-bucket, "
                + "NotificationConfiguration: " + notifications + "}}\n", Path.of("template.yaml"), "us-east-1");
    }

    @Test
    void a_lambda_configuration_becomes_the_functions_s3_event_with_its_key_filter() {
        SamTemplate template = parse("{LambdaConfigurations: [{Event: 's3:ObjectCreated:*', Function: "
                + "{'Fn::GetAtt': [Thumbnailer, Arn]}, Filter: {S3Key: {Rules: [{Name: Prefix, Value: raw/}, "
                + "{Name: suffix, Value: .jpg}]}}}, {Event: 's3:ObjectRemoved:*', Function: Thumbnailer}]}");

        assertThat(template.function("Thumbnailer").orElseThrow().events()).containsExactly(
                new FunctionEvent.S3("PhotosNotification1", "Photos", "photos-bucket", List.of("s3:ObjectCreated:*"),
                        List.of(new FunctionEvent.FilterRule("prefix", "raw/"),
                                new FunctionEvent.FilterRule("suffix", ".jpg"))),
                new FunctionEvent.S3("PhotosNotification2", "Photos", "photos-bucket", List.of("s3:ObjectRemoved:*"),
                        List.of()));
        assertThat(template.warnings()).isEmpty();
    }

    @Test
    void queue_topic_and_eventbridge_deliveries_and_a_function_outside_the_template_are_one_warning_each() {
        SamTemplate template = parse("{QueueConfigurations: [{Event: 's3:ObjectCreated:*', Queue: q}], "
                + "EventBridgeConfiguration: {EventBridgeEnabled: true}, LambdaConfigurations: [{Event: "
                + "'s3:ObjectCreated:*', Function: 'arn:aws:lambda:us-east-1:123456789012:function:elsewhere'}]}");

        assertThat(template.function("Thumbnailer").orElseThrow().events()).isEmpty();
        assertThat(template.warnings()).containsExactly(
                "resource Photos (AWS::S3::Bucket): NotificationConfiguration.QueueConfigurations is not simulated",
                "resource Photos (AWS::S3::Bucket): NotificationConfiguration.EventBridgeConfiguration is not "
                        + "simulated",
                "resource Photos (AWS::S3::Bucket): NotificationConfiguration.LambdaConfigurations[0].Function "
                        + "arn:aws:lambda:us-east-1:123456789012:function:elsewhere is not a function of this template;"
                        + " the notification does not run");
    }

    @Test
    void a_function_the_run_does_not_simulate_is_a_warning() {
        SamTemplate template = SamTemplate.parse("Resources:\n  Legacy: {Type: 'AWS::Lambda::Function'}\n"
                + "  Photos: {Type: 'AWS::S3::Bucket', Properties: {NotificationConfiguration: {LambdaConfigurations: "
                + "[{Event: 's3:ObjectCreated:*', Function: {'Fn::GetAtt': [Legacy, Arn]}}]}}}\n",
                Path.of("template.yaml"), "us-east-1");

        assertThat(template.warnings()).contains("resource Photos (AWS::S3::Bucket): NotificationConfiguration"
                + ".LambdaConfigurations[0].Function arn:aws:lambda:us-east-1:123456789012:function:Legacy is not a "
                + "function of this template; the notification does not run");
    }

    @Test
    void an_entry_without_its_event_is_one_error_line() {
        assertThatThrownBy(() -> parse("{LambdaConfigurations: [{Function: Thumbnailer}]}"))
                .isInstanceOf(LocalRunException.class).hasMessage("template.yaml: resource Photos (AWS::S3::Bucket): "
                        + "NotificationConfiguration.LambdaConfigurations[0].Event is missing");
    }
}
