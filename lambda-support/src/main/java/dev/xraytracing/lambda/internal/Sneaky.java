package dev.xraytracing.lambda.internal;

/** Rethrows any throwable unchanged, checked ones too, without wrapping. */
final class Sneaky {
    private Sneaky() {
    }

    static RuntimeException rethrow(Throwable thrown) {
        throw Sneaky.<RuntimeException>doThrow(thrown);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T doThrow(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
