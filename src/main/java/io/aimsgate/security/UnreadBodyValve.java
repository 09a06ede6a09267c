package io.aimsgate.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.net.ApplicationBufferHandler;

/**
 * A refused request's body is never read. By default Tomcat, after an error answer (a 401 to an anonymous client, a
 * 403, a 400 from a filter), reads and discards the rest of the announced body so the connection can be reused: a
 * thread then waits on a client that announced 100 kB and sends one byte, and a few hundred such clients held every
 * request thread for up to a minute. Here an error answer to a request whose body was not read to its end closes the
 * connection instead (as Tomcat itself does for a refused Expect: 100-continue), after discarding only what the
 * client has already sent; the answer itself says "Connection: close" (server.tomcat.max-swallow-size: 0).
 */
class UnreadBodyValve extends ValveBase {

    private static final Duration GRACE = Duration.ofMillis(100);
    private static final long MAX_DRAIN_BYTES = 1 << 20;

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (response.getStatus() >= 400 && hasUnreadBody(request.getCoyoteRequest())
                    && !drainedWithoutWaiting(request)) {
                // Tomcat: no swallowing of the remaining body, and the connection closes after this answer.
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
        }
    }

    /**
     * Reads and discards what a prompt client has already sent of the rest of its body: without it, closing the
     * connection over unread data makes the client's kernel reset it, and a client still sending its (small) body
     * could lose the answer. Reads never block: only what the socket already holds, for at most 100 ms and 1 MiB;
     * a client that has not sent the rest by then is not waited for.
     */
    static boolean drainedWithoutWaiting(Request request) {
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        long length = coyote.getContentLengthLong();
        if (length < 0) {
            return false;
        }
        // Below the servlet streams (which may be closed by now): Tomcat's own buffer, counted in getBytesRead().
        Discard discard = new Discard();
        long deadline = System.nanoTime() + GRACE.toNanos();
        long drained = 0;
        try {
            while (coyote.getBytesRead() < length) {
                coyote.action(ActionCode.AVAILABLE, Boolean.TRUE);
                if (coyote.getAvailable() <= 0) {
                    if (System.nanoTime() > deadline) {
                        return false;
                    }
                    Thread.sleep(5);
                    continue;
                }
                int read = coyote.doRead(discard);
                if (read < 0) {
                    return true;
                }
                drained += read;
                if (drained > MAX_DRAIN_BYTES) {
                    return false;
                }
            }
            return true;
        } catch (IOException gone) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean hasUnreadBody(org.apache.coyote.Request request) {
        long length = request.getContentLengthLong();
        if (length >= 0) {
            return request.getBytesRead() < length;
        }
        // No length: a chunked body (or none). Its end is unknown without reading it, so count it as unread.
        return request.getMimeHeaders().getHeader("transfer-encoding") != null;
    }

    /** Receives Tomcat's buffered bytes and drops them. */
    private static final class Discard implements ApplicationBufferHandler {

        private ByteBuffer buffer = ByteBuffer.allocate(0);

        @Override
        public void setByteBuffer(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public ByteBuffer getByteBuffer() {
            return buffer;
        }

        @Override
        public void expand(int size) {
            // nothing is kept
        }
    }
}
