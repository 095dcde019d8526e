package io.github.mjsdk.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

/**
 * Sockets with {@code TCP_NODELAY}, for both ends of loopback tests: MockWebServer writes headers and body
 * separately, and Nagle's algorithm against delayed ACKs would add about 40 ms to every exchange.
 */
public final class NoDelaySockets {
    private NoDelaySockets() {
    }

    /** Client sockets with TCP_NODELAY, for {@code OkHttpClient.Builder.socketFactory}. */
    public static SocketFactory client() {
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                Socket socket = new Socket();
                socket.setTcpNoDelay(true);
                return socket;
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                Socket socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                return socket;
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                Socket socket = new Socket(host, port, local, localPort);
                socket.setTcpNoDelay(true);
                return socket;
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                Socket socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                return socket;
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
                    throws IOException {
                Socket socket = new Socket(host, port, local, localPort);
                socket.setTcpNoDelay(true);
                return socket;
            }
        };
    }

    /** Server sockets whose accepted connections have TCP_NODELAY, for {@code MockWebServer}. */
    public static ServerSocketFactory server() {
        return new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return new NoDelayServerSocket();
            }

            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                ServerSocket socket = new NoDelayServerSocket();
                socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return socket;
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) throws IOException {
                ServerSocket socket = new NoDelayServerSocket();
                socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
                return socket;
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
                ServerSocket socket = new NoDelayServerSocket();
                socket.bind(new java.net.InetSocketAddress(address, port), backlog);
                return socket;
            }
        };
    }

    private static final class NoDelayServerSocket extends ServerSocket {
        NoDelayServerSocket() throws IOException {
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = super.accept();
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
