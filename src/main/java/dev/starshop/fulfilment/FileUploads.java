package dev.starshop.fulfilment;

import dev.starshop.catalog.CatalogService;
import dev.starshop.catalog.DeliveryKind;
import dev.starshop.catalog.Product;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Checks and stores a FILE product's document: size, type from the bytes, a safe name, its SHA-256. */
@Singleton
class FileUploads {

    private static final int MAX_NAME_LENGTH = 255;

    private final CatalogService catalog;
    private final ProductFiles files;
    private final long maxFileSize;

    FileUploads(CatalogService catalog, ProductFiles files,
                @Value("${starshop.fulfilment.max-file-size:52428800}") long maxFileSize) {
        this.catalog = catalog;
        this.files = files;
        this.maxFileSize = maxFileSize;
    }

    @Transactional
    ProductFile store(String sku, String uploadedName, byte[] content) {
        Product product = catalog.lockedProduct(sku);
        if (product.delivery().kind() != DeliveryKind.FILE) {
            throw new ProblemException(ProblemCode.DELIVERY_KIND_MISMATCH, "Product '" + sku + "' is delivered as "
                    + product.delivery().kind() + ", not FILE: set its delivery first");
        }
        if (content.length == 0) {
            throw new ProblemException(ProblemCode.EMPTY_UPLOAD, "The file is empty");
        }
        if (content.length > maxFileSize) {
            throw new ProblemException(ProblemCode.FILE_TOO_LARGE,
                    "The file has " + content.length + " bytes; a bot can send at most " + maxFileSize);
        }
        FileType type = FileType.of(content).orElseThrow(() -> new ProblemException(ProblemCode.FILE_TYPE_REFUSED,
                "The content is not PDF, EPUB, ZIP, PNG, JPEG, MP3, MP4 or plain UTF-8 text"));
        String name = type.withExtension(safeName(uploadedName));
        files.store(product.id(), name, type, sha256(content), content);
        return files.find(sku).orElseThrow();
    }

    /** The last path segment, without control characters, at most 255 characters with its extension. */
    static String safeName(String uploaded) {
        String name = uploaded == null ? "" : uploaded.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).codePoints()
                .filter(c -> !Character.isISOControl(c) && c != '"')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        return name.length() > MAX_NAME_LENGTH - 5 ? name.substring(name.length() - (MAX_NAME_LENGTH - 5)) : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
