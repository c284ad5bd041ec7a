package cn.gov.planwatch.platform.problem;

import cn.gov.planwatch.contracts.access.RequestBodyLimits;
import cn.gov.planwatch.planrules.BilingualText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Refuses request bodies over the limit ({@link RequestBodyLimits}: the general one, or an endpoint's larger one)
 * with 413 — declared by Content-Length, or counted as a chunked
 * body streams in. The gateway enforces the same limit; a service enforces it again for requests that
 * reach it directly.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;

    public RequestBodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = RequestBodyLimits.maxBytes(request.getMethod(), request.getRequestURI(), maxBytes);
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(new CountingRequest(request, limit), response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long maxBytes)
            throws IOException {
        ProblemException.Texts texts = asProblem(new BodyTooLargeException(maxBytes))
                .inLanguageOf(ProblemLanguage.of(request));
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, texts.language().toLanguageTag());
        response.getWriter().write("{\"type\":\"" + Problems.TYPE_PREFIX + "body-too-large\",\"title\":\""
                + asciiJson(texts.title()) + "\",\"status\":413,\"detail\":\"" + asciiJson(texts.detail()) + "\"}");
    }

    /** Our own texts hold no quote or backslash; anything beyond ASCII is escaped, whatever the writer's charset. */
    private static String asciiJson(String text) {
        StringBuilder json = new StringBuilder(text.length());
        text.chars().forEach(c -> json.append(c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return json.toString();
    }

    /** Thrown mid-read when a body without Content-Length grows past the limit. */
    public static class BodyTooLargeException extends IOException {
        private final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("The request body exceeds " + maxBytes + " bytes; nothing was recorded.");
            this.maxBytes = maxBytes;
        }
    }

    static ProblemException asProblem(BodyTooLargeException e) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, Problems.TYPE_PREFIX + "body-too-large",
                BilingualText.of("Body too large", "请求体过大"), BilingualText.of(e.getMessage(),
                        "请求体超过 " + e.maxBytes + " 字节，本次未记录任何内容。"), List.of(), null);
    }

    private static final class CountingRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream counted;

        CountingRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingInputStream(super.getInputStream(), maxBytes);
            }
            return counted;
        }
    }

    private static final class CountingInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long count;

        CountingInputStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                tally(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                tally(n);
            }
            return n;
        }

        private void tally(int n) throws BodyTooLargeException {
            count += n;
            if (count > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
