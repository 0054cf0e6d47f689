package dev.xraytracing.internal;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/** Entity ids of our lean model: 16 lower-case hex digits, from the thread's random or, after a restore, the kernel's. */
final class EntityIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private EntityIds() {
    }

    static String fast() {
        return hex(ThreadLocalRandom.current().nextLong());
    }

    static String secure(SecureRandom random) {
        return hex(random.nextLong());
    }

    static String hex(long random) {
        long value = random != 0 ? random : 1; // an id of zeros would look unset
        char[] digits = new char[16];
        for (int i = 15; i >= 0; i--) {
            digits[i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        return new String(digits);
    }
}
