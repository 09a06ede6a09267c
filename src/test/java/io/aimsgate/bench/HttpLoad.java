package io.aimsgate.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;

/**
 * N keep-alive HTTP/1.1 connections on loopback, all driven by one thread with a selector, as load generators such as
 * wrk and h2load drive theirs: each connection sends its request again as soon as the whole answer to the last one has
 * been read, and the time from sending to reading the answer's last byte is its latency.
 *
 * <p>One thread, not one a connection: the driver shares the cores with the server it measures, and with a blocking
 * thread per connection an answer that had arrived waited, before its time was taken, until the kernel ran that
 * connection's thread among the other 60-odd runnable client threads and the server's own; at 64 connections on 2
 * cores that wait was most of the probe's p99 (docs/benchmarks.md, "Pipeline check: the driver on one thread").
 */
final class HttpLoad {

    /** A server that answers none of the connections for this long has stopped: the load fails instead of waiting. */
    private static final long STALL_NANOS = 60_000_000_000L;

    private HttpLoad() {
    }

    /** What one load measured: latencies of every answer read, and how many had the expected status. */
    record Outcome(Latencies latencies, long ok, long other, String firstOther) {

        long requests() {
            return ok + other;
        }
    }

    /**
     * Drives {@code connections} connections to {@code 127.0.0.1:port} until {@code endNanos} ({@link System#nanoTime()}),
     * then reads the answers still outstanding and closes them. A connection the server asks to close
     * ({@code Connection: close}) is replaced by a new one.
     */
    static Outcome run(int port, byte[] request, int expected, int connections, long endNanos) throws IOException {
        Latencies latencies = new Latencies();
        long ok = 0;
        long other = 0;
        String firstOther = "";
        try (Selector selector = Selector.open()) {
            for (int c = 0; c < connections; c++) {
                Exchange.open(selector, port).send(request);
            }
            int live = connections;
            long lastAnswer = System.nanoTime();
            while (live > 0) {
                if (selector.select(1000) == 0 && System.nanoTime() - lastAnswer > STALL_NANOS) {
                    throw new IOException("no answer on any of " + live + " connections for "
                            + STALL_NANOS / 1_000_000_000L + " s");
                }
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    Exchange exchange = (Exchange) key.attachment();
                    Answer answer = exchange.read();
                    if (answer == null) {
                        continue;
                    }
                    long now = System.nanoTime();
                    lastAnswer = now;
                    latencies.add(now - exchange.sentAt);
                    if (answer.status() == expected) {
                        ok++;
                    } else {
                        other++;
                        if (firstOther.isEmpty()) {
                            firstOther = Integer.toString(answer.status());
                        }
                    }
                    if (now >= endNanos) {
                        exchange.close();
                        live--;
                    } else if (answer.closeRequested()) {
                        exchange.close();
                        Exchange.open(selector, port).send(request);
                    } else {
                        exchange.send(request);
                    }
                }
            }
        }
        return new Outcome(latencies, ok, other, firstOther);
    }

    /** One connection: its channel, the bytes of the answer read so far, and when its request was sent. */
    private static final class Exchange {

        private final SocketChannel channel;
        private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        long sentAt;

        private Exchange(SocketChannel channel) {
            this.channel = channel;
        }

        static Exchange open(Selector selector, int port) throws IOException {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            Exchange exchange = new Exchange(channel);
            channel.register(selector, SelectionKey.OP_READ, exchange);
            return exchange;
        }

        void send(byte[] request) throws IOException {
            sentAt = System.nanoTime();
            ByteBuffer out = ByteBuffer.wrap(request);
            // A request of a few hundred bytes on a connection with nothing else in flight fits its send buffer.
            channel.write(out);
            if (out.hasRemaining()) {
                throw new IOException("request not sent whole: " + out.remaining() + " bytes left");
            }
        }

        /** The answer, once it has been read whole; null while it has not. */
        Answer read() throws IOException {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            if (channel.read(in) < 0) {
                throw new IOException("connection closed by the server with " + in.position()
                        + " bytes of an answer read");
            }
            Answer answer = Answer.parse(in.array(), in.position());
            if (answer != null) {
                if (answer.length() != in.position()) {
                    throw new IOException("more bytes than the one answer to the one request sent");
                }
                in.clear();
            }
            return answer;
        }

        void close() throws IOException {
            channel.close();
        }
    }

    /** A whole answer at the start of a buffer: its length in bytes, its status, and whether it closes. */
    record Answer(int length, int status, boolean closeRequested) {

        /** The answer in {@code bytes[0, size)}, or null while it is not complete (by Content-Length or chunks). */
        static Answer parse(byte[] bytes, int size) {
            int headEnd = indexOf(bytes, 0, size, "\r\n\r\n");
            if (headEnd < 0) {
                return null;
            }
            String head = new String(bytes, 0, headEnd, StandardCharsets.US_ASCII);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            long contentLength = -1;
            boolean chunked = false;
            boolean close = false;
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].toLowerCase(Locale.ROOT);
                if (line.startsWith("content-length:")) {
                    contentLength = Long.parseLong(line.substring(15).strip());
                } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
                    chunked = true;
                } else if (line.startsWith("connection:") && line.contains("close")) {
                    close = true;
                }
            }
            int bodyStart = headEnd + 4;
            if (!chunked) {
                long end = bodyStart + Math.max(0, contentLength);
                return end <= size ? new Answer((int) end, status, close) : null;
            }
            int at = bodyStart;
            while (true) {
                int lineEnd = indexOf(bytes, at, size, "\r\n");
                if (lineEnd < 0) {
                    return null;
                }
                String sizeLine = new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII);
                int chunk = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
                if (chunk == 0) {
                    // No trailers from this server: the last chunk's line is followed by the closing CRLF.
                    int end = lineEnd + 4;
                    return end <= size ? new Answer(end, status, close) : null;
                }
                at = lineEnd + 2 + chunk + 2;
                if (at > size) {
                    return null;
                }
            }
        }

        private static int indexOf(byte[] bytes, int from, int size, String what) {
            outer:
            for (int i = from; i <= size - what.length(); i++) {
                for (int j = 0; j < what.length(); j++) {
                    if (bytes[i + j] != what.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
