package dev.starshop.backoffice.exports;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The first sheet of a Flat ODS file (OpenDocument spreadsheet as one XML document) as LibreOffice
 * wrote it: per cell its {@code office:value-type} ({@code float}, {@code date}, {@code string}… or
 * null for an empty cell), its value ({@code office:value} or {@code office:date-value}), its text
 * and whether it holds a formula ({@code table:formula}). Repeated rows and cells
 * ({@code number-rows-repeated}, {@code number-columns-repeated}: LibreOffice folds identical
 * neighbours) are expanded; the sheet ends at its first empty row, and each row at {@code width}.
 */
record FlatOds(List<List<OdsCell>> rows, int formulas) {

    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    /** One cell as LibreOffice read it. */
    record OdsCell(String valueType, String value, String text, boolean formula) {

        static final OdsCell EMPTY = new OdsCell(null, null, "", false);

        boolean isEmpty() {
            return valueType == null && text.isEmpty();
        }
    }

    /** Reads the first table; {@code width} is the number of columns the export has. */
    static FlatOds read(Path fods, int width) throws IOException {
        try (InputStream in = Files.newInputStream(fods)) {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_COALESCING, true);
            return read(factory.createXMLStreamReader(in), width);
        } catch (XMLStreamException e) {
            throw new IOException("Not a Flat ODS document: " + fods, e);
        }
    }

    private static FlatOds read(XMLStreamReader xml, int width) throws XMLStreamException {
        List<List<OdsCell>> rows = new ArrayList<>();
        int formulas = 0;
        int tables = 0;
        List<OdsCell> row = null;
        int rowRepeat = 1;
        boolean ended = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getAttributeValue(TABLE, "formula") != null) {
                    formulas++;
                }
                String name = xml.getLocalName();
                if (TABLE.equals(xml.getNamespaceURI()) && name.equals("table")) {
                    tables++;
                } else if (tables == 1 && !ended && TABLE.equals(xml.getNamespaceURI()) && name.equals("table-row")) {
                    row = new ArrayList<>();
                    rowRepeat = repeat(xml, "number-rows-repeated");
                } else if (row != null && TABLE.equals(xml.getNamespaceURI())
                        && (name.equals("table-cell") || name.equals("covered-table-cell"))) {
                    int cellRepeat = repeat(xml, "number-columns-repeated");
                    OdsCell cell = cell(xml);
                    for (int i = 0; i < cellRepeat && row.size() < width; i++) {
                        row.add(cell);
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && row != null
                    && TABLE.equals(xml.getNamespaceURI()) && xml.getLocalName().equals("table-row")) {
                while (row.size() < width) {
                    row.add(OdsCell.EMPTY);
                }
                if (row.stream().allMatch(OdsCell::isEmpty)) {
                    ended = true;
                } else {
                    rows.addAll(Collections.nCopies(rowRepeat, List.copyOf(row)));
                }
                row = null;
            }
        }
        return new FlatOds(List.copyOf(rows), formulas);
    }

    /** Reads a cell element up to its end: its attributes, then its paragraphs as lines of text. */
    private static OdsCell cell(XMLStreamReader xml) throws XMLStreamException {
        String type = xml.getAttributeValue(OFFICE, "value-type");
        String value = xml.getAttributeValue(OFFICE, "date-value");
        if (value == null) {
            value = xml.getAttributeValue(OFFICE, "value");
        }
        boolean formula = xml.getAttributeValue(TABLE, "formula") != null;
        List<String> paragraphs = new ArrayList<>();
        StringBuilder text = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                boolean inText = TEXT.equals(xml.getNamespaceURI());
                String name = xml.getLocalName();
                if (inText && name.equals("p")) {
                    text = new StringBuilder();
                } else if (inText && text != null && name.equals("s")) {
                    String count = xml.getAttributeValue(TEXT, "c");
                    text.append(" ".repeat(count == null ? 1 : Integer.parseInt(count)));
                } else if (inText && text != null && name.equals("tab")) {
                    text.append('\t');
                } else if (inText && text != null && name.equals("line-break")) {
                    text.append('\n');
                }
            } else if (event == XMLStreamConstants.CHARACTERS && text != null) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (TEXT.equals(xml.getNamespaceURI()) && xml.getLocalName().equals("p") && text != null) {
                    paragraphs.add(text.toString());
                    text = null;
                }
            }
        }
        return new OdsCell(type, value, String.join("\n", paragraphs), formula);
    }

    private static int repeat(XMLStreamReader xml, String attribute) {
        String value = xml.getAttributeValue(TABLE, attribute);
        return value == null ? 1 : Integer.parseInt(value);
    }
}
