package cn.gov.planwatch.catalogue.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.ObjectMapper;

/**
 * The line on which each value of a YAML document starts, by field path. The bound model has
 * no positions, so validation looks its problems' lines up here.
 */
public final class SourcePositions {

    private final Map<String, Integer> lines;

    private SourcePositions(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Walks the document once; a syntax error is recorded and ends the walk. */
    public static SourcePositions scan(ObjectMapper mapper, byte[] yaml, Problems problems) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = mapper.createParser(yaml)) {
            try {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token.isScalarValue() || token.isStructStart()) {
                        lines.putIfAbsent(pathOf(parser.streamReadContext()), parser.currentTokenLocation().getLineNr());
                    }
                }
            } catch (JacksonException e) {
                int line = e.getLocation() != null ? e.getLocation().getLineNr() : parser.currentLocation().getLineNr();
                problems.syntaxError(line, pathOf(parser.streamReadContext()), oneLine(e.getOriginalMessage()));
            }
        }
        return new SourcePositions(lines);
    }

    /** Whether the document holds no value at all (nothing, or only comments). */
    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The line of the value at {@code path}, or of its nearest ancestor present in the file. */
    public int lineOf(String path) {
        for (String at = path; ; at = parentOf(at)) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            if (at.isEmpty()) {
                return 1;
            }
        }
    }

    /** The field path of the parser's current value, e.g. {@code programmes[3].measures[0].code}. */
    public static String pathOf(TokenStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray() && at.hasCurrentIndex()) {
                path.insert(0, "[" + at.getCurrentIndex() + "]");
            } else if (at.inObject() && at.hasCurrentName()) {
                path.insert(0, "." + at.currentName());
            }
        }
        return stripLeadingDot(path);
    }

    /** The same path, from the references of a Jackson exception. */
    public static String pathOf(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append('.').append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return stripLeadingDot(path);
    }

    private static String stripLeadingDot(StringBuilder path) {
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    private static String parentOf(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** SnakeYAML's message without its indented source excerpts: the line is reported anyway. */
    private static String oneLine(String message) {
        String text = message == null ? "" : message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining(": "));
        return text.isEmpty() ? "invalid YAML" : text;
    }
}
