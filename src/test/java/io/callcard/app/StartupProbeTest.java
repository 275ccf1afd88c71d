package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The CPU line the start-up benchmark reads after {@code FIRST_FRAME}: its shape and numbers that mean something. */
class StartupProbeTest {

    private static final Pattern LINE = Pattern.compile("^FIRST_FRAME_CPU fx=(\\d+) process=(\\d+)$");

    @Test
    void theCpuLineSaysThisThreadsAndTheProcesssCpuTimeInMilliseconds() {
        long sum = 0;
        for (int i = 0; i < 20_000_000; i++) {
            sum += i % 7; // work for this thread's clock to count
        }
        String line = StartupProbe.cpuSoFar();
        Matcher m = LINE.matcher(line);
        assertTrue(m.matches(), line);
        long thread = Long.parseLong(m.group(1));
        long process = Long.parseLong(m.group(2));
        assertTrue(sum > 0 && thread > 0, "this thread has used CPU: " + line);
        // the process's time (counted in the kernel's ticks) holds this thread's and the JVM's other threads'
        assertTrue(process >= thread, "the process used at least what this thread did: " + line);
    }
}
