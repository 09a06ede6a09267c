package io.aimsgate.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The reference a user would otherwise run (issue 20): a minimal Spring Boot application with only Camunda's REST
 * starter ({@code camunda-bpm-spring-boot-starter-rest}, with {@code spring-boot-starter-jdbc} and the PostgreSQL driver
 * as Camunda's getting-started application has them; no webapps, no security, no
 * authorisation, no tables of ours), in its own JVM, on its own fresh database of the benchmark's PostgreSQL server,
 * with the same pool size and heap limit as the application under test. Its classpath is resolved by Maven from a
 * generated pom with the same Spring Boot parent and Camunda BOM as ours; its main class is compiled at run time, and
 * the bare gate process is deployed by the starter from its classpath.
 */
final class PlainCamunda implements AutoCloseable {

    private static final String MAIN = """
            package benchplain;

            import org.springframework.boot.SpringApplication;
            import org.springframework.boot.autoconfigure.SpringBootApplication;

            @SpringBootApplication
            public class PlainCamundaApplication {
                public static void main(String[] args) {
                    SpringApplication.run(PlainCamundaApplication.class, args);
                }
            }
            """;

    final int port;
    final BenchDatabase.Database database;
    final double startSeconds;
    private final Process process;

    private PlainCamunda(int port, BenchDatabase.Database database, double startSeconds, Process process) {
        this.port = port;
        this.database = database;
        this.startSeconds = startSeconds;
        this.process = process;
    }

    long pid() {
        return process.pid();
    }

    static PlainCamunda start(BenchDatabase.Database database, int poolSize, String bareModelXml) throws Exception {
        Path dir = Files.createTempDirectory("aims-bench-plain");
        String classpath = resolveClasspath(dir);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path source = Files.createDirectories(dir.resolve("src/benchplain")).resolve("PlainCamundaApplication.java");
        Files.writeString(source, MAIN);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int compiled = compiler.run(null, null, null, "-d", classes.toString(), "-cp", classpath, "--release", "17",
                source.toString());
        if (compiled != 0) {
            throw new IllegalStateException("plain Camunda application did not compile");
        }
        // Deployed by the starter at start-up (its default resource pattern finds every *.bpmn on the classpath).
        Files.writeString(classes.resolve(GateThroughput.BARE_KEY + ".bpmn"), bareModelXml);
        int port = freePort();
        Path log = dir.resolve("plain.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "-cp", classes + java.io.File.pathSeparator + classpath, "benchplain.PlainCamundaApplication",
                "--server.port=" + port, "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.datasource.hikari.maximum-pool-size=" + poolSize,
                "--camunda.bpm.history-level=full", "--camunda.bpm.database.schema-update=true");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient client = HttpClient.newHttpClient();
        while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("plain Camunda application stopped; see " + log);
            }
            try {
                HttpResponse<String> engines = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/engine-rest/process-definition/count?key=" + GateThroughput.BARE_KEY))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (engines.statusCode() == 200 && engines.body().contains("\"count\":1")) {
                    return new PlainCamunda(port, database, (System.nanoTime() - start) / 1e9, process);
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("plain Camunda application not ready within 5 minutes; see " + log);
    }

    /** The runtime classpath of Camunda's REST starter, Spring's JDBC starter and the PostgreSQL driver, as Maven resolves it (offline). */
    private static String resolveClasspath(Path dir) throws Exception {
        String pom = """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>%s</version>
                    <relativePath/>
                  </parent>
                  <groupId>bench</groupId>
                  <artifactId>plain-camunda</artifactId>
                  <version>1</version>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>org.camunda.bpm</groupId>
                        <artifactId>camunda-bom</artifactId>
                        <version>%s</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                    <dependency>
                      <groupId>org.camunda.bpm.springboot</groupId>
                      <artifactId>camunda-bpm-spring-boot-starter-rest</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>org.springframework.boot</groupId>
                      <artifactId>spring-boot-starter-jdbc</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>org.postgresql</groupId>
                      <artifactId>postgresql</artifactId>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(org.springframework.boot.SpringBootVersion.getVersion(),
                org.camunda.bpm.engine.ProcessEngine.class.getPackage().getImplementationVersion() != null
                        ? org.camunda.bpm.engine.ProcessEngine.class.getPackage().getImplementationVersion()
                        : "7.24.0");
        Files.writeString(dir.resolve("pom.xml"), pom);
        Path out = dir.resolve("classpath.txt");
        Process maven = new ProcessBuilder(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-q", "-o", "-f",
                dir.resolve("pom.xml").toString(), "dependency:build-classpath", "-Dmdep.outputFile=" + out,
                "-Dmdep.includeScope=runtime").redirectErrorStream(true).redirectOutput(dir.resolve("maven.log").toFile())
                .start();
        if (!maven.waitFor(5, TimeUnit.MINUTES) || maven.exitValue() != 0 || !Files.exists(out)) {
            throw new IllegalStateException("could not resolve the plain Camunda classpath; see " + dir.resolve("maven.log"));
        }
        return Files.readString(out, StandardCharsets.UTF_8).strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
