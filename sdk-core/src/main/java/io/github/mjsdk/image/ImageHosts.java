package io.github.mjsdk.image;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import okhttp3.Dns;
import okhttp3.HttpUrl;

/**
 * Where image downloads may go: not to link-local addresses (169.254.0.0/16, where cloud metadata services
 * answer, and fe80::/10), nor to AWS's IPv6 metadata address fd00:ec2::254. Checked before any connection is
 * opened: on each URL (the first and every redirect) whose host is an IP literal, and on every DNS answer.
 */
final class ImageHosts implements Dns {
    private static final byte[] AWS_METADATA_V6 = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0x02, 0x54};

    private final Dns dns;

    ImageHosts(Dns dns) {
        this.dns = dns;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = dns.lookup(hostname);
        for (InetAddress address : addresses) {
            if (refused(address)) {
                throw new UnknownHostException(refusal(hostname, address));
            }
        }
        return addresses;
    }

    /** Why a URL whose host is a refused IP literal is not fetched, or null when it may be. */
    static String refusalOf(HttpUrl url) {
        String host = url.host();
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return refused(address) ? refusal(host, address) : null;
        } catch (UnknownHostException notLiteral) {
            return null;
        }
    }

    static boolean refused(InetAddress address) {
        return address.isLinkLocalAddress()
                || (address instanceof Inet6Address && Arrays.equals(address.getAddress(), AWS_METADATA_V6));
    }

    private static String refusal(String host, InetAddress address) {
        return "image host " + host + " is at a link-local or metadata address (" + address.getHostAddress()
                + "), which image downloads refuse (MidjourneyClientBuilder.allowLinkLocalImageHosts)";
    }
}
