package io.callcard.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that drives headless Chromium (skipped where none is installed, failing under CI). Left out of the fast run:
 * {@code ./mvnw verify -Dgroups='!browser & !ui & !slow'}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(BrowserTest.TAG)
public @interface BrowserTest {
    String TAG = "browser";
}
