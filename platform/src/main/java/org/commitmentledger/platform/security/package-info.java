/**
 * Who may call what, the same way in both services. Services add no rules of their own: they follow the URL
 * conventions this package enforces.
 */
package org.commitmentledger.platform.security;
