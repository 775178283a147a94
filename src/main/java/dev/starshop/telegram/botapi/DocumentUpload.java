package dev.starshop.telegram.botapi;

/** A file sent to Telegram for the first time, as the {@code document} part of a multipart sendDocument. */
public record DocumentUpload(String fileName, String contentType, byte[] content) {

    @Override
    public String toString() {
        return "DocumentUpload[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
