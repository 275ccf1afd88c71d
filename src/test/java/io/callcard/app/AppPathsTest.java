package io.callcard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppPathsTest {

    private static final Path HOME = Path.of("/home/agent");

    @Test
    void linuxFollowsXdgDefaults() {
        AppPaths p = AppPaths.osDefault("Linux", Map.of(), HOME);
        assertEquals(HOME.resolve(".config/callcard-companion"), p.configDir());
        assertEquals(HOME.resolve(".local/share/callcard-companion"), p.dataDir());
        assertEquals(HOME.resolve(".local/state/callcard-companion/logs"), p.logDir());
    }

    @Test
    void linuxHonoursXdgVariablesButIgnoresRelativeOnes() {
        AppPaths p = AppPaths.osDefault("Linux",
                Map.of("XDG_CONFIG_HOME", "/etc/xdg-user", "XDG_DATA_HOME", "relative/data"), HOME);
        assertEquals(Path.of("/etc/xdg-user/callcard-companion"), p.configDir());
        assertEquals(HOME.resolve(".local/share/callcard-companion"), p.dataDir());
    }

    @Test
    void windowsUsesRoamingForSettingsAndLocalForDataAndLogs() {
        AppPaths p = AppPaths.osDefault("Windows 11",
                Map.of("APPDATA", "/c/Users/a/AppData/Roaming", "LOCALAPPDATA", "/c/Users/a/AppData/Local"), HOME);
        assertEquals(Path.of("/c/Users/a/AppData/Roaming/CallCard Companion"), p.configDir());
        assertEquals(Path.of("/c/Users/a/AppData/Local/CallCard Companion/Data"), p.dataDir());
        assertEquals(Path.of("/c/Users/a/AppData/Local/CallCard Companion/Logs"), p.logDir());
    }

    @Test
    void macUsesLibrary() {
        AppPaths p = AppPaths.osDefault("Mac OS X", Map.of(), HOME);
        assertEquals(HOME.resolve("Library/Application Support/CallCard Companion"), p.configDir());
        assertEquals(HOME.resolve("Library/Logs/CallCard Companion"), p.logDir());
    }

    @Test
    void homeOverridesAllThreeAndCreatesThem(@TempDir Path tmp) throws Exception {
        AppPaths p = AppPaths.underHome(tmp.resolve("h"));
        p.createDirectories();
        assertEquals(tmp.resolve("h/config"), p.configDir());
        assertTrue(Files.isDirectory(p.configDir()));
        assertTrue(Files.isDirectory(p.dataDir()));
        assertTrue(Files.isDirectory(p.logDir()));
    }
}
