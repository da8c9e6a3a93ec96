/**
 * What every HTTP API of the ledger shares: RFC 9457 problem responses with stable types, and request validation
 * helpers. Depends on nothing else in the project.
 */
package org.commitmentledger.platform.web;
