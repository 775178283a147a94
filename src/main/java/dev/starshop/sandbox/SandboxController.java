package dev.starshop.sandbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.json.tree.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulator's control API for tests and the sandbox host shell; thin over {@link SandboxTelegram}.
 * Bodies are read strictly ({@link ControlRequests}): a request the emulator did not understand is
 * refused with 400 and changes nothing.
 */
@Controller("/sandbox/api")
@Requires(missingProperty = "starshop.telegram.bot-token")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SandboxController {

    private final SandboxTelegram sandbox;
    private final SharingMethods sharing;

    SandboxController(SandboxTelegram sandbox, SharingMethods sharing) {
        this.sandbox = sandbox;
        this.sharing = sharing;
    }

    /** A message the bot prepared for this user (savePreparedInlineMessage), for the host's share dialog. */
    @Get("/users/{id}/prepared-messages/{preparedId}")
    HttpResponse<Map<String, Object>> preparedMessage(@PathVariable long id, @PathVariable String preparedId) {
        return sharing.find(preparedId).filter(message -> message.userId() == id)
                .map(message -> HttpResponse.ok(message.result()))
                .orElseGet(HttpResponse::notFound);
    }

    @Get("/users")
    List<SandboxUser> users() {
        return sandbox.users();
    }

    @Post("/users")
    HttpResponse<SandboxUser> createUser(@Body JsonNode user) {
        return HttpResponse.created(sandbox.createUser(ControlRequests.user(user)));
    }

    @Put("/users/{id}/balance")
    HttpResponse<SandboxUser> setBalance(@PathVariable long id, @Body JsonNode body) {
        long balance = ControlRequests.balance(body);
        return sandbox.user(id).isEmpty() ? HttpResponse.notFound()
                : HttpResponse.ok(sandbox.setBalance(id, balance));
    }

    @Get("/users/{id}/messages")
    List<Map<String, Object>> messages(@PathVariable long id) {
        return sandbox.messages(id);
    }

    /**
     * The user's chat with the bot as the sandbox host shows it: messages after {@code after} (a
     * message_id; absent or 0 for everything kept), oldest first. 404 for an unknown user.
     */
    @Get("/users/{id}/chat{?after}")
    HttpResponse<Map<String, Object>> chat(@PathVariable long id, @Nullable @QueryValue String after) {
        long afterId = ControlRequests.messageId("after", after);
        if (sandbox.user(id).isEmpty()) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(Map.of("userId", id, "messages", sandbox.chat(id, afterId)));
    }

    /** A document the bot sent, as a download, while its bytes are kept (see docs/sandbox.md, Limits). */
    @Get(value = "/files/{fileId}", produces = MediaType.APPLICATION_OCTET_STREAM)
    HttpResponse<byte[]> file(@PathVariable String fileId) {
        ControlRequests.fileId(fileId);
        return sandbox.documentContent(fileId)
                .map(bytes -> HttpResponse.ok(bytes).header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + downloadName(fileId) + "\""))
                .orElseGet(HttpResponse::notFound);
    }

    /** The file's own name when it is plain, else a neutral one: never anything that breaks the header. */
    private String downloadName(String fileId) {
        Object name = Optional.ofNullable(sandbox.documentDetails(fileId)).map(d -> d.get("file_name")).orElse(null);
        return name instanceof String text && text.matches("[A-Za-z0-9._ -]{1,128}") ? text : "document";
    }

    @Post("/users/{id}/messages")
    HttpResponse<Map<String, Object>> userSends(@PathVariable long id, @Body JsonNode body) {
        String text = ControlRequests.text(body);
        if (sandbox.user(id).isEmpty()) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(Map.of("updateId", sandbox.sendAsUser(id, text)));
    }

    /** The operator group's messages: the alerts the shop sends its operators (docs/operations.md). */
    @Get("/operator-chat/messages")
    List<Map<String, Object>> operatorMessages() {
        return sandbox.messages(dev.starshop.events.OperatorSettings.SANDBOX_CHAT_ID);
    }

    @Get("/invoices/{slug}")
    HttpResponse<Map<String, Object>> invoice(@PathVariable String slug) {
        return sandbox.invoice(slug).map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    @Post("/invoices/{slug}/pay")
    PayOutcome pay(@PathVariable String slug, @Body JsonNode request) {
        return sandbox.pay(slug, ControlRequests.pay(request));
    }

    @Post("/subscriptions/{chargeId}/renew")
    PayOutcome renew(@PathVariable String chargeId) {
        return sandbox.renewSubscription(chargeId);
    }

    /** Adds a Stars history entry of a kind invoices do not make (paid media, gift, withdrawal, fee, …). */
    @Post("/stars/transactions")
    HttpResponse<Map<String, Object>> addStarTransaction(@Body JsonNode body) {
        return HttpResponse.created(Map.of("id", sandbox.addStarTransaction(ControlRequests.starSeed(body))));
    }

    @Post("/stars/withdrawals/{id}/succeed")
    Map<String, Object> withdrawalSucceeds(@PathVariable String id) {
        sandbox.withdrawalSucceeds(id);
        return Map.of("id", id, "state", "succeeded");
    }

    @Post("/stars/withdrawals/{id}/fail")
    Map<String, Object> withdrawalFails(@PathVariable String id) {
        sandbox.withdrawalFails(id);
        return Map.of("id", id, "state", "failed");
    }

    @Get("/updates")
    List<Map<String, Object>> updates() {
        return sandbox.updates();
    }

    /** What each store holds and its bound: the emulator stays small however long it runs. */
    @Get("/stats")
    Map<String, Object> stats() {
        return sandbox.retained();
    }

    @Get("/calls")
    List<CallLog.Call> calls() {
        return sandbox.calls();
    }

    @Get("/bot")
    Map<String, Object> bot() {
        return sandbox.botSettings();
    }

    @Get("/faults")
    Faults faults() {
        return sandbox.faults().current();
    }

    @Put("/faults")
    Faults setFaults(@Body JsonNode faults) {
        sandbox.faults().set(ControlRequests.faults(faults));
        return sandbox.faults().current();
    }

    @Post("/faults/rate-limit")
    HttpResponse<Void> rateLimit(@Body JsonNode body) {
        ControlRequests.RateLimit limit = ControlRequests.rateLimit(body);
        sandbox.faults().rateLimit(limit.method(), limit.calls(), limit.retryAfter());
        return HttpResponse.noContent();
    }

    @Post("/faults/server-errors")
    HttpResponse<Void> serverErrors(@Body JsonNode body) {
        ControlRequests.ServerErrors errors = ControlRequests.serverErrors(body);
        sandbox.faults().serverErrors(errors.method(), errors.calls());
        return HttpResponse.noContent();
    }

    @Post("/faults/held-answers")
    HttpResponse<Void> heldAnswers(@Body JsonNode body) {
        ControlRequests.HeldAnswers held = ControlRequests.heldAnswers(body);
        sandbox.faults().holdAnswers(held.method(), held.calls(), held.holdMillis());
        return HttpResponse.noContent();
    }

    @Post("/reset")
    HttpResponse<Void> reset() {
        sandbox.reset();
        return HttpResponse.noContent();
    }
}
