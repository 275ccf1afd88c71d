package io.callcard.testing;

import com.tngtech.archunit.junit.ArchTag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that takes more than about 1.5 s on a developer machine: the fuzz run, sandbox scenarios played in
 * real time, designed waits (a keyring probe timeout, injected latency, rate-limit buckets draining), the whole-classpath
 * architecture scan. Left out of the fast run: {@code ./mvnw verify -Dgroups='!browser & !ui & !slow'}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(SlowTest.TAG)
@ArchTag(SlowTest.TAG) // the same tag for ArchUnit's engine, which reads its own annotation
public @interface SlowTest {
    String TAG = "slow";
}
