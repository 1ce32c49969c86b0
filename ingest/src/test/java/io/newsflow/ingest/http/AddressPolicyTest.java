package io.newsflow.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    private static final AddressPolicy DEFAULT = AddressPolicy.publicOnly();

    /** Literals only: a name the test did not expect fails the test instead of asking DNS. */
    private static final AddressPolicy.Resolver LITERALS = host -> {
        if (host.contains(":") || host.matches("(?i)[0-9a-fx.]+")) {
            return InetAddress.getAllByName(host);
        }
        throw new AssertionError("the test asked DNS for " + host);
    };

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    private static Optional<String> check(AddressPolicy policy, String url) throws UnknownHostException {
        return policy.refusal(URI.create(url), LITERALS);
    }

    @Test
    void everyNonPublicIpv4RangeIsRefusedWithItsKind() throws Exception {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("127.0.0.1", "127.0.0.1 is a loopback address"),
                Map.entry("127.255.255.254", "127.255.255.254 is a loopback address"),
                Map.entry("10.0.0.1", "10.0.0.1 is a private address"),
                Map.entry("172.16.0.1", "172.16.0.1 is a private address"),
                Map.entry("172.31.255.255", "172.31.255.255 is a private address"),
                Map.entry("192.168.1.1", "192.168.1.1 is a private address"),
                Map.entry("169.254.169.254", "169.254.169.254 is a link-local address"),
                Map.entry("100.64.0.1", "100.64.0.1 is a carrier-grade NAT address"),
                Map.entry("100.127.255.255", "100.127.255.255 is a carrier-grade NAT address"),
                Map.entry("0.0.0.0", "0.0.0.0 is the unspecified address"),
                Map.entry("0.1.2.3", "0.1.2.3 is a reserved address (this network, 0.0.0.0/8)"),
                Map.entry("255.255.255.255", "255.255.255.255 is the broadcast address"),
                Map.entry("224.0.0.1", "224.0.0.1 is a multicast address"),
                Map.entry("239.255.255.250", "239.255.255.250 is a multicast address"),
                Map.entry("240.0.0.1", "240.0.0.1 is a reserved address (240.0.0.0/4)"),
                Map.entry("192.0.0.8", "192.0.0.8 is a reserved address (IETF protocol assignments, 192.0.0.0/24)"),
                Map.entry("192.0.2.1", "192.0.2.1 is a reserved address (documentation)"),
                Map.entry("198.51.100.7", "198.51.100.7 is a reserved address (documentation)"),
                Map.entry("203.0.113.9", "203.0.113.9 is a reserved address (documentation)"),
                Map.entry("198.18.0.1", "198.18.0.1 is a reserved address (benchmarking, 198.18.0.0/15)"),
                Map.entry("198.19.255.255", "198.19.255.255 is a reserved address (benchmarking, 198.18.0.0/15)"),
                Map.entry("192.88.99.1", "192.88.99.1 is a reserved address (6to4 relay anycast, 192.88.99.0/24)"));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(Optional.of(e.getValue()), DEFAULT.refusal(ip(e.getKey())), e.getKey());
        }
    }

    @Test
    void publicIpv4AddressesPassIncludingTheNeighboursOfEachRange() throws Exception {
        for (String address : List.of("1.1.1.1", "8.8.8.8", "93.184.216.34", "9.255.255.255", "11.0.0.0",
                "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0", "169.253.255.255", "169.255.0.0",
                "100.63.255.255", "100.128.0.0", "126.255.255.255", "128.0.0.0", "223.255.255.255", "198.17.255.255",
                "198.20.0.0", "192.0.1.0", "192.0.3.0", "203.0.112.255", "1.0.0.0")) {
            assertEquals(Optional.empty(), DEFAULT.refusal(ip(address)), address);
        }
    }

    @Test
    void everyNonPublicIpv6RangeIsRefused() throws Exception {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("::1", "a loopback address"),
                Map.entry("::", "the unspecified address"),
                Map.entry("fe80::1", "a link-local address"),
                Map.entry("febf:ffff::1", "a link-local address"),
                Map.entry("fc00::1", "a unique-local address"),
                Map.entry("fd12:3456::1", "a unique-local address"),
                Map.entry("ff02::1", "a multicast address"),
                Map.entry("ff05::2", "a multicast address"),
                Map.entry("::7f00:1", "an IPv4-compatible address of 127.0.0.1, a loopback address"),
                Map.entry("::808:808", "a reserved address (IPv4-compatible, deprecated)"),
                Map.entry("64:ff9b::a9fe:a9fe", "a NAT64 address of 169.254.169.254, a link-local address"),
                Map.entry("2002:7f00:1::", "a 6to4 address of 127.0.0.1, a loopback address"),
                Map.entry("2002:c0a8:101::1", "a 6to4 address of 192.168.1.1, a private address"),
                Map.entry("2001:db8::1", "a reserved address (documentation)"),
                Map.entry("3fff::1", "a reserved address (documentation)"),
                Map.entry("2001::1", "a reserved address (IETF protocol assignments, 2001::/23)"),
                Map.entry("2001:1ff::1", "a reserved address (IETF protocol assignments, 2001::/23)"),
                Map.entry("fec0::1", "a reserved address (outside global unicast 2000::/3)"),
                Map.entry("100::1", "a reserved address (outside global unicast 2000::/3)"),
                Map.entry("4000::1", "a reserved address (outside global unicast 2000::/3)"));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Optional<String> refusal = DEFAULT.refusal(ip(e.getKey()));
            assertTrue(refusal.isPresent() && refusal.get().endsWith(" is " + e.getValue()), e.getKey() + ": " + refusal);
        }
    }

    @Test
    void publicIpv6AddressesPass() throws Exception {
        for (String address : List.of("2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2001:200::1",
                "2002:808:808::1", "64:ff9b::808:808", "2c0f:fb50::1")) {
            assertEquals(Optional.empty(), DEFAULT.refusal(ip(address)), address);
        }
    }

    @Test
    void urlsWithLiteralHostsInEverySpellingTheJdkAccepts() throws Exception {
        assertEquals(Optional.of("127.0.0.1 is a loopback address"), check(DEFAULT, "http://127.0.0.1:8080/admin"));
        assertEquals(Optional.of("169.254.169.254 is a link-local address"),
                check(DEFAULT, "http://169.254.169.254/latest/meta-data/"));
        assertEquals(Optional.of("[::1] is 0:0:0:0:0:0:0:1, a loopback address"), check(DEFAULT, "http://[::1]:80/"));
        // The JDK turns IPv4-mapped literals into the IPv4 address they carry.
        assertEquals(Optional.of("[::ffff:127.0.0.1] is 127.0.0.1, a loopback address"),
                check(DEFAULT, "http://[::ffff:127.0.0.1]/"));
        assertEquals(Optional.of("[::ffff:a9fe:a9fe] is 169.254.169.254, a link-local address"),
                check(DEFAULT, "http://[::ffff:a9fe:a9fe]/"));
        assertTrue(check(DEFAULT, "http://[::127.0.0.1]/").orElseThrow().contains("IPv4-compatible address of 127.0.0.1"));
        assertEquals(Optional.of("0 (an unusual spelling of 0.0.0.0) is the unspecified address"),
                check(DEFAULT, "http://0:8080/"));
        assertEquals(Optional.of("0.0.0.0 is the unspecified address"), check(DEFAULT, "http://0.0.0.0:8080/"));
        assertEquals(Optional.of("10.0.0.1 is a private address"), check(DEFAULT, "http://trusted.example@10.0.0.1/"));
    }

    @Test
    void oddIpv4SpellingsAreReadAsOtherSoftwareReadsThemAndAsTheJdkDoes() throws Exception {
        // Decimal: the JDK reads it as 127.0.0.1 too.
        assertEquals(Optional.of("2130706433 (an unusual spelling of 127.0.0.1) is a loopback address"),
                check(DEFAULT, "http://2130706433/"));
        // Octal: the JDK reads 0177.0.0.1 as 177.0.0.1, curl and browsers as 127.0.0.1; either reading refuses.
        assertEquals(Optional.of("0177.0.0.1 (an unusual spelling of 127.0.0.1) is a loopback address"),
                check(DEFAULT, "http://0177.0.0.1/"));
        // java.net.URI finds no host in 0x7f.0.0.1 or 127.1 (the fetcher refuses those as INVALID_URL).
        assertEquals(null, URI.create("http://0x7f.0.0.1/").getHost());
        // Hex: refused on its own reading before any lookup (the JDK would ask DNS for it).
        assertEquals(Optional.of("0x7f000001 (an unusual spelling of 127.0.0.1) is a loopback address"),
                check(DEFAULT, "http://0x7f000001/"));
        assertEquals(Optional.of("127.000.000.001 (an unusual spelling of 127.0.0.1) is a loopback address"),
                check(DEFAULT, "http://127.000.000.001/"));
        assertEquals(Optional.of("012.0.0.1 (an unusual spelling of 10.0.0.1) is a private address"),
                check(DEFAULT, "http://012.0.0.1/"));
        assertEquals(Optional.of("0xa9fea9fe (an unusual spelling of 169.254.169.254) is a link-local address"),
                check(DEFAULT, "http://0xa9fea9fe/latest/meta-data/"));
        // Read as octal, 010.0.0.1 is the public 8.0.0.1; the JDK connects to 10.0.0.1, which is refused.
        assertEquals(Optional.of("010.0.0.1 resolves to 10.0.0.1, a private address"), check(DEFAULT, "http://010.0.0.1/"));
    }

    @Test
    void legacyIpv4ReadsEveryForm() throws Exception {
        assertEquals(Optional.of(ip("127.0.0.1")), AddressPolicy.LegacyIpv4.parse("2130706433"));
        assertEquals(Optional.of(ip("127.0.0.1")), AddressPolicy.LegacyIpv4.parse("0x7f000001"));
        assertEquals(Optional.of(ip("127.0.0.1")), AddressPolicy.LegacyIpv4.parse("017700000001"));
        assertEquals(Optional.of(ip("127.0.0.1")), AddressPolicy.LegacyIpv4.parse("127.1"));
        assertEquals(Optional.of(ip("127.0.0.1")), AddressPolicy.LegacyIpv4.parse("127.0.1"));
        assertEquals(Optional.of(ip("10.0.0.1")), AddressPolicy.LegacyIpv4.parse("0xA.0.0.01"));
        assertEquals(Optional.of(ip("127.0.0.1")), AddressPolicy.LegacyIpv4.parse("0177.0.0.1."));
        assertEquals(Optional.empty(), AddressPolicy.LegacyIpv4.parse("127.0.0.1"), "canonical: the JDK's reading");
        assertEquals(Optional.empty(), AddressPolicy.LegacyIpv4.parse("4294967296"), "over 32 bits");
        assertEquals(Optional.empty(), AddressPolicy.LegacyIpv4.parse("256.1"), "a part over 255");
        assertEquals(Optional.empty(), AddressPolicy.LegacyIpv4.parse("09.0.0.1"), "9 is no octal digit");
        assertEquals(Optional.empty(), AddressPolicy.LegacyIpv4.parse("news.example.com"));
        assertEquals(Optional.empty(), AddressPolicy.LegacyIpv4.parse("1.2.3.4.5"));
    }

    @Test
    void namesAreRefusedWhenAnyOfTheirAddressesIsBlocked() throws Exception {
        AddressPolicy.Resolver dns = host -> switch (host) {
            case "news.example.com" -> new InetAddress[]{ip("93.184.216.34"), ip("2606:2800:220:1::1")};
            case "rebind.example.com" -> new InetAddress[]{ip("93.184.216.34"), ip("10.1.2.3")};
            case "metadata.example.com" -> new InetAddress[]{ip("169.254.169.254")};
            default -> throw new UnknownHostException(host);
        };
        assertEquals(Optional.empty(), DEFAULT.refusal(URI.create("https://news.example.com/a"), dns));
        assertEquals(Optional.of("rebind.example.com resolves to 10.1.2.3, a private address"),
                DEFAULT.refusal(URI.create("https://rebind.example.com/a"), dns));
        assertEquals(Optional.of("metadata.example.com resolves to 169.254.169.254, a link-local address"),
                DEFAULT.refusal(URI.create("http://metadata.example.com/latest/meta-data/"), dns));
        assertThrows(UnknownHostException.class, () -> DEFAULT.refusal(URI.create("http://nowhere.invalid/"), dns));
    }

    @Test
    void localhostThroughTheSystemResolverIsLoopback() throws Exception {
        Optional<String> refusal = DEFAULT.refusal(URI.create("http://localhost:8080/admin"),
                AddressPolicy.Resolver.system());
        assertTrue(refusal.orElseThrow().startsWith("localhost resolves to "), refusal.toString());
        assertTrue(refusal.get().endsWith(", a loopback address"), refusal.toString());
    }

    @Test
    void otherSchemesAreRefusedWhateverTheFlags() throws Exception {
        for (AddressPolicy policy : List.of(DEFAULT, AddressPolicy.anyAddress())) {
            assertEquals(Optional.of("file:///etc/passwd: file: URLs are not fetched (http and https only)"),
                    check(policy, "file:///etc/passwd"));
            for (String url : List.of("ftp://example.com/a", "gopher://127.0.0.1:70/_x", "jar:file:/a.jar!/b",
                    "FILE:/etc/hosts", "netdoc:/etc/passwd")) {
                assertTrue(check(policy, url).orElseThrow().contains("URLs are not fetched"), url);
            }
            assertEquals(Optional.empty(), AddressPolicy.schemeRefusal(URI.create("HTTPS://example.com/")));
        }
    }

    @Test
    void theAllowFlagLetsEveryAddressThroughAndTheAllowListItsRanges() throws Exception {
        assertEquals(Optional.empty(), check(AddressPolicy.anyAddress(), "http://127.0.0.1/"));
        assertEquals(Optional.empty(), check(AddressPolicy.anyAddress(), "http://[::1]/"));
        assertEquals(Optional.empty(), check(AddressPolicy.anyAddress(), "http://169.254.169.254/"));
        AddressPolicy ranges = AddressPolicy.allowing(AddressPolicy.Cidr.parseAll(List.of("127.0.0.1/32", "fd00::/8")));
        assertEquals(Optional.empty(), check(ranges, "http://127.0.0.1:8080/"));
        assertEquals(Optional.empty(), check(ranges, "http://[::ffff:127.0.0.1]:8080/"), "the same address");
        assertEquals(Optional.empty(), check(ranges, "http://[fd00::5]/"));
        assertEquals(Optional.of("127.0.0.2 is a loopback address"), check(ranges, "http://127.0.0.2/"));
        assertEquals(Optional.of("2130706434 (an unusual spelling of 127.0.0.2) is a loopback address"),
                check(ranges, "http://2130706434/"));
        assertTrue(check(ranges, "http://[fe80::1]/").isPresent());
        assertEquals(Optional.empty(), check(ranges, "http://8.8.8.8/"), "public addresses stay allowed");
    }

    @Test
    void cidrsAreParsedStrictlyAndMatchTheirRange() throws Exception {
        AddressPolicy.Cidr ten = AddressPolicy.Cidr.parse("10.0.0.0/8");
        assertTrue(ten.contains(ip("10.255.255.255")));
        assertFalse(ten.contains(ip("11.0.0.0")));
        assertFalse(ten.contains(ip("::ffff:0:a00:1")), "an IPv6 address is not in an IPv4 range");
        AddressPolicy.Cidr twelve = AddressPolicy.Cidr.parse("172.16.0.0/12");
        assertTrue(twelve.contains(ip("172.31.0.1")));
        assertFalse(twelve.contains(ip("172.32.0.1")));
        assertTrue(AddressPolicy.Cidr.parse("0.0.0.0/0").contains(ip("8.8.8.8")));
        AddressPolicy.Cidr v6 = AddressPolicy.Cidr.parse("2001:db8:abcd::/48");
        assertTrue(v6.contains(ip("2001:db8:abcd:ffff::1")));
        assertFalse(v6.contains(ip("2001:db8:abce::1")));
        assertTrue(AddressPolicy.Cidr.parse("::1/128").contains(ip("::1")));
        assertEquals("127.0.0.1/32", AddressPolicy.Cidr.parse(" 127.0.0.1/32 ").toString());

        List<String> problems = new ArrayList<>();
        for (String bad : List.of("127.0.0.1", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/08", "10.0.0.0/", "10.0.0/8",
                "010.0.0.0/8", "10.0.0.256/32", "2130706433/32", "localhost/32", "10.0.0.1/8", "::1/129",
                "fe80::1%lo/64", "fd00::1/8", "::ffff:10.0.0.0/104", "1:2/64", "/8", "a.b.c.d/8", ".1:2/64")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AddressPolicy.Cidr.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
            problems.add(e.getMessage());
        }
        assertTrue(problems.contains("'10.0.0.1/8' has bits set past its /8 prefix; the range is 10.0.0.0/8"),
                problems.toString());
        assertTrue(problems.contains("'127.0.0.1' is not a CIDR range: expected ADDRESS/PREFIX, e.g. 10.0.0.0/8, "
                + "127.0.0.1/32 or fd00::/8"), problems.toString());
    }
}
