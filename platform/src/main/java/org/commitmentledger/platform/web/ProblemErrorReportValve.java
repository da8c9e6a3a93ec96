package org.commitmentledger.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Answers what Tomcat refuses before a request reaches the service (an encoded NUL or slash in a path, a malformed
 * request line) with a problem response like every other error, instead of Tomcat's HTML page. Public, with a public
 * constructor: Tomcat creates it by class name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Map<Integer, ProblemType> BY_STATUS = Map.of(
            400, Problems.MALFORMED_REQUEST, 404, Problems.NOT_FOUND, 405, Problems.METHOD_NOT_ALLOWED,
            413, Problems.PAYLOAD_TOO_LARGE, 415, Problems.UNSUPPORTED_MEDIA_TYPE,
            500, Problems.INTERNAL_ERROR, 503, Problems.SERVICE_UNAVAILABLE);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        ProblemType type = BY_STATUS.get(response.getStatus());
        if (type == null || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        try {
            // No charset, as the service's other problem responses: the text is ASCII.
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":"
                                     + type.status().value() + ",\"detail\":\"The server refused the request before"
                                     + " reading it\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the response could not be written: the client has gone, or it was committed meanwhile
        }
    }
}
