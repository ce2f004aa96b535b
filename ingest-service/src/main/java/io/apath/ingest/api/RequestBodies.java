package io.apath.ingest.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/** Reads a raw body with a hard byte limit, so an oversized upload is refused without being held in memory. */
final class RequestBodies {

    private RequestBodies() {}

    static byte[] read(HttpServletRequest request, long maxBytes) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw ApiProblem.tooLarge("the body is " + declared + " bytes, the limit is " + maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw ApiProblem.tooLarge("the body is larger than the limit of " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            // The request's fault or the connection's, not the service's: a 400, and nothing of it was accepted.
            throw ApiProblem.unreadableBody("cannot read the request body: " + e.getMessage());
        }
    }

    /** JSON is UTF-8 (RFC 8259); a body declared in another charset is refused rather than misread. */
    static void requireUtf8(MediaType contentType) {
        Charset charset;
        try {
            charset = contentType == null ? null : contentType.getCharset();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.unsupportedMediaType("unknown charset");
        }
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            throw ApiProblem.unsupportedMediaType("only UTF-8 is accepted, not " + charset);
        }
    }
}
