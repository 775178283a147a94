package dev.starshop.harness;

import dev.starshop.harness.FuzzCase.Expect;
import dev.starshop.support.InitDataSigner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Broken {@code Authorization: tma <initData>} headers, each made invalid by construction: cut,
 * tampered after signing, signed by another bot, expired, from the future, or unparseable. Sent to
 * GET /api/me (reads) and POST /api/orders with an orderable body (would write if accepted).
 */
final class InitDataFuzz {

    private final Junk junk;
    private final InitDataSigner signer;
    private final InitDataSigner otherBot;
    private final byte[] orderBody;

    InitDataFuzz(Junk junk, String botToken, String orderableBody) {
        this.junk = junk;
        this.signer = InitDataSigner.forToken(botToken);
        this.otherBot = InitDataSigner.forToken("7000000002:" + "x".repeat(35));
        this.orderBody = orderableBody.getBytes(StandardCharsets.UTF_8);
    }

    FuzzCase next() {
        String valid = signer.initData(200_000 + junk.nextInt(1000), "fuzz", "en");
        return switch (junk.nextInt(12)) {
            case 0 -> header("truncated", "tma " + junk.truncated(valid));
            case 1 -> header("duplicated-key", "tma " + valid + "&" + junk.pick(List.of("auth_date=1", "hash=00",
                    "user=%7B%7D", valid.substring(0, valid.indexOf('&')))));
            case 2 -> header("bad-hash", "tma " + valid.replaceAll("hash=[0-9a-f]+", "hash=" + badHash()));
            case 3 -> header("tampered-user", "tma " + valid.replace("%22id%22%3A2", "%22id%22%3A9"));
            case 4 -> header("percent-garbage", "tma " + valid.replace("chat_type=private",
                    "chat_type=" + junk.pick(List.of("%", "%zz", "%E0%A4%A", "%FF%FE", "%00", "%%", "%C0%AF"))));
            case 5 -> header("huge-auth-date", "tma " + signed(Map.of("auth_date",
                    junk.pick(List.of("99999999999999999999", "1e400", "-1", "abc", "", "4102444800", "1.5")))));
            case 6 -> header("expired", "tma " + signer.authDate(Instant.now().minus(Duration.ofDays(2)))
                    .initData(200_001, "fuzz", "en"));
            case 7 -> header("other-bot", "tma " + otherBot.initData(200_002, "fuzz", "en"));
            case 8 -> header("unicode-tampered", "tma " + signed(Map.of("user",
                    "{\"id\":200003,\"first_name\":\"\u674E\u263A\uD83D\uDE00\u202E\"}")).replace("%E2%98%BA", "%E2%98%BB"));
            case 9 -> header("no-user", "tma " + signed(Map.of("chat_type", "private")));
            case 10 -> header("wrong-scheme", junk.pick(List.of("", "tma", "tma ", "Bearer " + valid, "Basic Zm9vOmJhcg==",
                    "tma" + valid, "tma  ", "tma " + "A".repeat(6000))));
            default -> header("garbage", "tma " + junk.pick(List.of("=", "&", "&&", "hash", "hash=", "a=b&a=b",
                    "user=%7B%22id%22%3A1%7D", "%C3%A9=%C3%A8")));
        };
    }

    private String badHash() {
        return junk.pick(List.of("", "zz", "0".repeat(64), "g".repeat(64), "abc", "0".repeat(63), "0".repeat(128),
                "%00%00", "deadbeef"));
    }

    private String signed(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("user", "{\"id\":200004,\"first_name\":\"Fuzz\"}");
        if (fields.containsKey("chat_type")) {
            all.remove("user");
        }
        return signer.sign(all);
    }

    private FuzzCase header(String label, String authorization) {
        boolean write = junk.nextInt(2) == 0;
        Map<String, String> headers = authorization.isEmpty() ? Map.of() : Map.of("Authorization", authorization);
        return write
                ? new FuzzCase("init-data", label, "POST", "/api/orders", headers, "application/json", orderBody, Expect.REFUSED)
                : new FuzzCase("init-data", label, "GET", "/api/me", headers, null, new byte[0], Expect.REFUSED);
    }
}
