package dev.xraytracing.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.internal.log.WarnOnce;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every line shipped with core is an entry the table takes: none is ignored for its format. */
class ShippedResourceEntriesTest {

    private final ResourceTable table = new ResourceTable(new WarnOnce());

    @Test
    void every_shipped_line_reaches_the_table() {
        assertThat(ShippedResourceEntries.LINES).isNotEmpty().allSatisfy(line -> {
            String key = line.substring(0, line.indexOf('='));
            String value = line.substring(line.indexOf('=') + 1);
            if (key.startsWith("name.")) {
                assertThat(table.subsegmentName(key.substring("name.".length()))).as(line).isEqualTo(value);
                return;
            }
            String[] parts = key.split("\\.");
            assertThat(parts).as(line).hasSize(4);
            ResourceTable.OperationFields fields = table.fieldsFor(parts[0], parts[1].equals("*") ? "AnyOperation"
                    : parts[1]);
            ResourceTable.Field[] direction = parts[2].equals("request") ? fields.request : fields.response;
            assertThat(Arrays.stream(direction).map(field -> field.member + "=" + field.awsField))
                    .as(line).contains(parts[3] + "=" + value);
        });
    }

    @Test
    void the_service_map_names_are_the_ones_xray_expects() {
        assertThat(table.subsegmentName("DynamoDb")).isEqualTo("DynamoDB");
        assertThat(table.subsegmentName("Sqs")).isEqualTo("SQS");
        assertThat(table.subsegmentName("Lambda")).isEqualTo("Lambda");
    }
}
