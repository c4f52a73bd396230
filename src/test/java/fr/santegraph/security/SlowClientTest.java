package fr.santegraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A client that stops sending gets a 408 at the read timeout (2 s in tests), instead of holding a thread a minute. */
@IntegrationTest
class SlowClientTest {

    @LocalServerPort
    int port;

    private String statusAfterSending(String head, String partOfBody) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n" + partOfBody).getBytes(StandardCharsets.UTF_8));
            out.flush();
            long start = System.nanoTime();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("ms before the answer").isLessThan(8_000);
            return status;
        }
    }

    @Test
    void aBodyShorterThanItsDeclaredLengthIsAnswered408() throws Exception {
        String status = statusAfterSending("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 200\r\n", "{\"query\":");

        assertThat(status).startsWith("HTTP/1.1 408");
    }

    @Test
    void aChunkedBodyThatNeverEndsIsAnswered408() throws Exception {
        String status = statusAfterSending("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n", "9\r\n{\"query\":\r\n");

        assertThat(status).startsWith("HTTP/1.1 408");
    }
}
