package dev.starshop.sandbox;

/** A file part of a multipart Bot API call, as a parameter value (e.g. sendDocument's {@code document}). */
record UploadedFile(String fileName, String contentType, byte[] content) {

    @Override
    public String toString() {
        return "UploadedFile[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
