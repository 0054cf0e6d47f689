package dev.xraytracing.internal.emit;

/** Where finished segment documents go: the X-Ray daemon over UDP, or memory in tests. */
public interface DocumentSink {
    /** Sends one complete segment document. Must not throw. */
    void send(String document);

    /**
     * Closes what the sink holds open (a socket), for a SnapStart snapshot: a socket taken into a snapshot is shared
     * by every environment restored from it. The next send opens a new one. Must not throw.
     */
    default void release() {
    }

    /**
     * Loads and opens what the first send needs, sending nothing, so that it can be done off the caller's clock
     * (during init, on a thread of its own or before a SnapStart snapshot). Must not throw.
     */
    default void prepare() {
    }

    /** The live spans this backend opens while subsegments are open, or null when it only takes documents. */
    default LiveSpans liveSpans() {
        return null;
    }
}
