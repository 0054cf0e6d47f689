package dev.xraytracing.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.local.app.LocalRunException;
import dev.xraytracing.local.daemon.LocalXrayDaemon;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The daemon reads the X-Ray daemon's UDP wire format and keeps every document, pieces included. */
class LocalXrayDaemonTest {
    final LocalXrayDaemon daemon = LocalXrayDaemon.start();

    @AfterEach
    void stop() {
        daemon.close();
    }

    void send(String datagram) throws Exception {
        byte[] bytes = datagram.getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(bytes, bytes.length, daemon.address()));
        }
    }

    @Test
    void it_listens_on_an_ephemeral_loopback_port_named_as_lambda_names_it() {
        assertThat(daemon.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(daemon.daemonAddress()).isEqualTo("127.0.0.1:" + daemon.address().getPort());
    }

    @Test
    void the_header_line_is_dropped_and_documents_streamed_in_pieces_are_all_kept_in_order() throws Exception {
        send("{\"format\": \"json\", \"version\": 1}\n{\"name\":\"child\",\"id\":\"2\",\"type\":\"subsegment\"}");
        send("{\"format\":\"json\",\"version\":1}\n{\"name\":\"parent\",\"id\":\"1\"}");

        List<String> documents = daemon.awaitDocuments(2, Duration.ofSeconds(5));

        assertThat(documents).containsExactly("{\"name\":\"child\",\"id\":\"2\",\"type\":\"subsegment\"}",
                "{\"name\":\"parent\",\"id\":\"1\"}");
    }

    @Test
    void listeners_get_every_document_in_order_and_one_that_fails_stops_neither_the_daemon_nor_the_others()
            throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        Consumer<String> listener = heard::add;
        daemon.addListener(document -> {
            throw new IllegalStateException("a broken listener");
        });
        daemon.addListener(listener);
        send("{\"format\": \"json\", \"version\": 1}\n{\"name\":\"first\"}");
        send("{\"format\": \"json\", \"version\": 1}\n{\"name\":\"second\"}");
        assertThat(daemon.awaitSentSoFar(Duration.ofSeconds(5))).isTrue();
        daemon.removeListener(listener);
        send("{\"format\": \"json\", \"version\": 1}\n{\"name\":\"third\"}");
        assertThat(daemon.awaitSentSoFar(Duration.ofSeconds(5))).isTrue();

        assertThat(heard).containsExactly("{\"name\":\"first\"}", "{\"name\":\"second\"}");
        assertThat(daemon.documents()).hasSize(3);
    }

    @Test
    void a_datagram_without_the_header_is_kept_aside_not_lost() throws Exception {
        send("{\"name\":\"no header\"}");
        send("{\"format\": \"json\", \"version\": 1}\n{\"name\":\"ok\"}");

        assertThat(daemon.awaitSentSoFar(Duration.ofSeconds(5))).isTrue();
        List<String> documents = daemon.documents();

        assertThat(documents).containsExactly("{\"name\":\"ok\"}");
        assertThat(daemon.rejected()).containsExactly("{\"name\":\"no header\"}");
    }

    @Test
    void every_datagram_sent_before_the_barrier_has_been_read_when_it_returns_and_the_marker_is_no_document()
            throws Exception {
        for (int i = 0; i < 50; i++) { // few enough for the socket's receive buffer, however slow the reader
            send("{\"format\":\"json\",\"version\":1}\n{\"name\":\"n" + i + "\"}");
        }

        assertThat(daemon.awaitSentSoFar(Duration.ofSeconds(5))).isTrue();

        assertThat(daemon.documents()).hasSize(50).last().isEqualTo("{\"name\":\"n49\"}");
        assertThat(daemon.rejected()).isEmpty();
        assertThat(daemon.awaitSentSoFar(Duration.ofSeconds(5))).as("a second barrier").isTrue();
        assertThat(daemon.documents()).hasSize(50);
    }

    @Test
    void a_busy_port_is_named_in_one_line() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LocalXrayDaemon.start(daemon.address().getPort())))
                .isInstanceOf(LocalRunException.class)
                .hasMessage("UDP port " + daemon.address().getPort() + " for the X-Ray daemon is already in use");
    }
}
