package org.commitmentledger.command.encounter;

import java.time.YearMonth;

/** A release is a publication: it cannot say two different things about the same month and slice. */
class ReleaseConflictException extends RuntimeException {

    ReleaseConflictException(String series, YearMonth period, String release, long recorded, long given) {
        super("release " + release + " already gives " + recorded + " for " + period + " in " + series
                + ", not " + given);
    }
}
