package io.callcard.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that starts the JavaFX toolkit (TestFX on headless Monocle) and shows a window. Left out of the fast run:
 * {@code ./mvnw verify -Dgroups='!browser & !ui & !slow'}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(UiTest.TAG)
public @interface UiTest {
    String TAG = "ui";
}
