package io.apath.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestBodiesTest {

    @Test
    void bodyWithinTheLimitIsReadWhole() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setContent("{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(RequestBodies.read(request, 100)).asString().isEqualTo("{\"a\":1}");
    }

    @Test
    void bodyOverTheLimitIsTooLarge() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setContent(new byte[101]);

        assertThatThrownBy(() -> RequestBodies.read(request, 100))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        e -> assertThat(e.problem().getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE.value()));
    }

    @Test
    void bodyThatBreaksOffIsABadRequestNotAServerError() {
        MockHttpServletRequest request = new MockHttpServletRequest() {
            @Override
            public ServletInputStream getInputStream() {
                return new BrokenStream();
            }
        };

        assertThatThrownBy(() -> RequestBodies.read(request, 100))
                .isInstanceOfSatisfying(ApiProblem.class, e -> {
                    assertThat(e.problem().getStatus()).isEqualTo(HttpStatus.BAD_REQUEST.value());
                    assertThat(e.problem().getType()).isEqualTo(Problems.MALFORMED_BODY);
                })
                .hasMessageContaining("connection reset by client");
    }

    /** A body whose connection breaks after the first bytes. */
    private static final class BrokenStream extends ServletInputStream {
        private int read;

        @Override
        public int read() throws IOException {
            if (read++ < 3) {
                return '{';
            }
            throw new IOException("connection reset by client");
        }

        @Override
        public boolean isFinished() {
            return false;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {}
    }
}
