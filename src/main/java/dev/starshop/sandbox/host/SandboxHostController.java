package dev.starshop.sandbox.host;

import dev.starshop.platform.web.PageFraming;
import dev.starshop.sandbox.SandboxTelegram;
import dev.starshop.sandbox.SandboxUser;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.io.File;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sandbox host: a page that plays Telegram Web's part around the Mini App (see
 * docs/sandbox-host.md). Its static files live in {@code webapp/sandbox}; served by a controller
 * rather than a static-resources mapping so they exist only in sandbox mode, like the emulator.
 */
@Controller("/sandbox")
@PageFraming(PageFraming.Ancestors.SAME_ORIGIN)
@Requires(missingProperty = "starshop.telegram.bot-token")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SandboxHostController {

    /** What the page needs to open the Mini App as a user, as Telegram puts it in the URL hash. */
    @Serdeable
    record Launch(String initData, SandboxUser user, String version, String platform) {
    }

    /** File names only: no slashes, so a request can never climb out of the folder. */
    private static final Pattern ASSET = Pattern.compile("[a-z][a-z0-9-]*\\.(js|css|html|svg)");
    private static final String ASSETS = "classpath:webapp/sandbox/";
    /** Telegram Web (web.telegram.org/a) reports this platform. */
    private static final String PLATFORM = "weba";

    private final ResourceResolver resources;
    private final SandboxTelegram telegram;
    private final InitDataSigning signing;
    private final HostSettings settings;

    SandboxHostController(ResourceResolver resources, SandboxTelegram telegram, InitDataSigning signing,
                          HostSettings settings) {
        this.resources = resources;
        this.telegram = telegram;
        this.signing = signing;
        this.settings = settings;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<StreamedFile> page() {
        return asset("index.html");
    }

    @Get("/host/{name}")
    HttpResponse<StreamedFile> asset(@PathVariable String name) {
        if (!ASSET.matcher(name).matches()) {
            return HttpResponse.notFound();
        }
        return resources.getResource(ASSETS + name)
                .map(url -> HttpResponse.ok(new StreamedFile(url)).header("Cache-Control", "no-cache"))
                .orElseGet(HttpResponse::notFound);
    }

    /**
     * Signed initData for a sandbox user; a fresh {@code auth_date} and query id on every launch. With
     * {@code startapp} (a {@code t.me/<bot>/<app>?startapp=…} link) it carries {@code start_param}, as
     * Telegram does: only Telegram's own rule is checked here (1-512 of A-Z a-z 0-9 _ -), so the
     * engine's stricter grammar can be tried.
     */
    @Get("/api/host/launch")
    HttpResponse<Launch> launch(@QueryValue long userId, @Nullable @QueryValue String startapp) {
        if (startapp != null && !startapp.isEmpty() && !START_APP.matcher(startapp).matches()) {
            return HttpResponse.badRequest();
        }
        String startParam = startapp == null || startapp.isEmpty() ? null : startapp;
        return telegram.user(userId)
                .map(user -> HttpResponse.ok(new Launch(signing.initData(user, startParam), user, settings.version(),
                        PLATFORM)))
                .orElseGet(HttpResponse::notFound);
    }

    private static final java.util.regex.Pattern START_APP = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,512}");

    /** Telegram's script from a local copy, for offline sandbox runs; see {@link HostSettings}. */
    @Get("/telegram-web-app.js")
    HttpResponse<?> telegramScript() {
        String path = settings.telegramScript();
        if (path == null || !new File(path).isFile()) {
            return HttpResponse.notFound(Map.of("message",
                    "No local copy of telegram-web-app.js: set starshop.sandbox.host.telegram-script to the file "
                            + "(see docs/sandbox-host.md)"));
        }
        return HttpResponse.ok(new SystemFile(new File(path), MediaType.of("application/javascript")));
    }
}
