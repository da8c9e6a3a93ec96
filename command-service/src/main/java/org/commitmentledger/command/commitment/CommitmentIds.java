package org.commitmentledger.command.commitment;

import org.commitmentledger.events.CommitmentId;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** Readable ids for commitments created without one: the title's first words and a random suffix. */
final class CommitmentIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CommitmentIds() {
    }

    static CommitmentId from(String title) {
        String words = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (words.length() > 60) {
            words = words.substring(0, 60).replaceAll("-+$", "");
        }
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        String hex = HexFormat.of().formatHex(suffix);
        return new CommitmentId(words.isEmpty() ? "commitment-" + hex : words + "-" + hex);
    }
}
