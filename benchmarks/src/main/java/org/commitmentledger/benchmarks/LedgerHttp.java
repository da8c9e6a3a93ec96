package org.commitmentledger.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The services' HTTP API as the benchmarks use it: the local users, JSON in, bodies out. */
final class LedgerHttp {

    static final String MONITOR = basic("monitor", "monitor-local");
    static final String AUDITOR = basic("auditor", "auditor-local");
    static final String ADMIN = basic("admin", "admin-local");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Posts JSON; returns the body of an answer in {@code expected}, fails on any other. */
    String post(URI uri, String user, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                                                          .header("Authorization", user)
                                                          .header("Content-Type", "application/json")
                                                          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                                  HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A monitor's write, answered 201. */
    String record(URI uri, String body) throws Exception {
        return post(uri, MONITOR, body, 201);
    }

    /** The body of a 200, or empty for any other answer. */
    String get(URI uri, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (user != null) {
            request.header("Authorization", user);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "";
    }

    String get(URI uri) throws Exception {
        return get(uri, null);
    }

    /** The first number a JSON body gives for {@code field}, or -1. */
    static double number(String json, String field) {
        Matcher value = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?[\\d.Ee+-]+)").matcher(json);
        return value.find() ? Double.parseDouble(value.group(1)) : -1;
    }

    /** The first text a JSON body gives for {@code field}, or empty. */
    static String text(String json, String field) {
        Matcher value = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return value.find() ? value.group(1) : "";
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
