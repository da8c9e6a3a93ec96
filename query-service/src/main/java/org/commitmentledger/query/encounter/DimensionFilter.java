package org.commitmentledger.query.encounter;

import org.commitmentledger.platform.web.FieldProblem;
import org.commitmentledger.platform.web.InvalidRequestException;
import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which slice of the figures to add up: for each of CBP's dimensions, the labels to keep (a parameter given several
 * times keeps several); a dimension left out keeps every label.
 */
public record DimensionFilter(Map<String, List<String>> labels) {

    /** Request parameter name to column. */
    static final Map<String, String> COLUMNS = Map.of(
            "component", "component", "demographic", "demographic", "citizenship", "citizenship",
            "titleOfAuthority", "title_of_authority", "encounterType", "encounter_type");

    public static final DimensionFilter NONE = new DimensionFilter(Map.of());

    public DimensionFilter {
        labels = Map.copyOf(labels);
    }

    static DimensionFilter from(MultiValueMap<String, String> parameters) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String dimension : COLUMNS.keySet()) {
            List<String> values = parameters.get(dimension);
            if (values == null || values.isEmpty()) {
                continue;
            }
            if (values.size() > 50 || values.stream().anyMatch(v -> v.isBlank() || v.length() > 100)) {
                problems.add(new FieldProblem(dimension, "at most 50 labels of 1 to 100 characters"));
                continue;
            }
            labels.put(dimension, values.stream().map(String::strip).toList());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new DimensionFilter(labels);
    }
}
