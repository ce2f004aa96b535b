package io.apath.classifier.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /v1/**} ({@code POST /v1/corrections}) before anything else looks at the request, like ingest
 * and journey do: {@code Authorization: Bearer <key>} or {@code X-Api-Key: <key>}. The key's tenant is the only tenant
 * the request may write corrections for.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String TENANT_ATTRIBUTE = "io.apath.classifier.api.tenant";
    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;

    ApiKeyFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> tenant = apiKeys.tenantOf(presentedKey(request));
        if (tenant.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"a-path-classifier\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream()
                    .write(("{\"type\":\"" + Problems.UNAUTHORIZED + "\",\"title\":\"Unauthorized\",\"status\":401,"
                                    + "\"detail\":\"a valid API key is required (Authorization: Bearer <key>)\"}")
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        request.setAttribute(TENANT_ATTRIBUTE, tenant.get());
        chain.doFilter(request, response);
    }

    static String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return request.getHeader("X-Api-Key");
    }
}
