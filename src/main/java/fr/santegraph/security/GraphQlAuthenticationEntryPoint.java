package fr.santegraph.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A bad or expired credential is answered 401 with a GraphQL-shaped error (classification UNAUTHORIZED), so GraphQL
 * clients show the reason instead of failing to parse the body. Absent credentials are not an error: reading is public.
 */
public class GraphQlAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        writeUnauthorized(response, "invalid bearer token: " + failure.getMessage());
    }

    static void writeUnauthorized(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"errors\":[{\"message\":\"" + escaped
                + "\",\"extensions\":{\"classification\":\"UNAUTHORIZED\"}}]}");
    }
}
