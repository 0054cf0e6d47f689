package dev.xraytracing.local.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request finds its REST API resource as in API Gateway: literal before parameter before greedy, method before ANY. */
class ApiRoutesTest {
    final ApiRoutes routes = new ApiRoutes(List.of(
            new ApiRoutes.Route("ANY", "/{proxy+}", "Catchall"),
            new ApiRoutes.Route("GET", "/orders/{id}", "GetOrder"),
            new ApiRoutes.Route("GET", "/orders/latest", "Latest"),
            new ApiRoutes.Route("ANY", "/orders/{id}", "AnyOrder"),
            new ApiRoutes.Route("POST", "/orders", "CreateOrder")));

    @Test
    void a_literal_segment_wins_over_a_parameter() {
        assertThat(routes.match("GET", "/orders/latest").orElseThrow().route().function()).isEqualTo("Latest");
    }

    @Test
    void a_parameter_is_taken_from_the_path_and_decoded() {
        ApiRoutes.Match match = routes.match("GET", "/orders/a%20b").orElseThrow();

        assertThat(match.route().function()).isEqualTo("GetOrder");
        assertThat(match.pathParameters()).isEqualTo(Map.of("id", "a b"));
    }

    @Test
    void an_exact_method_wins_over_any_and_any_takes_the_other_methods() {
        assertThat(routes.match("DELETE", "/orders/7").orElseThrow().route().function()).isEqualTo("AnyOrder");
        assertThat(routes.match("POST", "/orders").orElseThrow().route().function()).isEqualTo("CreateOrder");
    }

    @Test
    void proxy_plus_takes_the_rest_of_the_path_and_nothing_matches_the_root() {
        ApiRoutes.Match match = routes.match("PUT", "/a/b/c").orElseThrow();

        assertThat(match.route().function()).isEqualTo("Catchall");
        assertThat(match.pathParameters()).isEqualTo(Map.of("proxy", "a/b/c"));
        assertThat(routes.match("GET", "/")).isEmpty();
    }
}
