package dev.starshop.telegram.updates;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UpdateClassifierTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final UpdateClassifier classifier = new UpdateClassifier();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{'pre_checkout_query':{'id':'q'}}                                             | PreCheckout",
            "{'shipping_query':{'id':'s'}}                                                 | ShippingRequest",
            "{'message':{'chat':{'type':'private'},'successful_payment':{'total_amount':1}}} | PaymentSucceeded",
            "{'message':{'chat':{'type':'private'},'refunded_payment':{'total_amount':1}}}   | PaymentRefunded",
            "{'message':{'chat':{'type':'private'},'text':'/start'}}                       | BotCommand",
            "{'message':{'chat':{'type':'private'},'text':'/orders@StarshopBot'}}          | BotCommand",
            "{'message':{'chat':{'type':'group'},'text':'/start'}}                         | Other",
            "{'message':{'chat':{'type':'private'},'text':'hello'}}                        | Other",
            "{'poll':{'id':'p'}}                                                           | Other",
            "{'pre_checkout_query':null,'shipping_query':null,'message':{'chat':{'type':'private'},'text':'/terms','successful_payment':null}} | BotCommand"})
    void eachUpdateHasOneKind(String body, String kind) throws IOException {
        JsonNode update = JSON.readValue(body.replace('\'', '"'), JsonNode.class);
        assertEquals(kind, classifier.classify(1, update).kind());
    }

    @ParameterizedTest
    @CsvSource({"/start, start, ''", "/start shop-42, start, shop-42", "/ORDERS@ShopBot, orders, ''"})
    void commandsAreNormalised(String text, String command, String argument) throws IOException {
        JsonNode update = JSON.readValue("{\"message\":{\"chat\":{\"type\":\"private\"},\"text\":\"" + text + "\"}}",
                JsonNode.class);
        ClassifiedUpdate.BotCommand classified = (ClassifiedUpdate.BotCommand) classifier.classify(1, update);
        assertEquals(command, classified.command());
        assertEquals(argument, classified.argument());
    }
}
