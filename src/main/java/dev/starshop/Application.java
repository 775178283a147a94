package dev.starshop;

import dev.starshop.platform.HeadStartMicronaut;
import dev.starshop.platform.JarMicronautServices;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(
        title = "Starshop",
        version = "0.1",
        description = "Payments and commerce engine for shops that sell inside Telegram"))
public class Application {

    public static void main(String[] args) {
        // Before Micronaut loads a service: its bean definitions listed from the jar, not a zip file system over it.
        JarMicronautServices.install(Application.class.getClassLoader());
        // HeadStartMicronaut: Micronaut's start, with the embedded PostgreSQL starting alongside it.
        new HeadStartMicronaut().args(args)
                .mainClass(Application.class)
                .banner(false)
                .start();
    }
}
