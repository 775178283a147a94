package dev.starshop.ledger.valuation;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file of rates: a header row with {@code effective_on} and {@code rate} (and optionally
 * {@code currency}, which must be the reporting currency, and {@code reference}), one rate per row.
 * Every row is checked before anything is written; the first bad row refuses the file, naming its row.
 */
final class RateCsv {

    static final int MAX_ROWS = 2_000;

    private RateCsv() {
    }

    record Row(String effectiveOn, String rate, String currency, String reference, long number) {
    }

    static List<Row> read(byte[] body) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(utf8(body)), format)) {
            if (!parser.getHeaderMap().containsKey("effective_on") || !parser.getHeaderMap().containsKey("rate")) {
                throw RateInput.invalid("A rates CSV needs a header row with 'effective_on' and 'rate' columns");
            }
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw RateInput.invalid("A rates CSV holds at most " + MAX_ROWS + " rows");
                }
                long number = record.getRecordNumber() + 1; // the header is row 1
                rows.add(new Row(cell(record, "effective_on"), cell(record, "rate"), cell(record, "currency"),
                        cell(record, "reference"), number));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ProblemException(ProblemCode.MALFORMED_REQUEST, "The CSV could not be read");
        }
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemCode.EMPTY_UPLOAD, "The CSV holds no rate");
        }
        return rows;
    }

    private static String cell(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
    }

    private static String utf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemCode.MALFORMED_REQUEST, "The CSV is not UTF-8");
        }
    }
}
