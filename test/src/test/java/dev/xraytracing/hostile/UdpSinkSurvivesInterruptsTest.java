package dev.xraytracing.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xraytracing.internal.emit.UdpSink;
import dev.xraytracing.internal.log.WarnOnce;
import java.lang.reflect.Field;
import java.nio.channels.DatagramChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daemon's socket is a {@link DatagramChannel}, which an interrupt of a thread using it closes for good. The sink
 * must neither lose a document to an interrupt nor leave a closed channel for later sends, and must hand the sending
 * thread its interrupt flag back as it found it.
 */
class UdpSinkSurvivesInterruptsTest {
    private UdpReceiver daemon;
    private UdpSink sink;

    @BeforeEach
    void startADaemon() {
        daemon = new UdpReceiver();
        sink = new UdpSink(daemon.address(), new WarnOnce());
    }

    @AfterEach
    void stop() {
        Thread.interrupted();
        sink.release();
        daemon.close();
    }

    @Test
    void anInterruptedSenderKeepsItsFlagAndTheSocketStaysOpen() throws Exception {
        sink.send("{\"name\":\"first\"}");
        DatagramChannel before = channelOf(sink);

        Thread.currentThread().interrupt();
        sink.send("{\"name\":\"interrupted\"}");

        assertThat(Thread.interrupted()).as("the sender's interrupt flag, handed back").isTrue();
        assertThat(channelOf(sink)).as("the socket after an interrupted send").isSameAs(before);
        assertThat(before.isOpen()).isTrue();
        assertThat(daemon.receive(2, 5_000)).containsExactly("{\"name\":\"first\"}", "{\"name\":\"interrupted\"}");
    }

    @Test
    void aSocketClosedUnderTheSenderIsReplacedAndTheDocumentArrives() throws Exception {
        sink.send("{\"name\":\"first\"}");
        channelOf(sink).close(); // what another sending thread's interrupt does to the shared channel

        sink.send("{\"name\":\"after the close\"}");

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(daemon.receive(2, 5_000)).containsExactly("{\"name\":\"first\"}", "{\"name\":\"after the close\"}");
        assertThat(channelOf(sink).isOpen()).isTrue();
    }

    @Test
    void anInterruptedSenderWhoseSocketWasClosedStillSendsAndKeepsItsFlag() throws Exception {
        sink.send("{\"name\":\"first\"}");
        channelOf(sink).close();

        Thread.currentThread().interrupt();
        sink.send("{\"name\":\"both\"}");

        assertThat(Thread.interrupted()).isTrue();
        assertThat(daemon.receive(2, 5_000)).containsExactly("{\"name\":\"first\"}", "{\"name\":\"both\"}");
    }

    private static DatagramChannel channelOf(UdpSink sink) throws ReflectiveOperationException {
        Field channel = UdpSink.class.getDeclaredField("channel");
        channel.setAccessible(true);
        return (DatagramChannel) channel.get(sink);
    }
}
