/**
 * What the command service's features share at their HTTP edge: who is calling (command metadata), where reads are
 * answered, sources as requests give them.
 */
package org.commitmentledger.command.web;
