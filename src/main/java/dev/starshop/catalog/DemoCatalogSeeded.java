package dev.starshop.catalog;

/**
 * The demo catalog was just seeded: fulfilment fills the demo code pool and stores the demo file
 * (the catalog cannot: it does not know fulfilment).
 */
public record DemoCatalogSeeded(String codesSku, String fileSku) {
}
