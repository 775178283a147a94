package dev.starshop.fulfilment;

import io.micronaut.core.annotation.Nullable;
import dev.starshop.catalog.DeliveryKind;
import dev.starshop.fulfilment.DeliveryRepository.Claim;
import dev.starshop.order.Order;
import dev.starshop.order.OrderPayments;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One claimed delivery, from its row to Telegram and back: read what to send, call the channel,
 * record the outcome. Marking the last unit SENT moves a digital-only order to FULFILLED in the same
 * transaction. Log lines name the delivery and the order, never the text (it may hold a code).
 */
@Singleton
class DeliveryWork {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWork.class);

    private final DeliveryRepository deliveries;
    private final DeliveryMessages messages;
    private final DeliveryChannel channel;
    private final CodePool codes;
    private final OrderPayments orders;
    private final OrderCompletion completion;
    private final DeliveryNews news;
    private final DeliverySettings settings;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    DeliveryWork(DeliveryRepository deliveries, DeliveryMessages messages, DeliveryChannel channel, CodePool codes,
                 OrderPayments orders, OrderCompletion completion, DeliveryNews news, DeliverySettings settings,
                 TransactionOperations<Connection> transactions, Clock clock) {
        this.deliveries = deliveries;
        this.messages = messages;
        this.channel = channel;
        this.codes = codes;
        this.orders = orders;
        this.completion = completion;
        this.news = news;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    void send(Claim claim) {
        try {
            Optional<DeliveryJob> job = transactions.executeWrite(status -> prepare(claim));
            if (job.isEmpty()) {
                return;
            }
            SendOutcome outcome = call(job.get());
            transactions.executeWrite(status -> {
                settle(job.get(), outcome);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Delivery {} of order {} could not be worked ({}); its lease will run out and it is tried again",
                    claim.id(), claim.orderId(), e.getClass().getSimpleName());
        }
    }

    /**
     * The job to send, or empty when it cannot be: attempts exhausted (a claim past its lease counts
     * too), or a CODES unit whose pool is still empty (claimed now, after an operator's retry).
     */
    private Optional<DeliveryJob> prepare(Claim claim) {
        Instant now = clock.instant();
        if (claim.attempts() > settings.maxAttempts()) {
            fail(claim, null, "gave up after " + settings.maxAttempts() + " attempts", now);
            return Optional.empty();
        }
        if (claim.kind() == DeliveryKind.CODES && claim.codeId() == null) {
            Optional<DeliveryJob> unclaimed = deliveries.job(claim);
            Optional<ClaimedCode> code = unclaimed.flatMap(j -> codes.claim(j.sku(), claim.orderId(), claim.lineUnit()));
            String sku = unclaimed.map(DeliveryJob::sku).orElse(null);
            if (code.isEmpty()) {
                fail(claim, sku, CodePool.emptyPoolReason(sku == null ? "?" : sku), now);
                return Optional.empty();
            }
            news.codesClaimed(sku, 1);
            deliveries.attachCode(claim.id(), code.get().id());
        }
        return deliveries.job(claim);
    }

    private SendOutcome call(DeliveryJob job) {
        try {
            return switch (job.claim().kind()) {
                case TEXT, CODES -> channel.sendText(job.chatId(), messages.text(job), job.protectContent());
                case FILE -> job.file() == null ? new SendOutcome.Refused("the product has no file: upload one, then retry")
                        : channel.sendDocument(job.chatId(), messages.document(job), job.protectContent());
                case NONE -> new SendOutcome.Refused("the product delivers nothing");
            };
        } catch (RuntimeException e) {
            // A template that no longer renders, a file that vanished: not Telegram's doing, an operator's.
            return new SendOutcome.Refused("could not build the message: " + e.getClass().getSimpleName());
        }
    }

    private void settle(DeliveryJob job, SendOutcome outcome) {
        Claim claim = job.claim();
        Instant now = clock.instant();
        // The order first, as payments and refunds lock it: the last two units never both miss FULFILLED.
        Optional<Order> order = orders.lock(claim.orderId());
        if (outcome instanceof SendOutcome.Sent sent) {
            if (deliveries.markSent(claim, sent.messageId(), now)) {
                rememberFileId(job, sent);
                order.ifPresent(completion::fulfilIfComplete);
            }
        } else if (outcome instanceof SendOutcome.RetryLater later && claim.attempts() < settings.maxAttempts()) {
            deliveries.retryAt(claim, now.plus(wait(claim, later)), later.reason(), now);
        } else if (outcome instanceof SendOutcome.RetryLater later) {
            fail(claim, job.sku(), later.reason() + " (gave up after " + claim.attempts() + " attempts)", now);
        } else if (outcome instanceof SendOutcome.Refused refused) {
            fail(claim, job.sku(), refused.reason(), now);
        }
        if (!(outcome instanceof SendOutcome.Sent)) {
            LOG.warn("Delivery {} of order {} not sent (attempt {}): {}", claim.id(), claim.orderId(),
                    claim.attempts(), outcome);
        }
    }

    /** FAILED, and the shop told (delivery.failed, the operator chat) when this claim made it so. */
    private void fail(Claim claim, @Nullable String sku, String reason, Instant now) {
        if (deliveries.fail(claim, reason, now)) {
            news.failed(new DeliveryNews.DeliveryFailed(claim.orderId(), claim.id(), sku, claim.attempts(), reason));
        }
    }

    private Duration wait(Claim claim, SendOutcome.RetryLater later) {
        Duration backoff = settings.backoffAfter(claim.attempts());
        return later.retryAfter() != null && later.retryAfter().compareTo(backoff) > 0 ? later.retryAfter() : backoff;
    }

    private void rememberFileId(DeliveryJob job, SendOutcome.Sent sent) {
        if (sent.fileId() != null && job.file() != null && job.file().telegramFileId() == null) {
            deliveries.rememberFileId(job.productId(), job.file().sha256(), sent.fileId());
        }
    }

}
