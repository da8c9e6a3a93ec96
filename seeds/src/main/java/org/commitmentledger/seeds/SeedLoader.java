package org.commitmentledger.seeds;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records the seed dataset and CBP files through the command API, so that every rule of the ledger applies to them.
 * Every request carries an Idempotency-Key derived from the item, so a second run records nothing: each item is then
 * reported as already present.
 */
public final class SeedLoader {

    private static final Set<String> ALREADY_THERE = Set.of(
            "urn:commitment-ledger:problem:commitment-exists", "urn:commitment-ledger:problem:claim-exists",
            "urn:commitment-ledger:problem:duplicate-report");
    private static final String ASSESSOR = "seed dataset";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI commandApi;
    private final String authorization;
    private final Progress progress;

    public SeedLoader(URI commandApi, String user, String password, PrintStream out) {
        this.commandApi = commandApi;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.progress = new Progress(out);
    }

    /** What a run did: items recorded now, items found recorded already, items refused with the reason. */
    public record Summary(int loaded, int alreadyPresent, List<String> rejected) {

        @Override
        public String toString() {
            return loaded + " loaded, " + alreadyPresent + " already present, " + rejected.size() + " rejected";
        }
    }

    public Summary loadSeeds() {
        List<SeedDocument> documents = SeedDataset.load();
        List<Item> items = new ArrayList<>();
        for (SeedDocument document : documents) {
            document.commitments().forEach(c -> items.add(commitment(document, c)));
        }
        for (SeedDocument document : documents) {
            for (int i = 0; i < document.reaffirmations().size(); i++) {
                items.add(reaffirmation(document, document.reaffirmations().get(i), i));
            }
            document.progress().forEach(p -> items.add(progress(document, p)));
            document.claims().forEach(c -> items.add(claim(document, c)));
        }
        return send("seeds", items);
    }

    /** Imports a CBP Southwest Land Border Encounters file as one release. */
    public Summary importCbp(InputStream file, String release, String document) {
        byte[] body;
        try {
            body = file.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String path = "/api/encounters/imports?release=" + encode(release) + "&document=" + encode(document);
        String key = "cbp:" + sha256((release + "\n" + document + "\n").getBytes(StandardCharsets.UTF_8), body);
        Item item = new Item("CBP release " + release, path, key, "text/csv", body);
        return send("CBP import", List.of(item));
    }

    private Summary send(String what, List<Item> items) {
        int loaded = 0;
        int present = 0;
        List<String> rejected = new ArrayList<>();
        progress.start(what, items.size());
        for (Item item : items) {
            HttpResponse<String> response = post(item);
            JsonNode body = response.body().isBlank() ? null : json.readTree(response.body());
            if (response.statusCode() == 201) {
                if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                    present++;
                } else {
                    loaded++;
                }
            } else if (response.statusCode() == 409 && body != null
                    && ALREADY_THERE.contains(body.path("type").asString())) {
                present++;
            } else {
                rejected.add(item.name() + ": " + response.statusCode() + " "
                        + (body == null ? "" : body.path("detail").asString() + " " + body.path("errors")));
            }
            progress.step();
        }
        Summary summary = new Summary(loaded, present, rejected);
        progress.finish(what, summary);
        return summary;
    }

    private HttpResponse<String> post(Item item) {
        HttpRequest request = HttpRequest.newBuilder(commandApi.resolve(item.path()))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", authorization)
                .header("Content-Type", item.contentType())
                .header("Idempotency-Key", item.idempotencyKey())
                .header("X-Correlation-Id", "seed-loader")
                .POST(HttpRequest.BodyPublishers.ofByteArray(item.body()))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the command API at " + commandApi + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading seeds", e);
        }
    }

    private Item commitment(SeedDocument document, SeedDocument.Commitment c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", c.id());
        body.put("title", c.title());
        body.put("description", c.description());
        body.put("parties", c.parties());
        body.put("category", c.category());
        body.put("madeOn", c.madeOn().toString());
        if (c.dueBy() != null) {
            body.put("dueBy", c.dueBy().toString());
        }
        if (c.target() != null) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("quantity", c.target().quantity());
            target.put("unit", c.target().unit());
            target.put("asWritten", c.target().asWritten());
            target.put("uncertain", Boolean.TRUE.equals(c.target().uncertain()));
            body.put("target", target);
        }
        body.put("source", source(document, c.locator()));
        return jsonItem("commitment " + c.id(), "/api/commitments", key(document, "commitment", c.id()), body);
    }

    private Item reaffirmation(SeedDocument document, SeedDocument.Reaffirmation r, int index) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("effectiveOn", r.effectiveOn().toString());
        body.put("source", source(document, r.locator()));
        body.put("reason", r.reason());
        return jsonItem("reaffirmation of " + r.commitment(), "/api/commitments/" + r.commitment() + "/reaffirmations",
                        key(document, "reaffirmation", r.commitment() + ":" + index), body);
    }

    private Item progress(SeedDocument document, SeedDocument.Progress p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportId", p.reportId());
        body.put("effectiveOn", p.effectiveOn().toString());
        body.put("status", p.status());
        if (p.quantity() != null) {
            body.put("quantity", p.quantity());
            body.put("quantityAsWritten", p.quantityAsWritten());
            body.put("quantityUncertain", Boolean.TRUE.equals(p.quantityUncertain()));
        }
        body.put("summary", p.summary());
        body.put("source", source(document, p.locator()));
        body.put("assessor", ASSESSOR);
        return jsonItem("progress " + p.commitment() + "/" + p.reportId(),
                        "/api/commitments/" + p.commitment() + "/progress",
                        key(document, "progress", p.commitment() + ":" + p.reportId()), body);
    }

    private Item claim(SeedDocument document, SeedDocument.Claim c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", c.id());
        body.put("claimant", c.claimant());
        body.put("party", c.party());
        body.put("claimedOn", c.claimedOn().toString());
        body.put("statement", c.statement());
        body.put("metric", c.metric());
        body.put("scope", c.scope());
        body.put("baseline", c.baseline());
        body.put("comparison", c.comparison());
        body.put("claimedChangePercent", c.claimedChangePercent());
        body.put("claimedExtreme", c.claimedExtreme());
        body.put("figure", c.figure());
        body.put("tolerancePercentagePoints", c.tolerancePercentagePoints());
        body.put("source", source(document, c.locator()));
        body.values().removeIf(value -> value == null);
        return jsonItem("claim " + c.id(), "/api/claims", key(document, "claim", c.id()), body);
    }

    private static Map<String, Object> source(SeedDocument document, String locator) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("document", document.document().file());
        source.put("title", document.document().title());
        source.put("publishedOn", document.document().publishedOn().toString());
        source.put("url", document.document().url());
        source.put("locator", locator);
        return source;
    }

    private Item jsonItem(String name, String path, String key, Map<String, Object> body) {
        return new Item(name, path, key, "application/json", json.writeValueAsBytes(body));
    }

    private static String key(SeedDocument document, String kind, String id) {
        return "seed:" + document.document().file() + ":" + kind + ":" + id;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Item(String name, String path, String idempotencyKey, String contentType, byte[] body) {
    }

    /**
     * A one-line counter with its rate, redrawn in place on a terminal and printed every tenth of the way
     * otherwise.
     */
    private static final class Progress {
        private final PrintStream out;
        private final boolean terminal = System.console() != null;
        private int total;
        private int done;
        private long started;

        Progress(PrintStream out) {
            this.out = out;
        }

        void start(String what, int total) {
            this.total = total;
            this.done = 0;
            this.started = System.nanoTime();
            out.printf("%s: %d items%n", what, total);
        }

        void step() {
            done++;
            if (terminal) {
                out.printf("\r  %d/%d (%.0f/s)   ", done, total, rate());
            } else if (total >= 10 && done % (total / 10) == 0) {
                out.printf("  %d/%d (%.0f/s)%n", done, total, rate());
            }
        }

        void finish(String what, Summary summary) {
            if (terminal) {
                out.println();
            }
            out.printf("%s: %s%n", what, summary);
            summary.rejected().forEach(reason -> out.println("  rejected " + reason));
        }

        private double rate() {
            double seconds = (System.nanoTime() - started) / 1e9;
            return seconds <= 0 ? 0 : done / seconds;
        }
    }

    /**
     * {@code java -cp launcher/target/launcher.jar org.commitmentledger.seeds.SeedLoader [--cbp FILE --release LABEL]}:
     * loads the seeds (and a CBP file) into the ledger at {@code LEDGER_COMMAND_URL} (default
     * {@code http://127.0.0.1:8081}) as {@code LEDGER_SEED_USER} / {@code LEDGER_SEED_PASSWORD}.
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        SeedLoader loader = new SeedLoader(
                URI.create(System.getenv().getOrDefault("LEDGER_COMMAND_URL", "http://127.0.0.1:8081")),
                System.getenv().getOrDefault("LEDGER_SEED_USER", "monitor"),
                System.getenv().getOrDefault("LEDGER_SEED_PASSWORD", "monitor-local"), System.out);
        boolean failed;
        if (options.containsKey("--cbp")) {
            Path file = Path.of(options.get("--cbp"));
            String release = options.getOrDefault("--release", file.getFileName().toString());
            try (InputStream in = Files.newInputStream(file)) {
                failed = !loader.importCbp(in, release, file.getFileName().toString()).rejected().isEmpty();
            }
        } else {
            failed = !loader.loadSeeds().rejected().isEmpty();
        }
        System.exit(failed ? 1 : 0);
    }
}
