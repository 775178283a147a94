package dev.starshop.sandbox;

import io.micronaut.http.MediaType;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The parts of a multipart Bot API call as parameters: text parts as strings, file parts as
 * {@link UploadedFile}. Blocks the (blocking-executor) caller until every part has arrived.
 */
final class MultipartParts {

    private static final long TIMEOUT_SECONDS = 120;

    private MultipartParts() {
    }

    static Map<String, Object> read(MultipartBody body) {
        CompletableFuture<Map<String, Object>> done = new CompletableFuture<>();
        Map<String, Object> parts = new LinkedHashMap<>();
        body.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(CompletedPart part) {
                try {
                    parts.put(part.getName(), value(part));
                } catch (IOException e) {
                    done.completeExceptionally(e);
                }
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(parts);
            }
        });
        try {
            return done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BotApiError.badRequest("the upload was interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw BotApiError.badRequest("can't parse the multipart body");
        }
    }

    private static Object value(CompletedPart part) throws IOException {
        if (part instanceof CompletedFileUpload file) {
            String type = file.getContentType().map(MediaType::toString).orElse("application/octet-stream");
            return new UploadedFile(file.getFilename(), type, file.getBytes());
        }
        return new String(part.getBytes(), StandardCharsets.UTF_8);
    }
}
