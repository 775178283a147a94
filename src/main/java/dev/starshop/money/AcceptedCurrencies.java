package dev.starshop.money;

/**
 * Which currencies the shop can take payment in right now: Stars always, fiat only with a card
 * provider. The checkout domain knows; catalog and orders ask.
 */
public interface AcceptedCurrencies {

    boolean accepts(Currency currency);
}
