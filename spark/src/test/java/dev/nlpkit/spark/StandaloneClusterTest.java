package dev.nlpkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.nlpkit.classify.TextClassifier;

/**
 * A real standalone cluster on 127.0.0.1: a Master and a Worker as separate JVMs (the classes of spark-core, no
 * Spark distribution: a folder with {@code RELEASE} and {@code jars/} stands in for {@code SPARK_HOME}), and the
 * example job submitted through {@code SparkSubmit} with the shaded jar, as a user would with spark-submit.
 * Runs in the integration-test phase (after the shaded jar is built); see the module's pom.
 */
@Tag("cluster")
class StandaloneClusterTest {

    private static final int TWEETS = 10_000;
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration JOB = Duration.ofMinutes(6);
    private static final java.util.regex.Pattern SCORING_TASK =
            java.util.regex.Pattern.compile("Running task \\S+ in stage ([3-9]|\\d\\d+)\\.");

    /** Under target/ rather than a JUnit temporary folder: SPARK_HOME/jars holds links to the local repository. */
    private static final Path work = Path.of("target", "cluster-test").toAbsolutePath();

    private static String classpath;
    private static Path shadedJar;
    private static List<String> jvmOptions;
    private static Path sparkHome;
    private static Process master;
    private static Process worker;
    private static String masterUrl;
    private static Path input;
    private static List<String> tweets;
    private static TextClassifier classifier;

    @BeforeAll
    static void startCluster() throws Exception {
        tweets = TestSpark.tweets(TWEETS);
        deleteTree(work);
        Files.createDirectories(work);
        classifier = TextClassifier.load(TestSpark.resource(TestSpark.BUNDLE));
        classpath = Files.readString(Path.of(System.getProperty("nlpkit.spark.classpath"))).strip();
        shadedJar = Path.of(System.getProperty("nlpkit.spark.shadedJar"));
        assertThat(shadedJar).as("the shaded jar (built by package)").exists();
        jvmOptions = Arrays.asList(System.getProperty("nlpkit.spark.jvmOptions").strip().split("\\s+"));
        input = writeInput(work.resolve("tweets.csv"));

        sparkHome = Files.createDirectories(work.resolve("spark-home"));
        Files.writeString(sparkHome.resolve("RELEASE"), "");
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!Files.exists(jars.resolve(jar.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
            }
        }
        Files.createDirectories(sparkHome.resolve("conf"));

        int masterPort = freePort();
        masterUrl = "spark://127.0.0.1:" + masterPort;
        master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(freePort()));
        worker = start("worker", "org.apache.spark.deploy.worker.Worker", masterUrl, "--host", "127.0.0.1",
                "--port", String.valueOf(freePort()), "--webui-port", String.valueOf(freePort()), "--cores", "2",
                "--memory", "2g", "--work-dir", work.resolve("worker-work").toString());
        awaitLog(work.resolve("worker.log"), "Successfully registered with master", START);
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (Process p : new Process[] {worker, master}) {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void exampleJobOnTheClusterWritesEveryPredictionExactly() throws Exception {
        Path out = work.resolve("out-plain");
        Process driver = submit("driver-plain", out);
        assertThat(driver.waitFor(JOB.toSeconds(), TimeUnit.SECONDS)).as("the job finished in time").isTrue();
        assertThat(driver.exitValue()).as("driver exit status; log: %s", log("driver-plain")).isZero();
        checkOutput(out);
    }

    @Test
    void killedExecutorIsReplacedAndTheOutputIsStillCompleteAndExact() throws Exception {
        Path out = work.resolve("out-fault");
        Process driver = submit("driver-fault", out);
        // the executor of this application: a child of our Worker, running tasks of our job
        ProcessHandle executor = awaitExecutorRunningTasks(driver);
        executor.destroyForcibly();
        executor.onExit().get(30, TimeUnit.SECONDS);
        assertThat(driver.isAlive()).as("the job was still running when its executor was killed").isTrue();

        assertThat(driver.waitFor(JOB.toSeconds(), TimeUnit.SECONDS)).as("the job finished in time").isTrue();
        assertThat(driver.exitValue()).as("driver exit status; log: %s", log("driver-fault")).isZero();
        assertThat(read(work.resolve("driver-fault.log"))).as("the driver saw the executor go").containsPattern(
                "Lost executor|ExecutorLostFailure|Executor .* removed|lost worker|Lost task");
        checkOutput(out);
    }

    /** Every input row exactly once, with the probabilities the classifier gives on one JVM. */
    private static void checkOutput(Path out) {
        SparkSession spark = TestSpark.local();
        try {
            List<Row> rows = spark.read().parquet(out.resolve("predictions").toString())
                    .orderBy(org.apache.spark.sql.functions.col("id").cast("int"))
                    .select("id", "text", "prediction", "probability").collectAsList();
            assertThat(rows).hasSize(TWEETS);
            double[][] expected = classifier.predictProba(tweets);
            List<String> labels = classifier.predict(tweets);
            for (int i = 0; i < TWEETS; i++) {
                Row row = rows.get(i);
                assertThat(Integer.parseInt(row.getString(0))).as("row %d's id (no lost or repeated row)", i)
                        .isEqualTo(i);
                assertThat(row.getString(1)).isEqualTo(tweets.get(i));
                assertThat(row.getString(2)).as("label of row %d", i).isEqualTo(labels.get(i));
                assertThat(((Vector) row.get(3)).toArray()).as("probabilities of row %d", i)
                        .containsExactly(expected[i], within(1e-6));
            }
            Map<String, Long> counts = new HashMap<>();
            labels.forEach(l -> counts.merge(l, 1L, Long::sum));
            Map<String, Long> written = new HashMap<>();
            spark.read().parquet(out.resolve("label-counts").toString()).collectAsList()
                    .forEach(r -> written.put(r.getString(0), r.getLong(1)));
            assertThat(written).isEqualTo(counts);
        } finally {
            spark.stop();
        }
    }

    private static Process submit(String name, Path out) throws IOException {
        List<String> conf = List.of(
                "--master", masterUrl,
                "--deploy-mode", "client",
                "--class", "dev.nlpkit.spark.SentimentOnSpark",
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.executor.memory=1g",
                "--conf", "spark.task.maxFailures=4",
                "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", jvmOptions)
                        + " --add-modules=jdk.incubator.vector",
                shadedJar.toString(),
                "--input", input.toString(),
                "--bundle", TestSpark.resource(TestSpark.BUNDLE).toString(),
                "--output", out.toString(),
                "--partitions", "8");
        List<String> args = new ArrayList<>(conf);
        args.addFirst("org.apache.spark.deploy.SparkSubmit");
        return start(name, args.toArray(String[]::new));
    }

    private static Process start(String name, String... mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(classpath);
        command.addAll(Arrays.asList(mainAndArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    private static ProcessHandle awaitExecutorRunningTasks(Process driver) throws Exception {
        long deadline = System.nanoTime() + JOB.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(driver.isAlive()).as("the driver is running; log: %s",
                    driver.isAlive() ? "" : log("driver-fault")).isTrue();
            Optional<ProcessHandle> executor = worker.descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                    .findFirst();
            if (executor.isPresent() && executorRunsTasks()) {
                return executor.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no executor ran a scoring task within " + JOB);
    }

    /** Whether an executor of the newest application logged a task. */
    private static boolean executorRunsTasks() throws IOException {
        Path apps = work.resolve("worker-work");
        if (!Files.isDirectory(apps)) {
            return false;
        }
        try (Stream<Path> logs = Files.find(apps, 3, (p, a) -> p.getFileName().toString().equals("stderr"))) {
            // stage 0 reads the CSV header, stage 1 repartitions the input, stage 3 (after the skipped stage 2)
            // tokenizes, scores and writes: kill there (or, on a slow machine that missed it, in a later stage of the
            // application), so the executor takes running tasks and the shuffle output of stage 1 with it
            return logs.anyMatch(p -> SCORING_TASK.matcher(read(p)).find());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String log(String name) {
        String text = read(work.resolve(name + ".log"));
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }

    private static void awaitLog(Path file, String line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && read(file).contains(line)) {
                return;
            }
            if (!master.isAlive() || (worker != null && !worker.isAlive())) {
                throw new AssertionError("the cluster stopped; master: " + log("master") + "\nworker: "
                        + (worker == null ? "" : log("worker")));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("'" + line + "' not in " + file + " within " + timeout + ": " + read(file));
    }

    private static Path writeInput(Path csv) throws IOException {
        StringBuilder text = new StringBuilder("id,text\n");
        for (int i = 0; i < tweets.size(); i++) {
            text.append(i).append(",\"").append(tweets.get(i).replace("\"", "\"\"")).append("\"\n");
        }
        return Files.writeString(csv, text, StandardCharsets.UTF_8);
    }

    /** Deletes a folder left by an earlier run; links are deleted, never followed. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
