package dev.hotkeylab.dashboard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Whether a request's {@code Host} header names the address the dashboard listens on, so that a DNS-rebinding page
 * (its own name resolved to 127.0.0.1) cannot use it. On a loopback address the loopback names ({@code localhost},
 * {@code 127.0.0.1}, {@code [::1]}) are accepted; on a wildcard address ({@code 0.0.0.0}, {@code ::}), which the user
 * chose to expose the page, any host is.
 */
final class HostCheck {

    private HostCheck() {
    }

    static boolean allowed(String listenHost, int port, String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String header = hostHeader.strip().toLowerCase(Locale.ROOT);
        String name;
        int headerPort;
        if (header.startsWith("[")) {
            int close = header.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = header.substring(1, close);
            String rest = header.substring(close + 1);
            headerPort = rest.isEmpty() ? 80 : rest.startsWith(":") ? parsePort(rest.substring(1)) : -1;
        } else {
            int colon = header.lastIndexOf(':');
            name = colon < 0 ? header : header.substring(0, colon);
            headerPort = colon < 0 ? 80 : parsePort(header.substring(colon + 1));
        }
        if (headerPort != port) {
            return false;
        }
        InetAddress listen;
        try {
            listen = InetAddress.getByName(listenHost);
        } catch (UnknownHostException e) {
            return name.equals(listenHost.toLowerCase(Locale.ROOT));
        }
        if (listen.isAnyLocalAddress()) {
            return true;
        }
        String listenName = listenHost.toLowerCase(Locale.ROOT);
        if (listenName.startsWith("[") && listenName.endsWith("]")) {
            listenName = listenName.substring(1, listenName.length() - 1);
        }
        if (name.equals(listenName) || name.equals(listen.getHostAddress().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return listen.isLoopbackAddress() && (name.equals("localhost") || name.equals("127.0.0.1") || name.equals("::1"));
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
