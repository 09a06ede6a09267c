package io.aimsgate.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * A refused request's body is never read. By default Tomcat, after an error answer (a 401 to an anonymous client, a
 * 403, a 400 from a filter), reads and discards the rest of the announced body so the connection can be reused: a
 * thread then waits on a client that announced 100 kB and sends one byte, and a few hundred such clients held every
 * request thread for up to a minute. Here an error answer to a request whose body was not read to its end closes the
 * connection instead (as Tomcat itself does for a refused Expect: 100-continue); the client has its answer.
 */
class UnreadBodyValve extends ValveBase {

    UnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            if (response.getStatus() >= 400 && hasUnreadBody(request.getCoyoteRequest())) {
                // Tomcat: no swallowing of the remaining body, and the connection closes after this answer.
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
            }
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
}
