package fr.santegraph.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses GraphQL request bodies above {@code max-request-size} with 413 before they reach the parser: a query is a
 * few kilobytes. A declared length is checked at once; a chunked body is read up to the limit and no further.
 * Runs before the {@link ConcurrencyLimitFilter}, so an oversized body never waits for a turn.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class RequestSizeLimitFilter extends GraphQlEndpointFilter {

    private final QueryLimitsProperties limits;

    public RequestSizeLimitFilter(QueryLimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maximum = limits.maxRequestSize().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > maximum) {
            refuse(response, "a request body of " + declared + " bytes", maximum);
            return;
        }
        if (declared < 0 && "POST".equals(request.getMethod())) {
            byte[] body = request.getInputStream().readNBytes((int) maximum + 1);
            if (body.length > maximum) {
                refuse(response, "a request body of more than " + maximum + " bytes", maximum);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String what, long maximum) throws IOException {
        refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, what + " exceeds the maximum of " + maximum
                + " bytes (santegraph.graphql.limits.max-request-size)");
    }

    /** A request whose body was already read, within the limit. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
