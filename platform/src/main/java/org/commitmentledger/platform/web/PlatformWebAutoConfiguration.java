package org.commitmentledger.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Problem responses for every controller of the service that includes this module. */
@AutoConfiguration
@Import(ApiExceptionHandler.class)
public class PlatformWebAutoConfiguration {
}
