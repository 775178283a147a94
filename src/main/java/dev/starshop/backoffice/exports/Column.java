package dev.starshop.backoffice.exports;

/** One column of an export: its header and its type. */
record Column(String header, Cell type) {

    static Column text(String header) {
        return new Column(header, Cell.TEXT);
    }

    static Column integer(String header) {
        return new Column(header, Cell.INTEGER);
    }

    static Column decimal(String header) {
        return new Column(header, Cell.DECIMAL);
    }

    static Column timestamp(String header) {
        return new Column(header, Cell.TIMESTAMP);
    }
}
