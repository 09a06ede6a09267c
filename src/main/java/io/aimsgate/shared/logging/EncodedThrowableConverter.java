package io.aimsgate.shared.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * {@code %wEx} (Spring Boot's stack trace, one frame per line) with every exception message encoded: a message that
 * quotes user input cannot add lines of its own between the frames.
 */
public class EncodedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return super.throwableProxyToString(EncodedThrowable.of(throwable));
    }

    private record EncodedThrowable(IThrowableProxy original) implements IThrowableProxy {

        static IThrowableProxy of(IThrowableProxy throwable) {
            return throwable == null ? null : new EncodedThrowable(throwable);
        }

        @Override
        public String getMessage() {
            return LogText.encode(original.getMessage());
        }

        @Override
        public String getClassName() {
            return original.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return original.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return original.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            // A cyclic cause chain is cut by logback itself (isCyclic), as for the original.
            return of(original.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = original.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] encoded = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                encoded[i] = of(suppressed[i]);
            }
            return encoded;
        }

        @Override
        public boolean isCyclic() {
            return original.isCyclic();
        }
    }
}
