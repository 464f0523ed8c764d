package io.sluice.model;

/** A field an event can carry typed, outside {@code labels}: its ECS name and Elasticsearch type. */
public record TypedField(String name, FieldType type) {

    /** The label name the same value has when it cannot be typed: dots become underscores, as for every label. */
    public String labelName() {
        return name.replace('.', '_');
    }
}
