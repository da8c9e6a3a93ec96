package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The slice of CBP's encounter figures a claim speaks of, with CBP's labels; an empty list means all values of that
 * dimension. A claim about Cuban, Haitian, Nicaraguan and Venezuelan nationals lists those four citizenships.
 */
public record ClaimScope(
        @JsonProperty(required = true) List<String> component,
        @JsonProperty(required = true) List<String> demographic,
        @JsonProperty(required = true) List<String> citizenship,
        @JsonProperty(required = true) List<String> titleOfAuthority,
        @JsonProperty(required = true) List<String> encounterType) {

    public static final ClaimScope ALL = new ClaimScope(List.of(), List.of(), List.of(), List.of(), List.of());

    public ClaimScope {
        component = component == null ? List.of() : List.copyOf(component);
        demographic = demographic == null ? List.of() : List.copyOf(demographic);
        citizenship = citizenship == null ? List.of() : List.copyOf(citizenship);
        titleOfAuthority = titleOfAuthority == null ? List.of() : List.copyOf(titleOfAuthority);
        encounterType = encounterType == null ? List.of() : List.copyOf(encounterType);
    }
}
