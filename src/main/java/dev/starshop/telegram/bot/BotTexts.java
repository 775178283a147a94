package dev.starshop.telegram.bot;

import io.micronaut.core.annotation.Nullable;

/** The bot's fixed phrases in English and Simplified Chinese, chosen from Telegram's language_code. */
enum BotTexts {
    EN("Welcome to %s! Tap the button to open the shop.", "Open the shop", "Shop",
            "You have no orders yet.", "Your recent orders:",
            "Commands:\n/start - open the shop\n/orders - your recent orders\n/paysupport - help with a payment\n"
                    + "/terms - terms of sale\n/help - this list"),
    ZH("欢迎来到 %s！点击按钮打开商店。", "打开商店", "商店",
            "您还没有订单。", "您最近的订单：",
            "命令：\n/start - 打开商店\n/orders - 最近的订单\n/paysupport - 支付帮助\n/terms - 销售条款\n/help - 命令列表");

    final String welcome;
    final String openShop;
    final String menuButton;
    final String noOrders;
    final String recentOrders;
    final String help;

    BotTexts(String welcome, String openShop, String menuButton, String noOrders, String recentOrders, String help) {
        this.welcome = welcome;
        this.openShop = openShop;
        this.menuButton = menuButton;
        this.noOrders = noOrders;
        this.recentOrders = recentOrders;
        this.help = help;
    }

    /** "zh", "zh-hans", "zh-CN" → Chinese; anything else → English. */
    static BotTexts forLanguage(@Nullable String languageCode) {
        return languageCode != null && languageCode.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? ZH : EN;
    }
}
