package dev.starshop.fulfilment;

import dev.starshop.platform.db.Params;
import dev.starshop.platform.db.Sql;
import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import dev.starshop.platform.web.PublicRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.TransactionOperations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;

/**
 * A delivered file, again, through a signed link ({@link DownloadLinks}). Public in the sense that no
 * header is needed (Telegram's downloadFile sends none): the signature is the authentication, made
 * for one buyer's delivery and valid for minutes. Refused after a refund (410 delivery-revoked).
 */
@Controller("/api/downloads")
@PublicRoute
@ExecuteOn(TaskExecutors.BLOCKING)
class DownloadController {

    static final String TARGET = """
            SELECT d.id, d.order_id, o.buyer_id, p.sku, d.status, o.status AS order_status
            FROM deliveries d JOIN orders o ON o.id = d.order_id JOIN products p ON p.id = d.product_id
            WHERE d.id = :id AND d.kind = 'FILE'""";

    private final Sql sql;
    private final DownloadLinks links;
    private final ProductFiles files;
    private final TransactionOperations<Connection> transactions;

    DownloadController(Sql sql, DownloadLinks links, ProductFiles files,
                       TransactionOperations<Connection> transactions) {
        this.sql = sql;
        this.links = links;
        this.files = files;
        this.transactions = transactions;
    }

    @Get("/{deliveryId}")
    HttpResponse<byte[]> download(long deliveryId, @Nullable @QueryValue String expires,
                                  @Nullable @QueryValue String signature) {
        if (expires == null || signature == null) {
            throw DownloadLinks.invalid();
        }
        DownloadLinks.DownloadTarget target = transactions.executeRead(status -> sql.one(TARGET,
                Params.of("id", deliveryId), row -> new DownloadLinks.DownloadTarget(row.getLong("id"),
                        row.getUuid("order_id"), row.getLong("buyer_id"), row.getString("sku"), row.getString("status"),
                        row.getString("order_status")))).orElseThrow(DownloadLinks::invalid);
        links.check(target, expires, signature);
        if ("REVOKED".equals(target.status()) || "REFUNDED".equals(target.orderStatus())) {
            throw new ProblemException(ProblemCode.DELIVERY_REVOKED, "The order was refunded; its file is revoked");
        }
        ProductFile file = files.find(target.sku()).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND,
                "The file is no longer stored"));
        byte[] bytes = files.content(target.sku()).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND,
                "The file is no longer stored"));
        return HttpResponse.ok(bytes).contentType(file.contentType())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
}
