package dev.xraytracing.local.internal.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xraytracing.local.app.LocalRunException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An event file holds a PutEvents entry, an array of them, or an event as a target receives it. */
class BusEventTest {
    @Test
    void an_entry_with_an_object_detail_is_sent_as_its_json_text() {
        assertThat(BusEvent.parse("{\"Source\": \"shop\", \"DetailType\": \"Shipped\", \"Detail\": {\"id\": 7},"
                + " \"EventBusName\": \"Bus\", \"Resources\": [\"arn:x\"]}", "e.json"))
                .containsExactly(new BusEvent("shop", "Shipped", "{\"id\":7}", "Bus", List.of("arn:x")));
    }

    @Test
    void an_array_is_one_entry_each_and_an_event_as_delivered_is_read_too() {
        assertThat(BusEvent.parse("[{\"Source\": \"a\", \"DetailType\": \"A\", \"Detail\": \"{}\"},"
                + " {\"source\": \"b\", \"detail-type\": \"B\", \"detail\": {}}]", "e.json"))
                .containsExactly(new BusEvent("a", "A", "{}", null, List.of()),
                        new BusEvent("b", "B", "{}", null, List.of()));
    }

    @Test
    void a_file_that_is_not_an_event_is_one_line_naming_it_and_what_is_missing() {
        assertThatThrownBy(() -> BusEvent.parse("{\"Source\": \"a\", \"Detail\": {}}", "e.json"))
                .isInstanceOf(LocalRunException.class).hasMessage("e.json has no DetailType (a non-empty string)");
        assertThatThrownBy(() -> BusEvent.parse("[{\"Source\": \"a\", \"DetailType\": \"A\"}]", "e.json"))
                .isInstanceOf(LocalRunException.class).hasMessage("e.json entry 1 has no Detail");
        assertThatThrownBy(() -> BusEvent.parse("[]", "e.json")).isInstanceOf(LocalRunException.class)
                .hasMessage("e.json holds no event");
        assertThatThrownBy(() -> BusEvent.parse("{oops", "e.json")).isInstanceOf(LocalRunException.class)
                .hasMessageStartingWith("e.json is not JSON: ");
        assertThatThrownBy(() -> BusEvent.parse("42", "e.json")).isInstanceOf(LocalRunException.class)
                .hasMessage("e.json is not an event object with Source, DetailType and Detail");
    }
}
