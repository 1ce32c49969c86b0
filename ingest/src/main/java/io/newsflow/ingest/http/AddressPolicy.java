package io.newsflow.ingest.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which URLs the HTTP ingest may request: http(s) only, and, unless told otherwise, only hosts whose every address
 * is public, so that a feed cannot make the crawler read loopback, link-local (cloud metadata), private,
 * carrier-grade NAT, unique-local, multicast or otherwise reserved addresses and publish the answers.
 *
 * <p>A pure decision on addresses; names are resolved by the {@link Resolver} the caller passes. The JDK
 * HTTP client resolves the name again when it connects, so DNS rebinding between this check and the connection
 * is not excluded (see ingest/README.md).
 *
 * @param allowPrivate no address check at all (schemes are still checked)
 * @param allowed      ranges let through whatever kind of address they hold
 */
public record AddressPolicy(boolean allowPrivate, List<Cidr> allowed) {

    /** Turns a host name (or literal) into the addresses a connection may go to. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;

        /** The system's resolver, the one the JDK HTTP client uses. */
        static Resolver system() {
            return InetAddress::getAllByName;
        }
    }

    public AddressPolicy {
        allowed = List.copyOf(allowed);
    }

    /** Public addresses only: the default. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(false, List.of());
    }

    /** Any address: for feeds served on the local machine or network. */
    public static AddressPolicy anyAddress() {
        return new AddressPolicy(true, List.of());
    }

    /** Public addresses and the given ranges. */
    public static AddressPolicy allowing(List<Cidr> ranges) {
        return new AddressPolicy(false, ranges);
    }

    /**
     * Why {@code uri} must not be requested, or empty when it may be: its scheme, then every address its host
     * stands for (an unusual numeric spelling is also read the way other software reads it, 0177.0.0.1 as
     * 127.0.0.1, and both readings must pass).
     *
     * @throws UnknownHostException when the host does not resolve
     */
    public Optional<String> refusal(URI uri, Resolver resolver) throws UnknownHostException {
        Optional<String> scheme = schemeRefusal(uri);
        if (scheme.isPresent() || allowPrivate) {
            return scheme;
        }
        String host = uri.getHost();
        if (host == null) {
            return Optional.of(uri + " has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        Optional<InetAddress> numeric = LegacyIpv4.parse(bare);
        if (numeric.isPresent()) {
            Optional<String> refused = refusal(numeric.get());
            if (refused.isPresent()) {
                return Optional.of(host + " (an unusual spelling of " + numeric.get().getHostAddress() + ") "
                        + refused.get().substring(refused.get().indexOf(" is ") + 1));
            }
        }
        boolean literal = bare.contains(":") || isDottedQuad(bare);
        Set<InetAddress> addresses = new LinkedHashSet<>(List.of(resolver.resolve(host)));
        for (InetAddress address : addresses) {
            Optional<String> refused = refusal(address);
            if (refused.isPresent()) {
                String what = refused.get().replaceFirst(" is ", ", ");
                if (!literal) {
                    return Optional.of(host + " resolves to " + what);
                }
                return Optional.of(address.getHostAddress().equals(bare) ? refused.get() : host + " is " + what);
            }
        }
        return Optional.empty();
    }

    /** Why a URL of this scheme is never requested (file:, ftp:, gopher:, jar:, ...), or empty for http(s). */
    public static Optional<String> schemeRefusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            return Optional.empty();
        }
        return Optional.of(uri + ": " + (scheme.isEmpty() ? "no scheme" : scheme + ": URLs are not fetched")
                + " (http and https only)");
    }

    /** Why a connection to this address is refused ({@code 127.0.0.1 is a loopback address}), or empty. */
    public Optional<String> refusal(InetAddress address) {
        if (allowPrivate || allowed.stream().anyMatch(range -> range.contains(address))) {
            return Optional.empty();
        }
        return kindOf(address).map(kind -> address.getHostAddress() + " is " + kind);
    }

    /** The kind of a non-public address ("a loopback address"), or empty for a public one. */
    static Optional<String> kindOf(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? kindOf4(b) : kindOf6((Inet6Address) address, b);
    }

    private static Optional<String> kindOf4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        String kind = null;
        if (bits(b) == 0) {
            kind = "the unspecified address";
        } else if (bits(b) == 0xffffffffL) {
            kind = "the broadcast address";
        } else if (a0 == 0) {
            kind = "a reserved address (this network, 0.0.0.0/8)";
        } else if (a0 == 127) {
            kind = "a loopback address";
        } else if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
            kind = "a private address";
        } else if (a0 == 169 && a1 == 254) {
            kind = "a link-local address";
        } else if (a0 == 100 && (a1 & 0xc0) == 64) {
            kind = "a carrier-grade NAT address";
        } else if (a0 >= 224 && a0 <= 239) {
            kind = "a multicast address";
        } else if (a0 >= 240) {
            kind = "a reserved address (240.0.0.0/4)";
        } else if (a0 == 192 && a1 == 0 && a2 == 0) {
            kind = "a reserved address (IETF protocol assignments, 192.0.0.0/24)";
        } else if (a0 == 192 && a1 == 0 && a2 == 2 || a0 == 198 && a1 == 51 && a2 == 100
                || a0 == 203 && a1 == 0 && a2 == 113) {
            kind = "a reserved address (documentation)";
        } else if (a0 == 198 && (a1 & 0xfe) == 18) {
            kind = "a reserved address (benchmarking, 198.18.0.0/15)";
        } else if (a0 == 192 && a1 == 88 && a2 == 99) {
            kind = "a reserved address (6to4 relay anycast, 192.88.99.0/24)";
        }
        return Optional.ofNullable(kind);
    }

    private static Optional<String> kindOf6(Inet6Address address, byte[] b) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        int w0 = (b[0] & 0xff) << 8 | b[1] & 0xff;
        if ((w0 & 0xffc0) == 0xfe80) {
            return Optional.of("a link-local address");
        }
        if ((w0 & 0xfe00) == 0xfc00) {
            return Optional.of("a unique-local address");
        }
        if ((w0 & 0xff00) == 0xff00) {
            return Optional.of("a multicast address");
        }
        // Forms that carry an IPv4 address go where it goes: IPv4-mapped (the JDK already turns those into
        // IPv4 addresses), IPv4-compatible, 6to4 and NAT64.
        if (prefixIsZero(b, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12, "an IPv4-mapped address");
        }
        if (prefixIsZero(b, 12)) {
            return embedded(b, 12, "an IPv4-compatible address")
                    .or(() -> Optional.of("a reserved address (IPv4-compatible, deprecated)"));
        }
        if (w0 == 0x0064 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && prefixIsZero(b, 12, 4)) {
            return embedded(b, 12, "a NAT64 address");
        }
        if (w0 == 0x2002) {
            return embedded(b, 2, "a 6to4 address");
        }
        if ((w0 & 0xe000) != 0x2000) {
            return Optional.of("a reserved address (outside global unicast 2000::/3)");
        }
        if (w0 == 0x2001 && (b[2] & 0xfe) == 0) {
            return Optional.of("a reserved address (IETF protocol assignments, 2001::/23)");
        }
        if (w0 == 0x2001 && b[2] == 0x0d && b[3] == (byte) 0xb8 || w0 == 0x3fff && (b[2] & 0xf0) == 0) {
            return Optional.of("a reserved address (documentation)");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(byte[] b, int from, String form) {
        byte[] v4 = {b[from], b[from + 1], b[from + 2], b[from + 3]};
        String dotted = (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
        return kindOf4(v4).map(kind -> form + " of " + dotted + ", " + kind);
    }

    private static boolean prefixIsZero(byte[] b, int length) {
        return prefixIsZero(b, length, 0);
    }

    private static boolean prefixIsZero(byte[] b, int end, int start) {
        for (int i = start; i < end; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static long bits(byte[] b) {
        return (b[0] & 0xffL) << 24 | (b[1] & 0xffL) << 16 | (b[2] & 0xffL) << 8 | b[3] & 0xffL;
    }

    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
            + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    static boolean isDottedQuad(String text) {
        return DOTTED_QUAD.matcher(text).matches();
    }

    /**
     * IPv4 as inet_aton reads it, which is how browsers, curl and many proxies read a numeric host: one to four
     * parts, each decimal, octal (leading 0) or hex (0x), the last filling the remaining bytes
     * ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 127.1}). Java reads some of these
     * differently (0177.0.0.1 as 177.0.0.1), so both readings are checked.
     */
    static final class LegacyIpv4 {
        private static final Pattern NUMERIC = Pattern.compile("(?i)(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+)){0,3}\\.?");

        private LegacyIpv4() {
        }

        static Optional<InetAddress> parse(String host) {
            if (!NUMERIC.matcher(host).matches() || isDottedQuad(host)) {
                return Optional.empty();
            }
            String[] parts = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).split("\\.");
            long[] values = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].toLowerCase(Locale.ROOT);
                try {
                    if (part.startsWith("0x")) {
                        values[i] = part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
                    } else if (part.length() > 1 && part.startsWith("0")) {
                        values[i] = Long.parseLong(part.substring(1), 8);
                    } else {
                        values[i] = Long.parseLong(part);
                    }
                } catch (NumberFormatException e) {
                    return Optional.empty(); // 09 is no octal number, or a part too long: not an address
                }
            }
            long address = 0;
            for (int i = 0; i < values.length - 1; i++) {
                if (values[i] > 255) {
                    return Optional.empty();
                }
                address |= values[i] << 8 * (3 - i);
            }
            long last = values[values.length - 1];
            if (last >= 1L << 8 * (5 - values.length)) {
                return Optional.empty();
            }
            address |= last;
            byte[] bytes = {(byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address};
            try {
                return Optional.of(InetAddress.getByAddress(bytes));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("four bytes are an IPv4 address", e);
            }
        }
    }

    /**
     * An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}, parsed strictly: a dotted quad or an
     * IPv6 literal, a prefix length, and no bits set past the prefix.
     */
    public record Cidr(InetAddress network, int prefix) {

        private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");
        private static final Pattern PREFIX = Pattern.compile("0|[1-9]\\d{0,2}");

        /** @throws IllegalArgumentException with what is wrong, for the usage error */
        public static Cidr parse(String text) {
            String value = text.strip();
            int slash = value.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("'" + text + "' is not a CIDR range: expected ADDRESS/PREFIX, "
                        + "e.g. 10.0.0.0/8, 127.0.0.1/32 or fd00::/8");
            }
            String address = value.substring(0, slash);
            String prefixText = value.substring(slash + 1);
            InetAddress network;
            if (isDottedQuad(address)) {
                network = literal(address, text);
            } else if (address.contains(":") && IPV6.matcher(address).matches()) {
                network = literal(address, text);
                if (network instanceof Inet4Address) {
                    throw new IllegalArgumentException("'" + text + "': write IPv4 ranges as IPv4, e.g. "
                            + network.getHostAddress() + "/" + Math.max(0, parsePrefix(prefixText, 128, text) - 96));
                }
            } else {
                throw new IllegalArgumentException("'" + text + "': '" + address + "' is not an IPv4 address in "
                        + "dotted decimal (a.b.c.d) or an IPv6 address");
            }
            int bitsTotal = network.getAddress().length * 8;
            int prefix = parsePrefix(prefixText, bitsTotal, text);
            Cidr cidr = new Cidr(network, prefix);
            if (!cidr.hostBitsClear()) {
                throw new IllegalArgumentException("'" + text + "' has bits set past its /" + prefix
                        + " prefix; the range is " + cidr.masked().getHostAddress() + "/" + prefix);
            }
            return cidr;
        }

        /** Parses each; the first bad one fails. */
        public static List<Cidr> parseAll(List<String> texts) {
            List<Cidr> ranges = new ArrayList<>();
            texts.forEach(text -> ranges.add(parse(text)));
            return ranges;
        }

        private static int parsePrefix(String text, int max, String whole) {
            Matcher m = PREFIX.matcher(text);
            if (!m.matches() || Integer.parseInt(text) > max) {
                throw new IllegalArgumentException("'" + whole + "': the prefix length must be a number from 0 to "
                        + max + ", got '" + text + "'");
            }
            return Integer.parseInt(text);
        }

        private static InetAddress literal(String address, String whole) {
            try {
                // A dotted quad or a text with a colon is parsed as a literal: no DNS is asked.
                return InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + whole + "': '" + address + "' is not a valid address");
            }
        }

        /** Whether the address lies in this range (an IPv4 address is never in an IPv6 range, nor the reverse). */
        public boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            byte[] n = network.getAddress();
            if (a.length != n.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private boolean hostBitsClear() {
            return masked().equals(network);
        }

        private InetAddress masked() {
            byte[] n = network.getAddress().clone();
            for (int bit = prefix; bit < n.length * 8; bit++) {
                n[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            try {
                return InetAddress.getByAddress(n);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return network.getHostAddress() + "/" + prefix;
        }
    }
}
