package dev.starshop.fulfilment;

import dev.starshop.platform.problem.ProblemCode;
import dev.starshop.platform.problem.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The codes of one upload, read from {@code text/plain} (one per line) or {@code text/csv} (a header
 * row with a {@code code} column; other columns are ignored). Lines are trimmed and blank ones
 * skipped. Refusals never quote a code: a code is a secret, so an error names its line only.
 */
final class CodeUpload {

    /** Most codes one upload may hold. */
    static final int MAX_CODES = 10_000;
    /** Longest code, in characters. */
    static final int MAX_CODE_LENGTH = 256;

    private CodeUpload() {
    }

    /** The codes in upload order, duplicates included (the pool counts them). */
    static List<String> read(byte[] body, boolean csv) {
        String text = utf8(body);
        List<String> codes = csv ? fromCsv(text) : fromLines(text);
        if (codes.isEmpty()) {
            throw new ProblemException(ProblemCode.EMPTY_UPLOAD, "The upload holds no code");
        }
        return codes;
    }

    private static List<String> fromLines(String text) {
        List<String> codes = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            add(codes, lines[i], i + 1);
        }
        return codes;
    }

    private static List<String> fromCsv(String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).get();
        List<String> codes = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            if (!parser.getHeaderMap().containsKey("code")) {
                throw new ProblemException(ProblemCode.INVALID_REQUEST,
                        "A CSV upload needs a header row with a 'code' column");
            }
            for (CSVRecord record : parser) {
                add(codes, record.isSet("code") ? record.get("code") : "", record.getRecordNumber() + 1);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ProblemException(ProblemCode.MALFORMED_REQUEST, "The CSV could not be read");
        }
        return codes;
    }

    private static void add(List<String> codes, String line, long lineNumber) {
        String code = line.strip();
        if (code.isEmpty()) {
            return;
        }
        if (code.length() > MAX_CODE_LENGTH) {
            throw new ProblemException(ProblemCode.CODE_TOO_LONG,
                    "The code on line " + lineNumber + " is over " + MAX_CODE_LENGTH + " characters");
        }
        if (code.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST,
                    "The code on line " + lineNumber + " holds a control character");
        }
        if (codes.size() == MAX_CODES) {
            throw new ProblemException(ProblemCode.TOO_MANY_CODES,
                    "An upload holds at most " + MAX_CODES + " codes; split it");
        }
        codes.add(code);
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemCode.MALFORMED_REQUEST, "The upload is not UTF-8 text");
        }
    }
}
