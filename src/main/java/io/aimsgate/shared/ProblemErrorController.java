package io.aimsgate.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) in place of Spring Boot's default JSON or HTML: whatever
 * reaches it (a {@code sendError} from a filter, a servlet outside Spring MVC) is answered problem+json, with the
 * status and nothing from the request or the exception.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer number ? HttpStatus.resolve(number) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.NOT_FOUND;
        }
        if (status == HttpStatus.BAD_REQUEST) {
            RefusedRequests.write(response, status, "invalid-request", "The request is malformed and was refused.",
                    null);
        } else {
            RefusedRequests.write(response, status, RefusedRequests.typeOf(status), RefusedRequests.detailOf(status),
                    null);
        }
    }
}
