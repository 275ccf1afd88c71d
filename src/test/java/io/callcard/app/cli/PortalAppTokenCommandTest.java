package io.callcard.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.callcard.app.AppPaths;
import io.callcard.config.SecretKeys;
import io.callcard.config.SecretStores;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortalAppTokenCommandTest {

    private static final String TOKEN = "51610fefc120afg4b628cc82d6298cce";

    @TempDir
    Path home;

    private CliRun run(String typed, String... args) {
        return CliRun.of(new PortalAppTokenCommand(new SecretPrompt(new BufferedReader(new StringReader(typed)))), args);
    }

    private Optional<String> stored() throws Exception {
        return SecretStores.open(AppPaths.underHome(home).configDir()).read(SecretKeys.APPLICATION_TOKEN);
    }

    @Test
    void aTypedTokenIsStoredAndNeverPrinted() throws Exception {
        CliRun run = run(TOKEN + "\n", "--home", home.toString(), "--lang", "en");
        assertEquals(PortalAppTokenCommand.SAVED, run.exitCode(), run.all());
        assertTrue(run.out().contains("Application token saved"), run.out());
        assertFalse(run.all().contains(TOKEN), "the token is not echoed");
        assertEquals(Optional.of(TOKEN), stored());
        try (Stream<Path> files = Files.walk(AppPaths.underHome(home).logDir())) {
            for (Path log : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                assertFalse(Files.readString(log).contains(TOKEN), "the token reached " + log);
            }
        }
    }

    @Test
    void somethingElsePastedIsRefusedUnrepeatedAndNothingChanges() throws Exception {
        run(TOKEN + "\n", "--home", home.toString());
        String pasted = "https://acme.bitrix24.com/rest/1/secretcode/";
        CliRun run = run(pasted + "\n", "--home", home.toString(), "--lang", "en");
        assertEquals(PortalAppTokenCommand.REFUSED, run.exitCode());
        assertTrue(run.err().contains("Nothing was saved"), run.err());
        assertFalse(run.all().contains("secretcode"));
        assertEquals(Optional.of(TOKEN), stored(), "the saved token is kept");
    }

    @Test
    void emptyInputIsRefused() throws Exception {
        CliRun run = run("", "--home", home.toString(), "--lang", "en");
        assertEquals(PortalAppTokenCommand.REFUSED, run.exitCode());
        assertEquals(Optional.empty(), stored());
    }

    @Test
    void clearForgetsTheToken() throws Exception {
        run(TOKEN + "\n", "--home", home.toString());
        CliRun run = run("", "--home", home.toString(), "--clear", "--lang", "ru");
        assertEquals(PortalAppTokenCommand.SAVED, run.exitCode(), run.all());
        assertTrue(run.out().contains("Токен приложения удалён"), run.out());
        assertEquals(Optional.empty(), stored());
    }
}
