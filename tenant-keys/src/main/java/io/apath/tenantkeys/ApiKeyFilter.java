package io.apath.tenantkeys;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the paths it is registered for before anything else looks at the request: {@code Authorization:
 * Bearer <key>} or {@code X-Api-Key: <key>}. The key's tenant goes into a request attribute and is the only tenant
 * the request may act for; without a valid key the answer is 401 with an RFC 9457 problem and a
 * {@code WWW-Authenticate} challenge for the service's realm.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final TenantKeys keys;
    private final String challenge;
    private final byte[] unauthorizedBody;
    private final String tenantAttribute;

    /**
     * @param realm the {@code WWW-Authenticate} realm, e.g. {@code a-path-ingest}
     * @param problemType the problem's {@code type}, or null to leave it out (which means {@code about:blank})
     * @param tenantAttribute the request attribute the controllers read the key's tenant from
     */
    public ApiKeyFilter(TenantKeys keys, String realm, URI problemType, String tenantAttribute) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.challenge = "Bearer realm=\"" + Objects.requireNonNull(realm, "realm") + "\"";
        this.unauthorizedBody = ((problemType == null ? "{" : "{\"type\":\"" + problemType + "\",")
                        + "\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"a valid API key is required (Authorization: Bearer <key>)\"}")
                .getBytes(StandardCharsets.UTF_8);
        this.tenantAttribute = Objects.requireNonNull(tenantAttribute, "tenantAttribute");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> tenant = keys.tenantOf(presentedKey(request));
        if (tenant.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(unauthorizedBody);
            return;
        }
        request.setAttribute(tenantAttribute, tenant.get());
        chain.doFilter(request, response);
    }

    /** The key the request presents ({@code Authorization: Bearer} first, else {@code X-Api-Key}), or null. */
    public static String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return request.getHeader("X-Api-Key");
    }
}
