package io.github.mjsdk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile HTTP/1.1 server on a raw loopback socket, for faults no HTTP library will produce: malformed headers,
 * connections dropped at chosen points, answers that never come. Each request is read whole (request line, headers,
 * a Content-Length body) and recorded; the test's {@link Behaviour} then decides what the connection does.
 */
public final class RawServer implements AutoCloseable {
    /** What the server does with one request on one connection. */
    @FunctionalInterface
    public interface Behaviour {
        /**
         * Answers one request.
         *
         * @param request the request, already recorded
         * @param out     the connection's output
         * @return true to keep the connection open for another request, false to close it
         * @throws IOException when the connection fails
         */
        boolean answer(Request request, OutputStream out) throws IOException;
    }

    /**
     * One request as it reached the server.
     *
     * @param method     e.g. {@code POST}
     * @param path       e.g. {@code /mj/submit/imagine}
     * @param headers    the header lines as sent
     * @param body       the body text
     * @param connection the connection's number, from 1
     */
    public record Request(String method, String path, List<String> headers, String body, int connection) {
    }

    private final ServerSocket socket;
    private final Behaviour behaviour;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    public RawServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "raw-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123/}. */
    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/";
    }

    /** Every request that reached the server, in order of arrival. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests whose path contains {@code part}. */
    public long count(String part) {
        return requests.stream().filter(r -> r.path().contains(part)).count();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** A plain answer with a JSON body and {@code Content-Length}. */
    public static void json(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Raw bytes, as they are. */
    public static void raw(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                int number = connections.incrementAndGet();
                Thread worker = new Thread(() -> serve(client, number), "raw-server-" + number);
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client, int number) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            while (true) {
                Request request = read(in, number);
                if (request == null) {
                    return;
                }
                requests.add(request);
                if (!behaviour.answer(request, out)) {
                    return;
                }
            }
        } catch (SocketException gone) {
            // the client hung up
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Request read(InputStream in, int number) throws IOException {
        String line = line(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        String[] parts = line.split(" ");
        List<String> headers = new CopyOnWriteArrayList<>();
        int length = 0;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            headers.add(header);
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Request(parts[0], parts.length > 1 ? parts[1] : "", List.copyOf(headers),
                new String(body, StandardCharsets.UTF_8), number);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(c);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : open) {
            client.close();
        }
    }
}
