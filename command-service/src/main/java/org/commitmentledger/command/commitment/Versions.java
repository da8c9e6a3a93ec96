package org.commitmentledger.command.commitment;

import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;
import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A commitment's version as an entity tag: {@code "3"}. */
final class Versions {

    private static final Pattern STRONG_TAG = Pattern.compile("\\s*\"(\\d{1,18})\"\\s*");

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header asks for; null when there is no header or it is {@code *}. */
    static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = STRONG_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new InvalidRequestException(List.of(new FieldProblem(HttpHeaders.IF_MATCH,
                    "must be one strong entity tag as sent in ETag, such as \"3\"")));
        }
        return Long.parseLong(matcher.group(1));
    }
}
