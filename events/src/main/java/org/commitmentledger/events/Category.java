package org.commitmentledger.events;

/** What a commitment is about. */
public enum Category {
    ENFORCEMENT,
    ANTI_SMUGGLING,
    ASYLUM_AND_PROTECTION,
    LEGAL_PATHWAYS,
    ROOT_CAUSES,
    BORDER_INFRASTRUCTURE,
    RETURNS,
    COORDINATION
}
