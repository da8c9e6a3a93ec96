/** What the query service's features share at their HTTP edge: the two time axes of every read. */
package org.commitmentledger.query.web;
