package org.commitmentledger.seeds;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed files on the class path, listed in {@code seeds/index.txt} in load order, read strictly: an unknown key
 * is an error, not something silently dropped.
 */
public final class SeedDataset {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SeedDataset() {
    }

    public static List<SeedDocument> load() {
        List<SeedDocument> documents = new ArrayList<>();
        for (String file : index()) {
            try (InputStream in = resource("seeds/" + file)) {
                documents.add(YAML.readValue(in, SeedDocument.class));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read seed file " + file, e);
            } catch (RuntimeException e) {
                throw new IllegalStateException("seed file " + file + " is invalid: " + e.getMessage(), e);
            }
        }
        return documents;
    }

    static List<String> index() {
        try (InputStream in = resource("seeds/index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = SeedDataset.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the class path");
        }
        return in;
    }
}
