package dev.starshop.ledger;

import dev.starshop.platform.admin.AdminOnly;
import dev.starshop.ledger.LedgerViews.BalanceView;
import dev.starshop.ledger.LedgerViews.TransactionView;
import dev.starshop.money.CurrencyTable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.UUID;

/** Read-only view of the books; the admin filter guards everything under /api/admin. */
@Controller("/api/admin/ledger")
@AdminOnly
@ExecuteOn(TaskExecutors.BLOCKING)
class LedgerAdminController {

    private final Ledger ledger;
    private final CurrencyTable currencies;

    LedgerAdminController(Ledger ledger, CurrencyTable currencies) {
        this.ledger = ledger;
        this.currencies = currencies;
    }

    @Get("/balances")
    List<BalanceView> balances() {
        return ledger.balances().stream().map(b -> BalanceView.of(b, currencies)).toList();
    }

    @Get("/transactions")
    List<TransactionView> transactions(@QueryValue UUID orderId) {
        return ledger.forOrder(orderId).stream().map(t -> TransactionView.of(t, currencies)).toList();
    }
}
