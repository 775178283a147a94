package dev.starshop.platform.admin;

import io.micronaut.context.env.Environment;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

@Controller("/api/admin/system")
@AdminOnly
@SecurityScheme(name = "admin", type = SecuritySchemeType.HTTP, scheme = "bearer")
final class SystemController {

    private static final String BUILD_PROPERTIES = "/META-INF/starshop/build.properties";

    private final SystemInfo info;

    SystemController(Environment environment, EngineStart engineStart) {
        boolean sandbox = environment.getProperty("starshop.telegram.bot-token", String.class)
                .filter(token -> !token.isBlank()).isEmpty();
        String database = environment.containsProperty("datasources.default.url") ? "external" : "embedded";
        this.info = new SystemInfo(buildVersion(), sandbox, database, engineStart.startedAt());
    }

    @Get
    @Operation(summary = "Version, mode and start time of this engine",
            security = @SecurityRequirement(name = "admin"))
    SystemInfo system() {
        return info;
    }

    private static String buildVersion() {
        try (InputStream in = SystemController.class.getResourceAsStream(BUILD_PROPERTIES)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + BUILD_PROPERTIES, e);
        }
    }
}
