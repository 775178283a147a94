package dev.starshop.fulfilment;

import dev.starshop.catalog.DemoCatalogSeeded;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Gives the demo catalog's delivered products what they deliver: 50 generated codes for the code
 * product (random, so no two sandboxes share them) and a one-page PDF written here for the file one.
 */
@Singleton
class DemoDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDeliveries.class);
    private static final int CODES = 50;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final CodeUploads codes;
    private final FileUploads files;
    private final SecureRandom random = new SecureRandom();

    DemoDeliveries(CodeUploads codes, FileUploads files) {
        this.codes = codes;
        this.files = files;
    }

    @EventListener
    void onSeeded(DemoCatalogSeeded seeded) {
        String pool = IntStream.range(0, CODES).mapToObj(i -> code()).collect(Collectors.joining("\n"));
        codes.upload(seeded.codesSku(), pool.getBytes(StandardCharsets.UTF_8), false);
        files.store(seeded.fileSku(), "shop-owners-guide.pdf", DemoPdf.onePage("Shop owner's guide",
                "Thank you for trying Starshop. This file was delivered by sendDocument."));
        LOG.info("Seeded the demo deliveries: {} codes for {}, a PDF for {}", CODES, seeded.codesSku(),
                seeded.fileSku());
    }

    private String code() {
        StringBuilder code = new StringBuilder("STAR");
        for (int i = 0; i < 12; i++) {
            code.append(i % 4 == 0 ? "-" : "").append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
