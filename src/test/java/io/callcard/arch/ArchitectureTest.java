package io.callcard.arch;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.callcard.testing.SlowTest;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import javafx.application.Platform;

/** The house rules of architecture.md, enforced: who may import whom, and where JavaFX may appear. */
@AnalyzeClasses(packages = "io.callcard", importOptions = ImportOption.DoNotIncludeTests.class)
@SlowTest
class ArchitectureTest {

    @ArchTest
    static final ArchRule javafx_stays_in_ui_and_app = noClasses()
            .that().resideOutsideOfPackages("io.callcard.ui..", "io.callcard.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("logic must run and be tested without the JavaFX toolkit");

    @ArchTest
    static final ArchRule wire_depends_only_on_the_jdk_and_jackson = classes()
            .that().resideInAPackage("io.callcard.wire..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                    "io.callcard.wire..")
            .because("every layer imports the Bitrix24 wire vocabulary, so it may import none of them:"
                    + " one home per wire format (architecture.md)");

    @ArchTest
    static final ArchRule call_depends_on_nothing_of_ours_but_wire = noClasses()
            .that().resideInAPackage("io.callcard.call..")
            .should().dependOnClassesThat().resideInAnyPackage("io.callcard.app..", "io.callcard.ui..",
                    "io.callcard.listener..", "io.callcard.portal..", "io.callcard.history..",
                    "io.callcard.sandbox..", "io.callcard.config..");

    @ArchTest
    static final ArchRule config_depends_on_nothing_of_ours_but_wire = noClasses()
            .that().resideInAPackage("io.callcard.config..")
            .should().dependOnClassesThat().resideInAnyPackage("io.callcard.app..", "io.callcard.ui..",
                    "io.callcard.listener..", "io.callcard.portal..", "io.callcard.history..",
                    "io.callcard.sandbox..", "io.callcard.call..");

    @ArchTest
    static final ArchRule config_uses_only_the_jdk_jackson_slf4j_the_keyring_and_wire = classes()
            .that().resideInAPackage("io.callcard.config..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.fasterxml.jackson..",
                    "org.slf4j..", "com.github.javakeyring..", "io.callcard.config..", "io.callcard.wire..",
                    "io.callcard.threads..", "io.callcard.prefs..")
            .because("settings and secrets are read before anything else starts, and by every part (architecture.md)");

    @ArchTest
    static final ArchRule listener_uses_only_call_portal_and_wire = noClasses()
            .that().resideInAPackage("io.callcard.listener..")
            .should().dependOnClassesThat().resideInAnyPackage("io.callcard.app..", "io.callcard.ui..",
                    "io.callcard.history..", "io.callcard.sandbox..", "io.callcard.config..");

    @ArchTest
    static final ArchRule portal_uses_only_call_and_wire = noClasses()
            .that().resideInAPackage("io.callcard.portal..")
            .should().dependOnClassesThat().resideInAnyPackage("io.callcard.app..", "io.callcard.ui..",
                    "io.callcard.listener..", "io.callcard.history..", "io.callcard.sandbox..",
                    "io.callcard.config..");

    @ArchTest
    static final ArchRule history_stays_below_the_application = noClasses()
            .that().resideInAPackage("io.callcard.history..")
            .should().dependOnClassesThat().resideInAnyPackage("io.callcard.app..", "io.callcard.ui..",
                    "io.callcard.listener..", "io.callcard.portal..", "io.callcard.sandbox..",
                    "io.callcard.config..")
            .because("the window, the command line and the recorder all read and write calls through it"
                    + " (history.md)");

    @ArchTest
    static final ArchRule sandbox_speaks_only_http = noClasses()
            .that().resideInAPackage("io.callcard.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("io.callcard.app..", "io.callcard.ui..",
                    "io.callcard.listener..", "io.callcard.portal..", "io.callcard.history..",
                    "io.callcard.config..")
            .because("the sandbox must reach the companion exactly as a portal would: over HTTP");

    @ArchTest
    static final ArchRule prefs_are_plain_values = classes()
            .that().resideInAPackage("io.callcard.prefs..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.callcard.prefs..")
            .because("the window applies the agent's preferences and the configuration stores them: both import them");

    @ArchTest
    static final ArchRule ui_does_not_reach_into_io = noClasses()
            .that().resideInAPackage("io.callcard.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("io.callcard.app..", "io.callcard.listener..",
                    "io.callcard.sandbox..", "io.callcard.config..")
            .because("the window reads and saves settings through interfaces the application implements"
                    + " (ui.settings.PlainSettings), so the files stay the application's business");

    @ArchTest
    static final ArchRule only_the_threads_package_makes_threads = noClasses()
            .that().resideOutsideOfPackage("io.callcard.threads..")
            .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould().callConstructorWhere(target(owner(assignableTo(ThreadPoolExecutor.class))))
            .orShould().callMethodWhere(target(owner(type(Executors.class))).and(target(nameStartingWith("new"))))
            .orShould().callMethod(Thread.class, "setDaemon", boolean.class)
            .because("every background thread is named, a daemon where right and watched for failures by one owner,"
                    + " io.callcard.threads (see its package-info)");

    @ArchTest
    static final ArchRule the_threads_package_uses_only_the_jdk_and_slf4j = classes()
            .that().resideInAPackage("io.callcard.threads..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.slf4j..", "io.callcard.threads..")
            .because("every package may import it, so it may import nothing of ours");

    @ArchTest
    static final ArchRule only_the_ui_executor_hands_work_to_the_fx_thread = noClasses()
            .that().doNotHaveFullyQualifiedName("io.callcard.ui.UiExecutor")
            .should().callMethod(Platform.class, "runLater", Runnable.class)
            .because("one class hands work to the FX thread, so tests can swap it (architecture.md)");
}
