/**
 * Rebuilds: any projection can be built again from the event log into new tables while reads go on, then switched in
 * one transaction. Knows projections only through {@link org.commitmentledger.query.rebuild.RebuildableProjection}.
 */
package org.commitmentledger.query.rebuild;
