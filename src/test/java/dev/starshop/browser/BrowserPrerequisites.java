package dev.starshop.browser;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What a browser test needs from the machine: a system Chromium and Telegram's official
 * {@code telegram-web-app.js} from the npm package {@code @twa-dev/sdk} (third-party code, fetched
 * into {@code target/}, never committed). On a developer machine without them the tests are skipped
 * with a message saying what to install; under CI ({@code CI=true}) a missing piece is a failure,
 * because {@code .ci/run} installs both.
 */
final class BrowserPrerequisites {

    static final String SDK_PACKAGE = "@twa-dev/sdk@8.0.2";
    static final Path SCRIPT = Path.of("target/telegram-web-app/package/src/telegram-web-apps.js");
    static final String AXE_PACKAGE = "axe-core@4.14.1";
    static final Path AXE = Path.of("target/axe-core/package/axe.min.js");

    private BrowserPrerequisites() {
    }

    static Path chromium() {
        Path chromium = Path.of(System.getProperty("starshop.test.chromium", "/usr/bin/chromium"));
        require(Files.isExecutable(chromium), "No Chromium at " + chromium
                + ": install it (apt-get install -y chromium) or set -Dstarshop.test.chromium=/path/to/chromium");
        return chromium;
    }

    /** The script, fetched with {@code npm pack} on first use when npm is available. */
    static Path telegramScript() {
        if (!Files.isRegularFile(SCRIPT)) {
            fetchWithNpm(SCRIPT.getParent().getParent().getParent(), SDK_PACKAGE, "twa-dev-sdk-8.0.2.tgz");
        }
        require(Files.isRegularFile(SCRIPT), "No Telegram telegram-web-app.js at " + SCRIPT + ": run "
                + "`mkdir -p target/telegram-web-app && cd target/telegram-web-app && npm pack " + SDK_PACKAGE
                + " && tar xzf twa-dev-sdk-8.0.2.tgz` (needs npm and the npm registry)");
        return SCRIPT;
    }

    /** axe-core (Deque's accessibility engine, npm), injected into pages by the accessibility checks. */
    static Path axeScript() {
        if (!Files.isRegularFile(AXE)) {
            fetchWithNpm(AXE.getParent().getParent(), AXE_PACKAGE, "axe-core-4.14.1.tgz");
        }
        require(Files.isRegularFile(AXE), "No axe-core at " + AXE + ": run `mkdir -p target/axe-core && cd "
                + "target/axe-core && npm pack " + AXE_PACKAGE + " && tar xzf axe-core-4.14.1.tgz`");
        return AXE;
    }

    private static void fetchWithNpm(Path folder, String npmPackage, String tarball) {
        try {
            Files.createDirectories(folder);
            Process pack = new ProcessBuilder("npm", "pack", "--silent", npmPackage)
                    .directory(folder.toFile()).redirectErrorStream(true).start();
            pack.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (pack.waitFor(90, TimeUnit.SECONDS) && pack.exitValue() == 0) {
                new ProcessBuilder("tar", "xzf", tarball).directory(folder.toFile())
                        .start().waitFor(30, TimeUnit.SECONDS);
            } else {
                pack.destroy();
            }
        } catch (IOException noNpm) {
            // reported by the caller's requirement with instructions
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void require(boolean present, String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            if (!present) {
                throw new IllegalStateException(message + " (CI must provide it: see .ci/run)");
            }
            return;
        }
        Assumptions.assumeTrue(present, "Browser test skipped. " + message);
    }
}
