package io.aimsgate.inventory;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** Stores a short list of labels in one column; labels are validated to contain no separator. */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {

    static final String SEPARATOR = "|";

    @Override
    public String convertToDatabaseColumn(List<String> values) {
        return values == null ? "" : String.join(SEPARATOR, values);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(column.split("\\|"));
    }
}
