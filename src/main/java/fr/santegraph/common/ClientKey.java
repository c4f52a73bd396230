package fr.santegraph.common;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.lang.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who a request counts against, for limits per client: the authenticated account, else the address it came from —
 * an IPv6 address by its /64, since one host is given a whole /64 and can pick a new address in it for every request.
 * Behind a reverse proxy the address is the proxy's unless {@code server.forward-headers-strategy} is set.
 */
public final class ClientKey {

    private ClientKey() {
    }

    public static String of(@Nullable HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !"anonymousUser".equals(authentication.getName())) {
            return "principal:" + authentication.getName();
        }
        return request == null ? "unknown" : "address:" + address(request.getRemoteAddr());
    }

    /** An IPv4 address as it is; an IPv6 address as its /64 prefix. */
    public static String address(String remote) {
        if (remote == null || remote.indexOf(':') < 0) {
            return remote;
        }
        try {
            // A literal address: parsed, never resolved.
            InetAddress parsed = InetAddress.getByName(remote.startsWith("[") ? remote.substring(1, remote.length() - 1) : remote);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress(); // an IPv4-mapped address
            }
            byte[] bytes = parsed.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return remote;
        }
    }
}
