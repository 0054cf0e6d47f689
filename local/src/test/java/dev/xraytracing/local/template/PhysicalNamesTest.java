package dev.xraytracing.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names the template does not give are CloudFormation's {@code {stack}-{logicalId}-{suffix}}, within each limit. */
class PhysicalNamesTest {

    @Test
    void a_generated_name_is_stack_logical_id_and_a_twelve_character_suffix() {
        assertThat(PhysicalNames.generate("local", "Jobs", 80, false, "")).matches("local-Jobs-[A-Z0-9]{12}");
    }

    @Test
    void the_same_stack_and_logical_id_always_get_the_same_name_and_others_differ() {
        assertThat(PhysicalNames.generate("local", "Jobs", 80, false, ""))
                .isEqualTo(PhysicalNames.generate("local", "Jobs", 80, false, ""))
                .isNotEqualTo(PhysicalNames.generate("local", "Jobs2", 80, false, "").replace("Jobs2", "Jobs"));
    }

    @Test
    void a_long_logical_id_is_cut_so_that_the_name_with_its_ending_fits_the_limit() {
        String name = PhysicalNames.generate("local", "A".repeat(100), 80, false, ".fifo");

        assertThat(name).hasSize(80).endsWith(".fifo").startsWith("local-AAAA");
        assertThat(PhysicalNames.generate("local", "R".repeat(100), 64, false, "")).hasSize(64);
    }

    @Test
    void a_bucket_name_is_lower_case_and_at_most_63_characters() {
        String name = PhysicalNames.generate("local", "UploadsBucketForTheWholeTeamAndEveryoneElseToo", 63, true, "");

        assertThat(name).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9-]+");
    }

    @Test
    void a_fifo_queue_without_a_name_gets_a_generated_name_ending_in_fifo() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  Payments: {Type: 'AWS::SQS::Queue', Properties: {FifoQueue: true}}
                """, java.nio.file.Path.of("template.yaml"), "us-east-1");

        assertThat(template.resource("Payments").orElseThrow().name()).matches("local-Payments-[A-Z0-9]{12}\\.fifo");
    }
}
