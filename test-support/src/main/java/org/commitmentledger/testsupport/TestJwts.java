package org.commitmentledger.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An issuer of JWTs for tests: a key pair generated for this JVM, tokens signed with it (RS256), and an HTTP server on
 * loopback that answers OpenID discovery and the key set, so that a service trusts it exactly as it is configured in
 * production, by {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} alone.
 */
public final class TestJwts {

    private static final TestJwts INSTANCE = start();

    private final KeyPair keys;
    private final String issuer;

    private TestJwts(KeyPair keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    public static TestJwts get() {
        return INSTANCE;
    }

    /** Configures the service under test to trust this issuer and key, as production configures its own. */
    public void trustedBy(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
    }

    /** A token the service must accept for the given roles. */
    public String valid(String subject, String... roles) {
        Instant now = Instant.now();
        return sign(issuer, subject, now, now.plus(Duration.ofHours(1)), roles);
    }

    /** Signed with the trusted key, but naming another issuer. */
    public String fromWrongIssuer(String subject, String... roles) {
        Instant now = Instant.now();
        return sign("https://somebody-else.example", subject, now, now.plus(Duration.ofHours(1)), roles);
    }

    /** From the trusted issuer, expired an hour ago (well beyond any clock skew allowed). */
    public String expired(String subject, String... roles) {
        Instant now = Instant.now();
        return sign(issuer, subject, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), roles);
    }

    private String sign(String issuer, String subject, Instant issuedAt, Instant expiresAt, String... roles) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"test\"}";
        String claims = "{\"iss\":\"%s\",\"sub\":\"%s\",\"iat\":%d,\"exp\":%d,\"roles\":[%s]}".formatted(
                issuer, subject, issuedAt.getEpochSecond(), expiresAt.getEpochSecond(),
                List.of(roles).stream().map(role -> "\"" + role + "\"").collect(Collectors.joining(",")));
        String signed = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static TestJwts start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            RSAPublicKey key = (RSAPublicKey) keys.getPublic();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            serve(server, "/.well-known/openid-configuration", """
                    {"issuer": "%s", "jwks_uri": "%s/jwks", "id_token_signing_alg_values_supported": ["RS256"],
                     "subject_types_supported": ["public"], "response_types_supported": ["code"]}"""
                    .formatted(issuer, issuer));
            serve(server, "/jwks", """
                    {"keys": [{"kty": "RSA", "use": "sig", "alg": "RS256", "kid": "test", "n": "%s", "e": "%s"}]}"""
                    .formatted(base64(unsigned(key.getModulus())), base64(unsigned(key.getPublicExponent()))));
            server.setExecutor(runnable -> {
                Thread thread = new Thread(runnable, "test-jwt-issuer");
                thread.setDaemon(true);
                thread.start();
            });
            server.start();
            return new TestJwts(keys, issuer);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(HttpServer server, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    /** A JWK's numbers are big-endian without the sign byte Java adds. */
    private static byte[] unsigned(BigInteger number) {
        byte[] bytes = number.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
