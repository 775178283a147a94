package dev.starshop.telegram.initdata;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every published vector in {@code src/test/resources/telegram/init-data-vectors.json} (each with
 * its source), checked without expiry as the file prescribes (they were signed in 2022).
 */
class InitDataVectorsTest {

    private static final String VECTORS = "/telegram/init-data-vectors.json";
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final InitDataVerifier verifier = new InitDataVerifier(JSON, Clock.systemUTC());

    static Stream<Arguments> vectors() throws IOException {
        List<Map<String, Object>> vectors;
        try (InputStream file = InitDataVectorsTest.class.getResourceAsStream(VECTORS)) {
            assertNotNull(file, "initData vectors not found on the test classpath at " + VECTORS);
            vectors = JSON.readValue(file.readAllBytes(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        }
        assertTrue(vectors.size() >= 14, "expected the full vector set, got " + vectors.size());
        return vectors.stream().map(v -> Arguments.of(Named.of((String) v.get("id"), v)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorHasItsExpectedOutcome(Map<String, Object> vector) {
        boolean valid = switch ((String) vector.get("expected")) {
            case "valid" -> true;
            case "invalid" -> false;
            default -> throw new AssertionError("unknown expected outcome " + vector.get("expected"));
        };
        switch ((String) vector.get("kind")) {
            case "hmac_sha256" -> check(valid, () -> verifier.verifyHmac(text(vector, "init_data"),
                    text(vector, "bot_token")));
            case "ed25519_third_party" -> check(valid, () -> verifier.verifyThirdParty(text(vector, "init_data"),
                    ((Number) vector.get("bot_id")).longValue(),
                    TelegramPublicKeys.fromHex(text(vector, "public_key_hex"))));
            case "hmac_primitive" -> checkPrimitive(vector);
            default -> fail("unknown vector kind " + vector.get("kind"));
        }
    }

    private static void check(boolean valid, org.junit.jupiter.api.function.ThrowingSupplier<InitData> verification) {
        if (valid) {
            InitData data = assertDoesNotThrow(verification);
            assertTrue(data.user() != null && data.user().id() > 0, "a valid vector carries a user");
        } else {
            assertThrows(InvalidInitDataException.class, verification::get);
        }
    }

    private static void checkPrimitive(Map<String, Object> vector) {
        String token = text(vector, "bot_token");
        if (vector.containsKey("expected_secret_key_hex")) {
            assertEquals(text(vector, "expected_secret_key_hex"),
                    HexFormat.of().formatHex(InitDataSignatures.secretKey(token)));
        }
        if (vector.containsKey("expected_hash_hex")) {
            assertEquals(text(vector, "expected_hash_hex"),
                    InitDataSignatures.hmacHex(token, text(vector, "data_check_string")));
        }
        assertTrue(vector.containsKey("expected_secret_key_hex") || vector.containsKey("expected_hash_hex"),
                "a primitive vector must expect something");
    }

    private static String text(Map<String, Object> vector, String key) {
        Object value = vector.get(key);
        assertTrue(value instanceof String, "vector " + vector.get("id") + " lacks " + key);
        return (String) value;
    }
}
