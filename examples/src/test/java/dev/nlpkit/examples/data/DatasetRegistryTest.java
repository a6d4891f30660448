package dev.nlpkit.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nlpkit.testdata.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registry entry's download-and-extract path, source by source, against a loopback HTTP server that
 * serves a small file of the same shape (the same zip member among decoys, the same zip folder, gzip, plain) and
 * honours {@code Range}. The entry's real extraction is used; only its expected size and checksum are replaced by
 * those of the fixture (the real ones are checked against the developers' copies in
 * {@link #recordedChecksumsMatchTheDevelopersCopies}).
 */
class DatasetRegistryTest {

    @TempDir
    Path home;

    private HttpServer server;
    /** Path on the server -> bytes served there. */
    private final Map<String, byte[]> served = new LinkedHashMap<>();
    private final List<String> rangesRequested = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = served.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String range = exchange.getRequestHeaders().getFirst("Range");
            rangesRequested.add(range == null ? "none" : range);
            if (range != null && range.startsWith("bytes=")) {
                int from = Integer.parseInt(range.substring(6, range.indexOf('-')));
                exchange.getResponseHeaders().add("Content-Range",
                        "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
                exchange.sendResponseHeaders(206, body.length - from);
                exchange.getResponseBody().write(body, from, body.length - from);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private DatasetResolver resolver() {
        return new DatasetResolver(new DataEnvironment(Optional.empty(), home.resolve("cache"), Optional.of(base())),
                new Downloader(Duration.ofSeconds(5)));
    }

    /** Every (entry, source) pair of the registry. */
    static Stream<Arguments> sources() {
        List<Arguments> all = new ArrayList<>();
        for (Dataset dataset : DatasetRegistry.all()) {
            for (int i = 0; i < dataset.sources().size(); i++) {
                all.add(Arguments.of(dataset.name(), i));
            }
        }
        return all.stream();
    }

    /** What a source serves in the test, and what must come out of it. */
    private record Fixture(Dataset dataset, Source source, byte[] servedBytes, Map<String, byte[]> expectedFiles) {
    }

    /**
     * The entry restricted to its {@code index}-th source, served by the loopback server with a fixture of the
     * source's shape; its expected size and checksum are the fixture's.
     */
    private Fixture fixture(String name, int index) throws IOException {
        Dataset entry = DatasetRegistry.byName(name);
        Source source = entry.sources().get(index);
        Random random = new Random(name.hashCode() * 31L + index);
        byte[] content = text(random, 150_000);
        Map<String, byte[]> expected = new LinkedHashMap<>();
        byte[] servedBytes;
        switch (source.extraction()) {
            case Extraction.AsIs asIs -> {
                servedBytes = content;
                expected.put(entry.fileName(), content);
            }
            case Extraction.Gunzip gunzip -> {
                servedBytes = gzip(content);
                expected.put(entry.fileName(), content);
            }
            case Extraction.ZipMember member -> {
                Map<String, byte[]> entries = new LinkedHashMap<>();
                entries.put(parent(member.member()) + "README", text(random, 500));         // a decoy before it
                entries.put(member.member(), content);
                entries.put(member.member() + ".other", text(random, 700));                // and one after
                servedBytes = zip(entries);
                expected.put(entry.fileName(), content);
            }
            case Extraction.ZipFolder folder -> {
                byte[] first = content;
                byte[] second = text(random, 90_000);
                Map<String, byte[]> entries = new LinkedHashMap<>();
                entries.put(folder.prefix(), new byte[0]);                                  // the folder entry
                entries.put(folder.prefix() + "ca01", first);
                entries.put(folder.prefix() + "README", text(random, 400));                 // extracted, not covered
                entries.put(folder.prefix() + "cb02", second);
                entries.put(folder.prefix() + "nested/ca03", text(random, 300));            // not the folder's own
                entries.put("elsewhere/ca04", text(random, 300));                            // outside the folder
                servedBytes = zip(entries);
                expected.put("ca01", first);
                expected.put("cb02", second);
            }
        }
        long size = expected.values().stream().mapToLong(b -> b.length).sum();
        String sha = entry.folder() ? sha256(("%s  ca01%n%s  cb02%n").formatted(sha256(expected.get("ca01")),
                sha256(expected.get("cb02"))).getBytes(StandardCharsets.UTF_8)) : sha256(content);
        Dataset dataset = entry.withSources(List.of(source)).withChecksum(size, sha);
        served.put("/" + name + "/" + source.fileName(), servedBytes);
        return new Fixture(dataset, source, servedBytes, expected);
    }

    @ParameterizedTest(name = "{0}, source {1}")
    @MethodSource("sources")
    void downloadsExtractsAndVerifiesEachSource(String name, int index) throws IOException {
        Fixture f = fixture(name, index);
        DatasetResolver resolver = resolver();
        Path path = resolver.resolve(f.dataset(), Optional.empty(), "--data", DownloadListener.NONE);
        assertThat(path).isEqualTo(resolver.cachedFile(f.dataset()));
        assertContent(f, path);
        // nothing else stays in the cache: no partial download, no archive, no extraction folder
        try (Stream<Path> left = Files.list(path.getParent())) {
            assertThat(left).containsExactly(path);
        }
        assertThat(resolver.check(f.dataset())).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(DatasetResolver.Status.MATCHES));
    }

    @ParameterizedTest(name = "{0}, source {1}")
    @MethodSource("sources")
    void aChecksumMismatchIsRejectedAndNothingStaysInTheCache(String name, int index) throws IOException {
        Fixture f = fixture(name, index);
        Dataset wrong = f.dataset().withChecksum(f.dataset().size().getAsLong(), "00".repeat(32));
        DatasetResolver resolver = resolver();
        assertThatThrownBy(() -> resolver.resolve(wrong, Optional.empty(), "--data", DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class).hasMessageContaining("SHA-256")
                .hasMessageContaining("discarded");
        Path folder = resolver.cachedFile(wrong).getParent();
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
        assertThat(resolver.findLocal(wrong)).isEmpty();
    }

    @ParameterizedTest(name = "{0}, source {1}")
    @MethodSource("sources")
    void aPartialDownloadIsCompletedWithARangeRequest(String name, int index) throws IOException {
        Fixture f = fixture(name, index);
        DatasetResolver resolver = resolver();
        Path target = resolver.cachedFile(f.dataset());
        Path downloadAs = f.source().extraction() == Extraction.NONE ? target
                : target.resolveSibling(f.source().fileName());
        int half = f.servedBytes().length / 2;
        Files.createDirectories(target.getParent());
        Files.write(Downloader.partFile(downloadAs), java.util.Arrays.copyOf(f.servedBytes(), half));
        Path path = resolver.resolve(f.dataset(), Optional.empty(), "--data", DownloadListener.NONE);
        assertThat(rangesRequested).containsExactly("bytes=" + half + "-");
        assertContent(f, path);
    }

    @ParameterizedTest(name = "{0}, source {1}")
    @MethodSource("sources")
    void anArchivePlacedByHandInTheCacheIsExtractedWithoutDownloading(String name, int index) throws IOException {
        Fixture f = fixture(name, index);
        DatasetResolver resolver = resolver();
        Path target = resolver.cachedFile(f.dataset());
        Path placed = f.source().extraction() == Extraction.NONE ? target : target.resolveSibling(f.source().fileName());
        Files.createDirectories(target.getParent());
        Files.write(placed, f.servedBytes());
        Path path = resolver.resolve(f.dataset(), Optional.empty(), "--data", DownloadListener.NONE);
        assertThat(rangesRequested).isEmpty();
        assertContent(f, path);
    }

    @Test
    void aWrongArchivePlacedByHandIsReportedAndLeftWhereTheUserPutIt() throws IOException {
        Fixture f = fixture("alice", 0);
        served.clear(); // and nothing to download either
        DatasetResolver resolver = resolver();
        Path target = resolver.cachedFile(f.dataset());
        Path placed = target.resolveSibling(f.source().fileName());
        Files.createDirectories(target.getParent());
        Files.write(placed, zip(Map.of("gutenberg/carroll-alice.txt", "not the book".getBytes(StandardCharsets.UTF_8))));
        assertThatThrownBy(() -> resolver.resolve(f.dataset(), Optional.empty(), "--file", DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("the file placed at " + placed + " (left there)").hasMessageContaining("bytes");
        assertThat(placed).exists();
        assertThat(target).doesNotExist();
    }

    private static void assertContent(Fixture f, Path path) throws IOException {
        if (f.dataset().folder()) {
            for (Map.Entry<String, byte[]> e : f.expectedFiles().entrySet()) {
                assertThat(path.resolve(e.getKey())).hasBinaryContent(e.getValue());
            }
            assertThat(path.resolve("nested")).doesNotExist();
            assertThat(path.resolve("ca04")).doesNotExist();
        } else {
            // byte for byte: latin-1 and UTF-8 bytes of the fixture come out unchanged (no re-encoding)
            assertThat(path).hasBinaryContent(f.expectedFiles().values().iterator().next());
        }
    }

    @Test
    void everyEntryIsDocumented() {
        assertThat(DatasetRegistry.all()).extracting(Dataset::name).doesNotHaveDuplicates();
        for (Dataset d : DatasetRegistry.all()) {
            assertThat(List.of(d.title(), d.description(), d.license(), d.checksumNote(), d.dataPath()))
                    .as(d.name()).allSatisfy(s -> assertThat(s).isNotBlank());
            assertThat(d.homepage().getScheme()).as(d.name()).startsWith("http");
            d.sources().forEach(s -> assertThat(s.url().getScheme()).as(d.name()).startsWith("http"));
        }
    }

    @Test
    void coversEveryDatasetTheExamplesRead() {
        assertThat(DatasetRegistry.all()).extracting(Dataset::name).contains("alice", "brown", "questions-words",
                "simlex-999", "men", "text8", "english-corpus", "sentiment140", "sentiment140-combined", "sanders");
    }

    /** Every recorded checksum against the developers' copy at the entry's NLPKIT_DATA path (skipped without it). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checksummed")
    void recordedChecksumsMatchTheDevelopersCopies(String name) throws IOException {
        Dataset dataset = DatasetRegistry.byName(name);
        Path copy = SharedData.require(dataset.dataPath());
        Checksums.Measured measured = Checksums.measure(dataset, copy);
        assertThat(measured.bytes()).isEqualTo(dataset.size().getAsLong());
        assertThat(measured.sha256()).isEqualTo(dataset.sha256().orElseThrow());
    }

    static Stream<String> checksummed() {
        return DatasetRegistry.all().stream().filter(d -> d.sha256().isPresent()).map(Dataset::name);
    }

    @Test
    void theDevelopersFolderIsFoundThroughNlpkitDataInItsOwnLayout() throws IOException {
        Path data = home.resolve("data");
        Path alice = data.resolve(DatasetRegistry.ALICE.dataPath());
        Files.createDirectories(alice.getParent());
        Files.writeString(alice, "Alice");
        Path cached = home.resolve("cache/alice/carroll-alice.txt");
        Files.createDirectories(cached.getParent());
        Files.writeString(cached, "cached");
        DatasetResolver resolver = new DatasetResolver(
                new DataEnvironment(Optional.of(data), home.resolve("cache"), Optional.empty()),
                new Downloader(Duration.ofSeconds(1)));
        assertThat(resolver.findLocal(DatasetRegistry.ALICE)).contains(alice);
        Files.delete(alice);
        assertThat(resolver.findLocal(DatasetRegistry.ALICE)).contains(cached);
    }

    @Test
    void offlineTheMessageNamesTheDatasetTheUrlAndThePathToPlaceItAt() throws IOException {
        DatasetResolver offline = new DatasetResolver(new DataEnvironment(Optional.empty(), home.resolve("cache"),
                Optional.of(URI.create("http://127.0.0.1:1/"))), new Downloader(Duration.ofSeconds(2)));
        assertThatThrownBy(() -> offline.resolve(DatasetRegistry.ALICE, Optional.empty(), "--file",
                DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class)
                .hasMessageContaining("'alice'")
                .hasMessageContaining("http://127.0.0.1:1/alice/gutenberg.zip")
                .hasMessageContaining(home.resolve("cache/alice/gutenberg.zip").toString())
                .hasMessageContaining("gutenberg/carroll-alice.txt")
                .hasMessageContaining(home.resolve("cache/alice/carroll-alice.txt").toString())
                .hasMessageContaining("with --file.")
                .message().doesNotContainIgnoringCase("shared");
    }

    @Test
    void aDatasetWithoutPublicDownloadSaysSoAndWhereToPlaceIt() {
        DatasetResolver resolver = new DatasetResolver(new DataEnvironment(Optional.empty(), home.resolve("cache"),
                Optional.empty()), new Downloader(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> resolver.resolve(DatasetRegistry.ENGLISH_CORPUS, Optional.empty(), "--corpus",
                DownloadListener.NONE))
                .isInstanceOf(DatasetUnavailableException.class).hasMessageContaining("no public download")
                .hasMessageContaining(home.resolve("cache/english-corpus/combined-plain.txt.gz").toString())
                .hasMessageContaining("with --corpus.");
    }

    @Test
    void theDownloadBaseReplacesEverySource() {
        DatasetResolver resolver = resolver();
        assertThat(resolver.sources(DatasetRegistry.TEXT8)).extracting(s -> s.url().toString())
                .containsExactly(base() + "text8/text8.zip", base() + "text8/text8.gz");
        assertThat(resolver.sources(DatasetRegistry.TEXT8)).extracting(Source::extraction)
                .containsExactlyElementsOf(DatasetRegistry.TEXT8.sources().stream().map(Source::extraction).toList());
    }

    @Test
    void aMismatchedCopyFailsTheCheck() throws IOException {
        Path cached = home.resolve("cache/questions-words/questions-words.txt");
        Files.createDirectories(cached.getParent());
        Files.writeString(cached, ": capital-common-countries\nAthens Greece Baghdad Iraq\n");
        assertThat(resolver().check(DatasetRegistry.QUESTIONS_WORDS)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(DatasetResolver.Status.MISMATCH));
    }

    /** Text-like bytes with latin-1 (0xE9) and UTF-8 (0xC3 0xA9) sequences, so that any re-encoding shows. */
    private static byte[] text(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            int r = random.nextInt(40);
            bytes[i] = (byte) (r < 26 ? 'a' + r : r < 32 ? ' ' : r < 34 ? '\n' : r < 36 ? 0xE9 : r < 38 ? 0xC3 : 0xA9);
        }
        return bytes;
    }

    private static String parent(String member) {
        return member.contains("/") ? member.substring(0, member.lastIndexOf('/') + 1) : "";
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
