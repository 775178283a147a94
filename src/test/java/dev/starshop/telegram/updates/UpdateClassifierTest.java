package dev.starshop.telegram.updates;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UpdateClassifierTest {

    private static final String FROM = "{'id':1,'is_bot':false,'first_name':'A'}";
    private static final String ADDRESS = "{'country_code':'US','state':'NY','city':'New York',"
            + "'street_line1':'1 Main St','street_line2':'','post_code':'10001'}";
    private static final String PAYMENT = "{'currency':'XTR','total_amount':1,'invoice_payload':'x',"
            + "'telegram_payment_charge_id':'stx1','provider_payment_charge_id':''}";

    private final UpdateDecoder decoder = new UpdateDecoder(JsonMapper.createDefault());
    private final UpdateClassifier classifier = new UpdateClassifier();

    /** Complete updates as Telegram sends them; %MSG% and the others are filled in by {@link #update}. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{'pre_checkout_query':{'id':'q','from':%FROM%,'currency':'XTR','total_amount':1,'invoice_payload':'x'}} | PreCheckout",
            "{'shipping_query':{'id':'s','from':%FROM%,'invoice_payload':'x','shipping_address':%ADDRESS%}} | ShippingRequest",
            "{'message':{%MSG%,'chat':{'id':1,'type':'private'},'successful_payment':%PAYMENT%}} | PaymentSucceeded",
            "{'message':{%MSG%,'chat':{'id':1,'type':'private'},'refunded_payment':%PAYMENT%}}   | PaymentRefunded",
            "{'message':{%MSG%,'chat':{'id':1,'type':'private'},'text':'/start'}}                 | BotCommand",
            "{'message':{%MSG%,'chat':{'id':1,'type':'private'},'text':'/orders@StarshopBot'}}    | BotCommand",
            "{'message':{%MSG%,'chat':{'id':-1,'type':'group'},'text':'/start'}}                  | Other",
            "{'message':{%MSG%,'chat':{'id':1,'type':'private'},'text':'hello'}}                  | Other",
            "{'poll':{'id':'p'}}                                                                 | Other",
            "{'pre_checkout_query':null,'shipping_query':null,'message':{%MSG%,'chat':{'id':1,'type':'private'},'text':'/terms','successful_payment':null}} | BotCommand"})
    void eachUpdateHasOneKind(String body, String kind) {
        assertEquals(kind, classifier.classify(decoder.decode(update(body))).kind());
    }

    @ParameterizedTest
    @CsvSource({"/start, start, ''", "/start shop-42, start, shop-42", "/ORDERS@ShopBot, orders, ''"})
    void commandsAreNormalised(String text, String command, String argument) {
        byte[] update = update("{'message':{%MSG%,'chat':{'id':1,'type':'private'},'text':'" + text + "'}}");
        ClassifiedUpdate.BotCommand classified = (ClassifiedUpdate.BotCommand) classifier.classify(decoder.decode(update));
        assertEquals(command, classified.command());
        assertEquals(argument, classified.argument());
    }

    /** The body with update_id 1 and Telegram's required fields filled in, as bytes. */
    private static byte[] update(String body) {
        String json = "{'update_id':1," + body.substring(1).replace("%MSG%", "'message_id':1,'date':1")
                .replace("%FROM%", FROM).replace("%ADDRESS%", ADDRESS).replace("%PAYMENT%", PAYMENT);
        return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }
}
