package io.github.mjsdk.image;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Refuses image downloads from link-local addresses (169.254.0.0/16, where cloud metadata services answer, and
 * fe80::/10), and from AWS's IPv6 metadata address fd00:ec2::254, whatever name, literal or redirect led there.
 * As a network interceptor it sees the address actually connected to, before any byte of the request is written.
 */
final class LinkLocalGuard implements Interceptor {
    private static final byte[] AWS_METADATA_V6 = {(byte) 0xfd, 0, 0, (byte) 0xec, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
            0x54};

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        Socket socket = connection == null ? null : connection.socket();
        InetAddress address = socket == null ? null : socket.getInetAddress();
        if (address != null && refused(address)) {
            throw new IOException("image host " + chain.request().url().host() + " is at a link-local or metadata"
                    + " address (" + address.getHostAddress() + "), which image downloads refuse"
                    + " (MidjourneyClientBuilder.allowLinkLocalImageHosts)");
        }
        return chain.proceed(chain.request());
    }

    /** Whether downloads from this address are refused. */
    static boolean refused(InetAddress address) {
        if (address.isLinkLocalAddress()) {
            return true;
        }
        return address instanceof Inet6Address && java.util.Arrays.equals(address.getAddress(), AWS_METADATA_V6);
    }
}
