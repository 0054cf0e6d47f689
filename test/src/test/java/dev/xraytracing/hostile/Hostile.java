package dev.xraytracing.hostile;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.Set;

/** Values a hostile but realistic user passes in: they throw, loop, lie about themselves or never end. */
public final class Hostile {
    private Hostile() {
    }

    /** An exception whose cause is itself, whatever initCause allows. */
    static final class SelfCaused extends RuntimeException {
        SelfCaused(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable getCause() {
            return this;
        }
    }

    /** An exception whose getMessage throws, and whose stack has null frames. */
    public static final class Lying extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("no message for you");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("no toString either");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            return new StackTraceElement[] {null, new StackTraceElement("a.B", "c", "B.java", 1), null};
        }
    }

    /** A getCause that makes a new exception each time: an endless chain with no repetition. */
    static final class Endless extends RuntimeException {
        @Override
        public synchronized Throwable getCause() {
            return new Endless();
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    static RuntimeException cycle() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        return a;
    }

    static RuntimeException chain(int depth) {
        RuntimeException current = new RuntimeException("root");
        for (int i = 1; i < depth; i++) {
            current = new RuntimeException("level " + i, current);
        }
        return current;
    }

    static final class ThrowingIterable implements Iterable<Object> {
        @Override
        public Iterator<Object> iterator() {
            return new Iterator<>() {
                int next;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Object next() {
                    if (next++ == 2) {
                        throw new IllegalStateException("iteration broke");
                    }
                    return next;
                }
            };
        }
    }

    /** A map whose iteration throws. */
    static final class ThrowingMap extends AbstractMap<String, Object> {
        @Override
        public Set<Entry<String, Object>> entrySet() {
            throw new UnsupportedOperationException("no entries");
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }

    enum Mood {
        GRUMPY {
            @Override
            public String toString() {
                throw new IllegalStateException("enum toString");
            }
        }
    }

    /** Text whose toString() returns null. */
    public static final class NullText implements CharSequence {
        @Override
        public int length() {
            return 3;
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
            return null;
        }
    }

    /** Text whose every method throws, toString() included. */
    public static final class ThrowingText implements CharSequence {
        @Override
        public int length() {
            throw new IllegalStateException("length");
        }

        @Override
        public char charAt(int index) {
            throw new IllegalStateException("charAt");
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            throw new IllegalStateException("subSequence");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString");
        }
    }

    static final class Key {
        private final boolean nullText;

        Key(boolean nullText) {
            this.nullText = nullText;
        }

        @Override
        public String toString() {
            if (nullText) {
                return null;
            }
            throw new IllegalStateException("key toString");
        }

        @Override
        public int hashCode() {
            return nullText ? 1 : 2;
        }
    }

    /** A Number whose toString is not a JSON number. */
    static final class Money extends Number {
        private final String text;
        private final double value;

        Money(String text, double value) {
            this.text = text;
            this.value = value;
        }

        @Override
        public int intValue() {
            return (int) value;
        }

        @Override
        public long longValue() {
            return (long) value;
        }

        @Override
        public float floatValue() {
            return (float) value;
        }

        @Override
        public double doubleValue() {
            return value;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A bean whose getter throws an Error (Jackson calls getters). */
    public static final class ErrorGetter {
        public String getName() {
            return "fine";
        }

        public String getBroken() {
            throw new AssertionError("getter error");
        }
    }

    /** A bean whose getter throws an exception. */
    public static final class ExceptionGetter {
        public String getBroken() {
            throw new IllegalStateException("getter exception");
        }
    }
}
