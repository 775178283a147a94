package dev.starshop.telegram.operator;

import dev.starshop.events.AlertKind;

import java.util.List;
import java.util.Map;

/** What the operator chat reads, in English or Chinese ({@code starshop.operator.language}). */
final class OperatorTexts {

    private final boolean zh;

    private OperatorTexts(boolean zh) {
        this.zh = zh;
    }

    static OperatorTexts forLanguage(String language) {
        return new OperatorTexts(language != null && language.toLowerCase().startsWith("zh"));
    }

    /** The whole message for one alert. */
    String single(Alert a) {
        return switch (a.kind()) {
            case ORDER_PAID -> paidOrder(a);
            case NEEDS_REVIEW -> (zh ? "⚠️ 订单 %s 需要审核 — %s\n原因：%s" : "⚠️ Order %s needs review — %s\nWhy: %s")
                    .formatted(a.shortOrder(), a.fact("total"), a.fact("why"));
            case REFUND -> (zh ? "↩️ 订单 %s 已退款 — %s" : "↩️ Order %s refunded — %s")
                    .formatted(a.shortOrder(), a.fact("total"));
            case CHARGEBACK -> (zh ? "🚨 拒付：%s，支付 %s %s" : "🚨 Chargeback: %s, charge %s %s")
                    .formatted(a.fact("amount"), a.fact("chargeId"), a.shortOrder()).strip();
            case DELIVERY_FAILED -> (zh ? "📦 订单 %s 交付失败：%s" : "📦 Delivery failed for order %s: %s")
                    .formatted(a.shortOrder(), a.fact("reason"));
            case CODE_POOL_LOW -> (zh ? "🔑 兑换码库 %s 仅剩 %s 个（阈值 %s）" : "🔑 Code pool %s is low: %s left (threshold %s)")
                    .formatted(a.fact("sku"), a.fact("available"), a.fact("threshold"));
            case RECONCILIATION -> reconciliation(a);
            case SUBSCRIPTION_CANCELLED -> (zh ? "🔕 订阅已取消：%s，用户 %s，有效期至 %s"
                    : "🔕 Subscription cancelled: %s, user %s, runs until %s")
                    .formatted(a.fact("price"), a.fact("buyerId"), a.fact("expiresAt"));
            case ENDPOINT_FAILING -> (zh ? "📡 事件端点 %s 失败：%s 在 %s 次尝试后仍未送达（%s）"
                    : "📡 Event endpoint %s is failing: %s not delivered after %s attempts (%s)")
                    .formatted(a.fact("url"), a.fact("type"), a.fact("attempts"), a.fact("error"));
        };
    }

    /** One short line for an alert inside a digest. */
    String line(Alert a) {
        return switch (a.kind()) {
            case ORDER_PAID -> "• " + a.shortOrder() + " " + a.fact("total") + " " + a.fact("buyer");
            case NEEDS_REVIEW, REFUND -> "• " + single(a).lines().findFirst().orElse("");
            default -> "• " + cut(single(a).replace('\n', ' '), 160);
        };
    }

    /** "12 new orders, 1 needs review in the last minute". */
    String digestHeader(Map<AlertKind, Integer> counts, long minutes) {
        List<String> parts = counts.entrySet().stream().map(e -> count(e.getKey(), e.getValue())).toList();
        if (zh) {
            return "过去 " + minutes + " 分钟内：" + String.join("，", parts);
        }
        return String.join(", ", parts) + (minutes <= 1 ? " in the last minute" : " in the last " + minutes + " minutes");
    }

    String more(int remaining) {
        return zh ? "…另有 " + remaining + " 条将在下一条消息中" : "…and " + remaining + " more in the next message";
    }

    String console(String url) {
        return (zh ? "控制台：" : "Console: ") + url;
    }

    private String paidOrder(Alert a) {
        StringBuilder text = new StringBuilder(zh ? "💰 新订单 " : "💰 New order ").append(a.shortOrder())
                .append(" — ").append(a.fact("total")).append('\n')
                .append(zh ? "买家：" : "Buyer: ").append(a.fact("buyer"));
        if (a.facts().get("lines") instanceof List<?> lines) {
            lines.forEach(l -> text.append("\n• ").append(l));
        }
        if (!a.fact("shippingAddress").isEmpty()) {
            text.append('\n').append(zh ? "寄送至：" : "Ship to: ").append(a.fact("shippingAddress"));
        }
        return text.toString();
    }

    private String reconciliation(Alert a) {
        String text = (zh ? "🔎 对账 #%s：记录 %s 项，标记 %s 项" : "🔎 Reconciliation run %s: %s recorded, %s flagged")
                .formatted(a.fact("runId"), a.fact("recorded"), a.fact("flagged"));
        return a.fact("failure").isEmpty() ? text : text + (zh ? "；失败：" : "; failed: ") + a.fact("failure");
    }

    private String count(AlertKind kind, int n) {
        if (zh) {
            return n + " " + switch (kind) {
                case ORDER_PAID -> "个新订单";
                case NEEDS_REVIEW -> "个待审核";
                case REFUND -> "笔退款";
                case CHARGEBACK -> "笔拒付";
                case DELIVERY_FAILED -> "次交付失败";
                case CODE_POOL_LOW -> "个兑换码库不足";
                case RECONCILIATION -> "份对账报告";
                case SUBSCRIPTION_CANCELLED -> "个订阅取消";
                case ENDPOINT_FAILING -> "个事件投递失败";
            };
        }
        boolean one = n == 1;
        return n + " " + switch (kind) {
            case ORDER_PAID -> one ? "new order" : "new orders";
            case NEEDS_REVIEW -> one ? "needs review" : "need review";
            case REFUND -> one ? "refund" : "refunds";
            case CHARGEBACK -> one ? "chargeback" : "chargebacks";
            case DELIVERY_FAILED -> one ? "failed delivery" : "failed deliveries";
            case CODE_POOL_LOW -> one ? "low code pool" : "low code pools";
            case RECONCILIATION -> one ? "reconciliation report" : "reconciliation reports";
            case SUBSCRIPTION_CANCELLED -> one ? "cancelled subscription" : "cancelled subscriptions";
            case ENDPOINT_FAILING -> one ? "failed event delivery" : "failed event deliveries";
        };
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
