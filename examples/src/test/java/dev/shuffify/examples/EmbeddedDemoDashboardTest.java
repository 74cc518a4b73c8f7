package dev.shuffify.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README command 1 with --dashboard: the demo prints the dashboard's address and serves its data there. */
class EmbeddedDemoDashboardTest {

    @TempDir
    Path data;

    @Test
    void servesTheDashboardOverTheDemosDataUntilInterrupted() throws Exception {
        PipedInputStream pipe = new PipedInputStream(1 << 16);
        PrintStream out = new PrintStream(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
        int[] code = {-1};
        Thread demo = new Thread(() -> code[0] = EmbeddedDemo.run(new String[] {"--data", data.toString(),
            "--days", "1", "--no-plugin-jar", "--dashboard", "--port", "0"}, out, out), "demo");
        demo.start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8));
        String address = null;
        String password = null;
        for (String line = lines.readLine(); line != null && password == null; line = lines.readLine()) {
            Matcher a = Pattern.compile("^dashboard +(http://\\S+)").matcher(line);
            if (a.find()) {
                address = a.group(1);
            }
            Matcher p = Pattern.compile("password (\\S+)$").matcher(line);
            if (line.startsWith("sign in") && p.find()) {
                password = p.group(1);
            }
        }
        assertThat(address).startsWith("http://127.0.0.1:");
        assertThat(password).isNotBlank();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(address + "api/schedules"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
        String basic = Base64.getEncoder().encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> schedules = http.send(HttpRequest.newBuilder(URI.create(address + "api/schedules"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(schedules.statusCode()).isEqualTo(200);
        assertThat(schedules.body()).contains("Morning Mix", "\"lastStatus\":\"success\"");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(address + "api/health"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).as("the scheduler runs while the dashboard is served")
                .contains("\"schedulerRunning\":true");
        String wrong = Base64.getEncoder().encodeToString("operator:guess".getBytes(StandardCharsets.UTF_8));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(address + "api/schedules"))
                .header("Authorization", "Basic " + wrong).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
        demo.interrupt();
        demo.join();
        assertThat(code[0]).isZero();
    }
}
