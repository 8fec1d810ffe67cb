package fr.gouv.conventions.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON request body, built from a valid one and changed one member at a time: {@code set("parties/0/role", "X")}
 * replaces a member (a path of names and indexes), {@code remove("kind")} leaves it out.
 */
final class JsonBody {

    private final ObjectNode root;

    private JsonBody(ObjectNode root) {
        this.root = root;
    }

    static JsonBody of(String json) {
        try {
            return new JsonBody((ObjectNode) HttpApi.JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Sets a member to a string, a number, a boolean, null, or a {@link #raw} piece of JSON. */
    JsonBody set(String path, Object value) {
        JsonBody copy = copy();
        int last = path.lastIndexOf('/');
        JsonNode parent = last < 0 ? copy.root : copy.root.at("/" + path.substring(0, last));
        String name = path.substring(last + 1);
        JsonNode node = HttpApi.JSON.valueToTree(value);
        if (value instanceof Raw raw) {
            node = raw.node();
        }
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(name), node);
        } else {
            ((ObjectNode) parent).set(name, node);
        }
        return copy;
    }

    JsonBody remove(String path) {
        JsonBody copy = copy();
        int last = path.lastIndexOf('/');
        JsonNode parent = last < 0 ? copy.root : copy.root.at("/" + path.substring(0, last));
        ((ObjectNode) parent).remove(path.substring(last + 1));
        return copy;
    }

    /** A piece of JSON to set as it is, such as an array or an object. */
    static Raw raw(String json) {
        try {
            return new Raw(HttpApi.JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    record Raw(JsonNode node) {
    }

    private JsonBody copy() {
        return new JsonBody(root.deepCopy());
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
