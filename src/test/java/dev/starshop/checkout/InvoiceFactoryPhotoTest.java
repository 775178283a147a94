package dev.starshop.checkout;

import dev.starshop.catalog.CatalogService;
import dev.starshop.catalog.Product;
import dev.starshop.catalog.ProductKind;
import dev.starshop.money.Currency;
import dev.starshop.money.Money;
import dev.starshop.order.Order;
import dev.starshop.order.OrderLine;
import dev.starshop.order.OrderStatus;
import dev.starshop.support.Api;
import dev.starshop.support.ShopFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The invoice shows the photo of the order's product. Placing an order hands the products it was
 * priced from to the invoice, so the catalog is not read a second time for the photo; without them
 * (a retried invoice), or with products that are not the order's, the catalog is read.
 */
@MicronautTest(transactional = false)
class InvoiceFactoryPhotoTest {

    private static final String PHOTO = "https://shop.example/mug.jpg";
    private static final Currency STARS = new Currency("XTR", 0, 1, 10_000);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    InvoiceFactory invoices;

    @Inject
    CatalogService catalog;

    @Test
    void theInvoiceCarriesTheProductsPhotoWhetherThePricedProductsAreAtHandOrNot() {
        Product mug = productWithPhoto();
        Order order = orderFor(mug);

        assertEquals(PHOTO, invoices.invoiceFor(order, List.of(mug)).photoUrl());
        assertEquals(PHOTO, invoices.invoiceFor(order, List.of()).photoUrl(), "read from the catalog");
    }

    @Test
    void productsThatDoNotCoverTheOrdersLinesAreNotTakenForIt() {
        Order order = orderFor(productWithPhoto());
        String other = ShopFixture.product("other").price("XTR", 5).create(new Api(http));

        assertEquals(PHOTO, invoices.invoiceFor(order, catalog.productsBySku(List.of(other))).photoUrl());
    }

    private Product productWithPhoto() {
        ShopFixture.Product product = ShopFixture.product("photo").title("Mug").price("XTR", 40);
        Map<String, Object> body = new LinkedHashMap<>(product.body());
        body.put("photoUrl", PHOTO);
        Api.Reply created = new Api(http).admin(HttpRequest.POST("/api/admin/products", body));
        assertEquals(201, created.status(), () -> String.valueOf(created.body()));
        return catalog.productsBySku(List.of(product.sku())).get(0);
    }

    private static Order orderFor(Product product) {
        Money price = new Money(40, STARS);
        OrderLine line = new OrderLine(1, product.id(), product.sku(), product.title(), ProductKind.DIGITAL, 1, price);
        return new Order(UUID.randomUUID(), 1, OrderStatus.PENDING_PAYMENT, price, null, Instant.EPOCH,
                Instant.EPOCH, List.of(line), null);
    }
}
