package dev.starshop.telegram.initdata;

import dev.starshop.support.InitDataSigner;
import dev.starshop.telegram.initdata.InvalidInitDataException.Reason;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitDataVerifierTest {

    private static final String TOKEN = "7000000001:AAtestTokenForUnitTestsOnly-123456_";
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);
    private static final PublicKey TELEGRAM = TelegramPublicKeys.forEnvironment(false);

    private final InitDataVerifier verifier =
            new InitDataVerifier(JsonMapper.createDefault(), Clock.fixed(NOW, ZoneOffset.UTC));
    private final InitDataSigner signer = InitDataSigner.forToken(TOKEN).authDate(NOW.minusSeconds(60));

    @Test
    void freshlySignedDataIsAcceptedAndParsed() {
        InitData data = verifier.verifyFresh(signer.initData(42, "alice", "de"), TOKEN, TELEGRAM, DAY);

        assertEquals(InitData.Proof.HMAC_SHA256, data.proof());
        assertEquals(NOW.minusSeconds(60), data.authDate());
        assertEquals("private", data.chatType());
        assertEquals(new TelegramUser(42, "Test", null, "alice", "de", false, null, true), data.user());
    }

    @Test
    void dataOlderThanTheMaxAgeIsRefused() {
        String old = signer.authDate(NOW.minus(DAY).minusSeconds(1)).initData(42, "alice", "de");

        InvalidInitDataException e = assertThrows(InvalidInitDataException.class,
                () -> verifier.verifyFresh(old, TOKEN, TELEGRAM, DAY));
        assertEquals(Reason.EXPIRED, e.reason());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void theMaxAgeIsConfigurable() {
        String tenMinutesOld = signer.authDate(NOW.minus(Duration.ofMinutes(10))).initData(42, "alice", "de");

        verifier.verifyFresh(tenMinutesOld, TOKEN, TELEGRAM, Duration.ofMinutes(15));
        assertThrows(InvalidInitDataException.class,
                () -> verifier.verifyFresh(tenMinutesOld, TOKEN, TELEGRAM, Duration.ofMinutes(5)));
    }

    @Test
    void dataDatedFarInTheFutureIsRefusedButSmallSkewIsTolerated() {
        verifier.verifyFresh(signer.authDate(NOW.plusSeconds(120)).initData(1, "a", "en"), TOKEN, TELEGRAM, DAY);
        String future = signer.authDate(NOW.plus(Duration.ofMinutes(10))).initData(1, "a", "en");

        assertThrows(InvalidInitDataException.class, () -> verifier.verifyFresh(future, TOKEN, TELEGRAM, DAY));
    }

    @Test
    void anyChangeToSignedDataBreaksTheHash() {
        String tampered = signer.initData(42, "alice", "de").replace("alice", "mallory");

        InvalidInitDataException e = assertThrows(InvalidInitDataException.class,
                () -> verifier.verify(tampered, TOKEN, TELEGRAM));
        assertEquals(Reason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void anotherBotsTokenDoesNotVerify() {
        String data = signer.initData(42, "alice", "de");

        assertThrows(InvalidInitDataException.class, () -> verifier.verify(data, "7000000002:other", TELEGRAM));
    }

    @Test
    void malformedInputIsRefusedWithAReasonNotAnException() {
        assertEquals(Reason.MISSING, reasonFor(""));
        assertEquals(Reason.MALFORMED, reasonFor("a=1&&b=2"));
        assertEquals(Reason.MALFORMED, reasonFor("a=%zz&hash=00"));
        assertEquals(Reason.MALFORMED, reasonFor("a=1&a=2&hash=00"));
        assertEquals(Reason.BAD_SIGNATURE, reasonFor("a=1&hash=" + "g".repeat(64)));
        assertEquals(Reason.BAD_SIGNATURE, reasonFor("a=1&hash=%C3%A9&signature=%%%"
                .replace("%%%", "not*base64")));
    }

    @Test
    void telegramsEd25519SignatureIsAcceptedForOurBotWhenThereIsNoValidHash() throws Exception {
        KeyPair telegram = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String raw = thirdPartySigned(telegram, 7000000001L, "auth_date=" + (NOW.getEpochSecond() - 60)
                + "&user=%7B%22id%22%3A7%2C%22first_name%22%3A%22Eve%22%7D");

        InitData data = verifier.verifyFresh(raw + "&hash=00", TOKEN, telegram.getPublic(), DAY);
        assertEquals(InitData.Proof.ED25519, data.proof());
        assertEquals(7, data.user().id());
        // The bot id is part of what Telegram signs: data for another bot is refused.
        assertThrows(InvalidInitDataException.class,
                () -> verifier.verify(raw, "7000000002:x", telegram.getPublic()));
    }

    @Test
    void aUserWithStringTypedFieldsIsReadLeniently() {
        String raw = InitDataSigner.forToken(TOKEN).authDate(NOW).sign(Map.of("user",
                "{\"id\": \"123456789\", \"first_name\": \"A\", \"is_premium\": \"true\"}"));

        TelegramUser user = verifier.verify(raw, TOKEN, TELEGRAM).user();
        assertEquals(123456789L, user.id());
        assertTrue(user.premium());
    }

    @Test
    void authDateIsRequired() {
        String raw = InitDataSigner.forToken(TOKEN).sign(Map.of("auth_date", "soon", "query_id", "q"));

        assertEquals(Reason.MALFORMED, assertThrows(InvalidInitDataException.class,
                () -> verifier.verify(raw, TOKEN, TELEGRAM)).reason());
    }

    private Reason reasonFor(String raw) {
        return assertThrows(InvalidInitDataException.class, () -> verifier.verify(raw, TOKEN, TELEGRAM)).reason();
    }

    private static String thirdPartySigned(KeyPair key, long botId, String raw) throws Exception {
        String dataCheckString = InitDataSignatures.dataCheckString(QueryString.parse(raw), Set.of());
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update((botId + ":WebAppData\n" + dataCheckString).getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        return raw + "&signature=" + signature;
    }
}
