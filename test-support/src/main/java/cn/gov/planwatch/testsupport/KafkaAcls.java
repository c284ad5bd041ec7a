package cn.gov.planwatch.testsupport;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The topics and grants of {@code docker/kafka-acls.txt}, the file docker-compose.yml's kafka-init job applies to the
 * broker, read the way that job reads it: {@code topic <name>} and
 * {@code allow <principal> <operation> <topic|group|transactional-id> <LITERAL|PREFIXED> <name>}, {@code #} starts a comment.
 */
public record KafkaAcls(List<String> topics, List<AclBinding> grants) {

    /** Where the file is, from the repository root. */
    public static final String FILE = "docker/kafka-acls.txt";

    /** The compose file's grants, found from the module a build runs in. */
    public static KafkaAcls ofCompose() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(FILE))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(FILE + " not found above " + Path.of("").toAbsolutePath());
        }
        return read(dir.resolve(FILE));
    }

    public static KafkaAcls read(Path file) {
        List<String> topics = new ArrayList<>();
        List<AclBinding> grants = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (words[0].isEmpty() || words[0].startsWith("#")) {
                continue;
            }
            if (words[0].equals("topic") && words.length == 2) {
                topics.add(words[1]);
            } else if (words[0].equals("allow") && words.length == 6) {
                ResourceType type = ResourceType.fromString(words[3].toUpperCase(Locale.ROOT).replace('-', '_'));
                AclOperation operation = AclOperation.fromString(words[2].toUpperCase(Locale.ROOT));
                PatternType pattern = PatternType.fromString(words[4].toUpperCase(Locale.ROOT));
                if (type == ResourceType.UNKNOWN || operation == AclOperation.UNKNOWN || pattern == PatternType.UNKNOWN) {
                    throw new IllegalArgumentException(file + ": cannot read \"" + line + "\"");
                }
                grants.add(new AclBinding(new ResourcePattern(type, words[5], pattern),
                        new AccessControlEntry("User:" + words[1], "*", operation, AclPermissionType.ALLOW)));
            } else {
                throw new IllegalArgumentException(file + ": cannot read \"" + line + "\"");
            }
        }
        return new KafkaAcls(List.copyOf(topics), List.copyOf(grants));
    }

    /** Every user the grants name (without {@code User:}). */
    public SortedSet<String> principals() {
        SortedSet<String> names = new TreeSet<>();
        grants.forEach(grant -> names.add(grant.entry().principal().substring("User:".length())));
        return names;
    }
}
