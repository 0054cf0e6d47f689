package dev.xraytracing.lambda;

/** Handler results whose text cannot be read: what a captured response must still record something for. */
public final class UnreadableText {
    private UnreadableText() {
    }

    /** A CharSequence result whose text is null: its toString() is all the capture can read. */
    public static final class NullText implements CharSequence {
        @Override
        public int length() {
            return 0;
        }

        @Override
        public char charAt(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return this;
        }

        @Override
        @SuppressWarnings("ToStringReturnsNull")
        public String toString() {
            return null;
        }
    }

    /** A CharSequence result whose toString() throws. */
    public static final class ThrowingText implements CharSequence {
        @Override
        public int length() {
            return 1;
        }

        @Override
        public char charAt(int index) {
            return 'x';
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return this;
        }

        @Override
        public String toString() {
            throw new IllegalStateException("no text");
        }
    }
}
