package org.workbench.serving;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.workbench.core.InputException;

/**
 * How the server listens and whom it answers. {@code token} is the bearer token every request but
 * {@code /ping} and {@code /health} must carry (null: none); a host other than loopback needs one,
 * or {@code insecure}. {@code stopTimeout} bounds how long a stop waits for requests in flight.
 */
public record ServeOptions(String host, int port, long maxBodyBytes, String token, boolean insecure, Duration stopTimeout) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY = 10L * 1024 * 1024;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    public ServeOptions {
        if (port < 0 || port > 65_535) {
            throw new InputException("--port " + port + ": must be between 0 (any free port) and 65535");
        }
        if (maxBodyBytes < 1) {
            throw new InputException("--max-body must be at least 1 byte");
        }
        if (token != null && token.isBlank()) {
            throw new InputException("the bearer token is empty; put the token on the first line of --token-file or in WORKBENCH_TOKEN");
        }
        if (token == null && !insecure && !isLoopback(host)) {
            throw new InputException("--host " + host + " answers other machines: give a bearer token (--token-file FILE or the"
                    + " environment variable WORKBENCH_TOKEN), or --insecure to serve without one");
        }
    }

    /** Loopback and test settings: 127.0.0.1, any free port, no token. */
    public static ServeOptions loopback(int port) {
        return new ServeOptions(DEFAULT_HOST, port, DEFAULT_MAX_BODY, null, false, DEFAULT_STOP_TIMEOUT);
    }

    public ServeOptions withToken(String newToken) {
        return new ServeOptions(host, port, maxBodyBytes, newToken, insecure, stopTimeout);
    }

    public ServeOptions withMaxBody(long bytes) {
        return new ServeOptions(host, port, bytes, token, insecure, stopTimeout);
    }

    /** Whether no other machine can reach this host: a loopback name or address (an unknown name is not). */
    public static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new InputException("--host " + host + ": unknown host name");
        }
    }

    /** "10MB", "512KB", "1000" (bytes): binary units, as a body limit is usually meant. */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new InputException("--max-body " + text + ": expected a size such as 10MB, 512KB or 1000 (bytes)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit) {
            case "KB" -> 1024L;
            case "MB" -> 1024L * 1024;
            case "GB" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        if (n > Long.MAX_VALUE / factor) {
            throw new InputException("--max-body " + text + ": too large");
        }
        return n * factor;
    }
}
