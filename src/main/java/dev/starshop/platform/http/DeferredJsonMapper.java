package dev.starshop.platform.http;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonFeatures;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.JsonStreamConfig;
import io.micronaut.json.tree.JsonNode;
import org.reactivestreams.Processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link JsonMapper} that stands for another one and creates it on first use. Its
 * {@link #createSpecific} hands out such a stand-in for the specific mapper of a type instead of
 * building it: serde builds a type's serializer and deserializer there, and Micronaut asks for one per
 * route while it builds the router ({@link RouteJsonOnFirstUse}). Every other call goes to the mapper it
 * stands for, so what it writes and reads is that mapper's, byte for byte; only when the specific mapper
 * is built moves, from the router's construction to the route's first response.
 */
final class DeferredJsonMapper implements JsonMapper {

    private final Supplier<JsonMapper> creation;
    private final SpecificMapperTally tally;
    /** Two threads that use it first may both create it: the mappers they create are equivalent. */
    private volatile JsonMapper target;

    private DeferredJsonMapper(Supplier<JsonMapper> creation, SpecificMapperTally tally) {
        this.creation = creation;
        this.tally = tally;
    }

    /** Stands for {@code mapper} itself (already created); its specific mappers are deferred. */
    static DeferredJsonMapper over(JsonMapper mapper, SpecificMapperTally tally) {
        DeferredJsonMapper deferred = new DeferredJsonMapper(() -> mapper, tally);
        deferred.target = mapper;
        return deferred;
    }

    private JsonMapper target() {
        JsonMapper mapper = target;
        if (mapper == null) {
            mapper = creation.get();
            target = mapper;
        }
        return mapper;
    }

    @Override
    public JsonMapper createSpecific(Argument<?> type) {
        tally.deferred();
        return new DeferredJsonMapper(() -> {
            JsonMapper specific = target().createSpecific(type);
            tally.created();
            return specific;
        }, tally);
    }

    @Override
    public <T> T readValueFromTree(JsonNode tree, Argument<T> type) throws IOException {
        return target().readValueFromTree(tree, type);
    }

    @Override
    public <T> T readValueFromTree(JsonNode tree, Class<T> type) throws IOException {
        return target().readValueFromTree(tree, type);
    }

    @Override
    public <T> T readValue(InputStream inputStream, Argument<T> type) throws IOException {
        return target().readValue(inputStream, type);
    }

    @Override
    public <T> T readValue(InputStream inputStream, Class<T> type) throws IOException {
        return target().readValue(inputStream, type);
    }

    @Override
    public <T> T readValue(byte[] bytes, Argument<T> type) throws IOException {
        return target().readValue(bytes, type);
    }

    @Override
    public <T> T readValue(ByteBuffer<?> byteBuffer, Argument<T> type) throws IOException {
        return target().readValue(byteBuffer, type);
    }

    @Override
    public <T> T readValue(String string, Argument<T> type) throws IOException {
        return target().readValue(string, type);
    }

    @Override
    public <T> T readValue(byte[] bytes, Class<T> type) throws IOException {
        return target().readValue(bytes, type);
    }

    @Override
    public <T> T readValue(String string, Class<T> type) throws IOException {
        return target().readValue(string, type);
    }

    @Override
    public Processor<byte[], JsonNode> createReactiveParser(Consumer<Processor<byte[], JsonNode>> onSubscribe,
                                                            boolean streamArray) {
        return target().createReactiveParser(onSubscribe, streamArray);
    }

    @Override
    public JsonNode writeValueToTree(Object value) throws IOException {
        return target().writeValueToTree(value);
    }

    @Override
    public <T> JsonNode writeValueToTree(Argument<T> type, T value) throws IOException {
        return target().writeValueToTree(type, value);
    }

    @Override
    public void writeValue(OutputStream outputStream, Object object) throws IOException {
        target().writeValue(outputStream, object);
    }

    @Override
    public <T> void writeValue(OutputStream outputStream, Argument<T> type, T object) throws IOException {
        target().writeValue(outputStream, type, object);
    }

    @Override
    public byte[] writeValueAsBytes(Object object) throws IOException {
        return target().writeValueAsBytes(object);
    }

    @Override
    public <T> byte[] writeValueAsBytes(Argument<T> type, T object) throws IOException {
        return target().writeValueAsBytes(type, object);
    }

    @Override
    public String writeValueAsString(Object object) throws IOException {
        return target().writeValueAsString(object);
    }

    @Override
    public <T> String writeValueAsString(Argument<T> type, T object) throws IOException {
        return target().writeValueAsString(type, object);
    }

    @Override
    public <T> String writeValueAsString(Argument<T> type, T object, Charset charset) throws IOException {
        return target().writeValueAsString(type, object, charset);
    }

    @Override
    public void updateValueFromTree(Object value, JsonNode tree) throws IOException {
        target().updateValueFromTree(value, tree);
    }

    @Override
    public JsonMapper cloneWithFeatures(JsonFeatures features) {
        return target().cloneWithFeatures(features);
    }

    @Override
    public Optional<JsonFeatures> detectFeatures(AnnotationMetadata annotations) {
        return target().detectFeatures(annotations);
    }

    @Override
    public JsonMapper cloneWithViewClass(Class<?> viewClass) {
        return target().cloneWithViewClass(viewClass);
    }

    @Override
    public JsonStreamConfig getStreamConfig() {
        return target().getStreamConfig();
    }
}
