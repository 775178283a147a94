package dev.starshop.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts every body to the webhook over {@code connections} keep-alive HTTP/1.1 connections, each
 * one posting, waiting for the answer and posting the next (a closed loop, like Telegram's
 * per-connection delivery). Any answer but 200 fails the run: a benchmark that loses updates
 * proves nothing.
 *
 * <p>The client is Netty on one event-loop thread, with every request's bytes built before the
 * clock starts: it shares the machine with the engine, so it should cost as little as pgbench's
 * C client does on the other side of the comparison.
 */
final class ClosedLoop {

    /** What a run measured: per-request latency and the wall time of the whole run. */
    record Result(Latencies latencies, long elapsedNanos, int requests) {
        double perSecond() {
            return requests / (elapsedNanos / 1e9);
        }
    }

    private ClosedLoop() {
    }

    static Result post(URI webhook, String secret, List<String> bodies, int connections) throws InterruptedException {
        List<byte[]> payloads = bodies.stream().map(body -> body.getBytes(StandardCharsets.UTF_8)).toList();
        Run run = new Run(webhook, secret, payloads, connections);
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Bootstrap bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                                    new Connection(run));
                        }
                    });
            List<Channel> channels = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                channels.add(bootstrap.connect(webhook.getHost(), webhook.getPort()).sync().channel());
            }
            run.start();
            channels.forEach(channel -> channel.pipeline().get(Connection.class).postNext(channel));
            if (!run.finished.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The closed loop did not finish within 10 minutes");
            }
            long elapsed = System.nanoTime() - run.startNanos;
            channels.forEach(Channel::close);
            if (run.failure.get() != null) {
                throw new IllegalStateException("The webhook refused an update: " + run.failure.get());
            }
            return new Result(run.latencies, elapsed, bodies.size());
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    /** The shared state of one run: the next body to post, the latencies, the first failure. */
    private static final class Run {
        final URI webhook;
        final String secret;
        final List<byte[]> payloads;
        final Latencies latencies = new Latencies();
        final AtomicInteger next = new AtomicInteger();
        final AtomicReference<String> failure = new AtomicReference<>();
        final CountDownLatch finished;
        long startNanos;

        Run(URI webhook, String secret, List<byte[]> payloads, int connections) {
            this.webhook = webhook;
            this.secret = secret;
            this.payloads = payloads;
            this.finished = new CountDownLatch(connections);
        }

        void start() {
            startNanos = System.nanoTime();
        }

        FullHttpRequest request(byte[] body) {
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                    webhook.getRawPath(), Unpooled.wrappedBuffer(body));
            request.headers()
                    .set(HttpHeaderNames.HOST, webhook.getHost() + ":" + webhook.getPort())
                    .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set("X-Telegram-Bot-Api-Secret-Token", secret);
            return request;
        }
    }

    /** One keep-alive connection: each answer is timed and checked, then the next body goes out. */
    private static final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final Run run;
        private long sentNanos;
        private boolean done;

        Connection(Run run) {
            this.run = run;
        }

        /** Posts the next body on this connection, or, with none left or after a failure, stops. */
        void postNext(Channel channel) {
            int i = run.next.getAndIncrement();
            if (run.failure.get() != null || i >= run.payloads.size()) {
                stop();
                return;
            }
            sentNanos = System.nanoTime();
            channel.writeAndFlush(run.request(run.payloads.get(i)));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
            run.latencies.record(System.nanoTime() - sentNanos);
            if (response.status().code() != 200) {
                run.failure.compareAndSet(null, "HTTP " + response.status().code() + ": "
                        + response.content().toString(StandardCharsets.UTF_8));
            }
            postNext(context.channel());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            run.failure.compareAndSet(null, cause.toString());
            context.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            if (!done) {
                run.failure.compareAndSet(null, "the engine closed a connection");
                stop();
            }
        }

        private void stop() {
            if (!done) {
                done = true;
                run.finished.countDown();
            }
        }
    }
}
