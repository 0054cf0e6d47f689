package dev.xraytracing.internal.emit;

/** Where finished segment documents go: the X-Ray daemon over UDP, or memory in tests. */
public interface DocumentSink {
    /** Sends one complete segment document. Must not throw. */
    void send(String document);
}
