package dev.nlpkit.examples.serve;

import static dev.nlpkit.examples.serve.ServeFixture.get;
import static dev.nlpkit.examples.serve.ServeFixture.json;
import static dev.nlpkit.examples.serve.ServeFixture.post;
import static dev.nlpkit.examples.serve.ServeFixture.predict;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.classify.Explanation;
import dev.nlpkit.classify.TextClassifier;

/** Every route and every error of {@link ClassifierServer}, over HTTP on 127.0.0.1. */
class ServeApiTest {

    private static final String KEY = "s3cret-key-for-the-test";

    @TempDir
    static Path dir;

    static Path file;
    static TextClassifier model;
    static ClassifierServer server;
    static ClassifierServer keyed;

    @BeforeAll
    static void start() throws Exception {
        file = ServeFixture.bundle(dir);
        model = ServeFixture.load(file);
        server = ClassifierServer.start(model, file, ServeFixture.options());
        keyed = ClassifierServer.start(model, file, ServeFixture.options().withApiKey(KEY));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (keyed != null) {
            keyed.stop();
        }
    }

    private static void assertError(HttpResponse<String> r, int status, String... mentions) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = json(r);
        assertThat(body.size()).isEqualTo(1);
        String error = body.get("error").asText();
        for (String m : mentions) {
            assertThat(error).contains(m);
        }
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.nlpkit");
    }

    @Test
    void binds_to_loopback_by_default_and_prints_its_url() {
        assertThat(ServeOptions.defaults().host()).isEqualTo("127.0.0.1");
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
    }

    @Test
    void healthz_and_readyz_answer_ok() throws Exception {
        assertThat(json(get(server, "/healthz")).get("status").asText()).isEqualTo("ok");
        HttpResponse<String> ready = get(server, "/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("status").asText()).isEqualTo("ready");
    }

    @Test
    void predict_answers_what_the_classifier_answers_in_process() throws Exception {
        List<String> texts = List.of("I love this so much, best day ever!", "ugh, rain all day. no sun :(", "");
        HttpResponse<String> r = predict(server, ServeFixture.JSON.writeValueAsString(
                java.util.Map.of("texts", texts)));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("labels").toString()).isEqualTo("[\"negative\",\"positive\"]");
        double[][] expected = model.predictProba(texts);
        List<String> labels = model.predict(texts);
        for (int i = 0; i < texts.size(); i++) {
            JsonNode result = body.get("results").get(i);
            assertThat(result.get("label").asText()).isEqualTo(labels.get(i));
            assertThat(result.get("probabilities").get("negative").asDouble()).isCloseTo(expected[i][0], org.assertj.core.data.Offset.offset(1e-6));
            assertThat(result.get("probabilities").get("positive").asDouble()).isCloseTo(expected[i][1], org.assertj.core.data.Offset.offset(1e-6));
            assertThat(result.has("tokens")).isFalse();
        }
    }

    @Test
    void predict_with_explain_gives_tokens_as_written_with_offsets() throws Exception {
        String text = "@bob NOT bad at all :) http://example.com";
        JsonNode result = json(predict(server, "{\"texts\": [" + ServeFixture.JSON.writeValueAsString(text)
                + "], \"explain\": true}")).get("results").get(0);
        Explanation why = model.explain(text);
        JsonNode tokens = result.get("tokens");
        assertThat(tokens.size()).isEqualTo(why.tokens().size()).isPositive();
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode t = tokens.get(i);
            assertThat(t.get("text").asText()).isEqualTo(text.substring(t.get("start").asInt(), t.get("end").asInt()));
            // to float rounding: the Vector API kernels may differ in the last bit by JIT state (text-classify README)
            assertThat(t.get("contribution").asDouble()).isCloseTo(why.tokens().get(i).contribution(),
                    org.assertj.core.data.Offset.offset(1e-6));
            assertThat(t.get("token").asText()).isEqualTo(why.tokens().get(i).token());
        }
        assertThat(result.get("label").asText()).isEqualTo(why.label());
    }

    @Test
    void model_card_shows_what_the_bundle_holds() throws Exception {
        JsonNode card = json(get(server, "/v1/model"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(card.get("sha256").asText()).isEqualTo(sha);
        assertThat(card.get("labels").toString()).isEqualTo("[\"negative\",\"positive\"]");
        assertThat(card.get("vocabulary_size").asInt()).isEqualTo(model.encoder().vocabulary().size());
        assertThat(card.get("history").get("epochs").size()).isEqualTo(model.history().epochs().size());
        assertThat(card.get("recipe").get("network").asText()).isEqualTo(model.options().network().toString());
        assertThat(card.get("not_recorded").toString()).contains("training data size", "test metrics");
        assertThat(card.has("training_size")).isFalse();
    }

    @Test
    void neighbours_are_the_most_cosine_similar_embedding_rows() throws Exception {
        String word = model.encoder().vocabulary().term(5);
        JsonNode body = json(get(server, "/v1/neighbours?k=5&word=" + java.net.URLEncoder.encode(word,
                StandardCharsets.UTF_8)));
        JsonNode list = body.get("neighbours");
        assertThat(list.size()).isEqualTo(5);
        double previous = Double.POSITIVE_INFINITY;
        List<String> words = new ArrayList<>();
        for (JsonNode n : list) {
            assertThat(n.get("similarity").asDouble()).isLessThanOrEqualTo(previous).isBetween(-1.0001, 1.0001);
            previous = n.get("similarity").asDouble();
            words.add(n.get("word").asText());
        }
        assertThat(words).doesNotContain(word, "<pad>", "<unk>");
        // brute force over the table in doubles: the best row must be the first answer
        Neighbours all = Neighbours.of(model.network(), model.encoder().vocabulary());
        assertThat(all.nearest(word, 1).get(0).word()).isEqualTo(words.get(0));
    }

    @Test
    void neighbours_errors_name_the_parameter() throws Exception {
        assertError(get(server, "/v1/neighbours"), 400, "\"word\"");
        assertError(get(server, "/v1/neighbours?word=good&k=abc"), 400, "\"k\"");
        assertError(get(server, "/v1/neighbours?word=good&k=0"), 400, "\"k\"");
        assertError(get(server, "/v1/neighbours?word=zzqqxxnotaword"), 404, "zzqqxxnotaword", "vocabulary");
    }

    @Test
    void metrics_count_requests_by_route_and_status_and_texts_scored() throws Exception {
        predict(server, "{\"texts\": [\"a\", \"b\", \"c\"]}");
        get(server, "/no/such/route");
        String metrics = get(server, "/metrics").body();
        assertThat(metrics).contains("nlpkit_http_requests_total{route=\"predict\",status=\"200\"}");
        assertThat(metrics).contains("nlpkit_http_requests_total{route=\"unmatched\",status=\"404\"}");
        assertThat(metrics).contains("nlpkit_http_request_duration_seconds_bucket{route=\"predict\",le=\"0.01\"}");
        assertThat(metrics).containsPattern("nlpkit_texts_scored_total [1-9][0-9]*");
    }

    @Test
    void openapi_document_describes_every_route() throws Exception {
        JsonNode doc = json(get(server, "/v1/openapi.json"));
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/v1/predict", "/v1/model", "/v1/neighbours",
                "/v1/openapi.json", "/healthz", "/readyz", "/metrics");
    }

    @Test
    void page_and_its_files_are_served_from_the_jar_without_external_urls() throws Exception {
        HttpResponse<String> page = get(server, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<label for=\"text\"").contains("app.js");
        for (String f : List.of("/", "/app.js", "/app.css")) {
            String body = get(server, f).body();
            assertThat(body).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
        }
    }

    @Test
    void body_over_one_mebibyte_is_413() throws Exception {
        byte[] body = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        assertError(post(server, "/v1/predict", "application/json", body), 413, "1048576 bytes");
    }

    @Test
    void more_than_1000_texts_is_400() throws Exception {
        ArrayNode texts = ServeFixture.JSON.createArrayNode();
        for (int i = 0; i < 1001; i++) {
            texts.add("t");
        }
        ObjectNode body = ServeFixture.JSON.createObjectNode().set("texts", texts);
        assertError(predict(server, body.toString()), 400, "\"texts\"", "1001", "1000");
    }

    @Test
    void malformed_json_is_400() throws Exception {
        assertError(predict(server, "{\"texts\": [\"a\""), 400, "malformed JSON");
    }

    @Test
    void missing_texts_is_400_naming_the_field() throws Exception {
        assertError(predict(server, "{\"text\": [\"a\"]}"), 400, "\"texts\"");
    }

    @Test
    void texts_not_an_array_is_400_naming_the_field() throws Exception {
        assertError(predict(server, "{\"texts\": \"a\"}"), 400, "\"texts\"");
    }

    @Test
    void a_non_string_element_is_400_naming_its_index() throws Exception {
        assertError(predict(server, "{\"texts\": [\"a\", 3]}"), 400, "texts[1]");
    }

    @Test
    void explain_not_a_boolean_is_400_naming_the_field() throws Exception {
        assertError(predict(server, "{\"texts\": [\"a\"], \"explain\": \"yes\"}"), 400, "\"explain\"");
    }

    @Test
    void wrong_content_type_is_415() throws Exception {
        assertError(post(server, "/v1/predict", "text/plain", "{\"texts\": [\"a\"]}".getBytes(StandardCharsets.UTF_8)),
                415, "Content-Type", "application/json");
        assertError(post(server, "/v1/predict", null, "{\"texts\": [\"a\"]}".getBytes(StandardCharsets.UTF_8)),
                415, "Content-Type");
    }

    @Test
    void unknown_route_is_404_json() throws Exception {
        assertError(get(server, "/v2/predict"), 404, "/v2/predict");
    }

    @Test
    void with_a_key_a_missing_authorization_is_401() throws Exception {
        assertError(predict(keyed, "{\"texts\": [\"a\"]}"), 401, "Authorization");
        assertError(get(keyed, "/v1/model"), 401, "Authorization");
        assertError(get(keyed, "/v1/neighbours?word=good"), 401, "Authorization");
    }

    @Test
    void with_a_key_a_wrong_key_is_401_and_never_echoed() throws Exception {
        HttpResponse<String> r = predict(keyed, "{\"texts\": [\"a\"]}", "Authorization", "Bearer " + KEY + "x");
        assertError(r, 401, "wrong API key");
        assertThat(r.body()).doesNotContain(KEY);
        assertThat(keyed.toString() + ServeFixture.options().withApiKey(KEY)).doesNotContain(KEY);
    }

    @Test
    void with_a_key_the_right_key_is_accepted_and_probes_stay_open() throws Exception {
        assertThat(predict(keyed, "{\"texts\": [\"a\"]}", "Authorization", "Bearer " + KEY).statusCode()).isEqualTo(200);
        assertThat(get(keyed, "/healthz").statusCode()).isEqualTo(200);
        assertThat(get(keyed, "/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void a_client_that_sends_its_headers_slowly_is_disconnected_after_the_idle_timeout() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            // the server closes the connection (end of stream) once the idle timeout passes, without an answer
            while (in.read() >= 0) {
                // drain whatever the server says on closing (nothing or a 408)
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(seconds).isBetween(1.0, 8.0);
        }
    }

    @Test
    void a_model_that_fails_to_load_stops_the_command_with_one_line() throws Exception {
        Path broken = dir.resolve("broken.nlpkit");
        Files.write(broken, "not a bundle".getBytes(StandardCharsets.UTF_8));
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = dev.nlpkit.examples.cli.NlpkitCommand.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        int code = cli.execute("serve", "--model", broken.toString(), "--port", "0");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
        assertThat(err.toString()).contains("broken.nlpkit");
    }
}
