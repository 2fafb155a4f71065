package dev.redyellow.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code test}, {@code implementer} and {@code review} objects. Each is a discriminated
 * union on {@code kind}; an unknown kind is reported with the known ones and its other fields are
 * not checked (we cannot know which fields it should have).
 */
final class SettingsReader {
    static final int TEST_TIMEOUT = 120;
    static final int AGENT_TIMEOUT = 600;
    static final int MAX_TIMEOUT = 86_400;
    static final double DEFAULT_TEMPERATURE = 0.2;
    static final int DEFAULT_MAX_TOKENS = 4096;

    static final TestSettings DEFAULT_TEST = new TestSettings.JUnit(TEST_TIMEOUT);
    static final ImplementerSettings DEFAULT_IMPLEMENTER = new ImplementerSettings.Replay();
    static final ReviewSettings DEFAULT_REVIEW = new ReviewSettings.Auto();

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> TEST_KINDS = List.of("junit", "command");
    private static final List<String> IMPLEMENTER_KINDS = List.of("replay", "command", "llm");
    private static final List<String> REVIEW_KINDS = List.of("auto", "manual", "command", "llm");
    private static final Set<String> COMMAND_FIELDS = Set.of("kind", "command", "env", "timeoutSeconds");
    private static final Set<String> LLM_FIELDS = Set.of("kind", "baseUrl", "model", "apiKeyEnv", "temperature",
            "maxTokens", "systemPrompt", "timeoutSeconds");

    private final LocatedJson json;
    private final Problems problems;

    SettingsReader(LocatedJson json, Problems problems) {
        this.json = json;
        this.problems = problems;
    }

    TestSettings test(String pointer, JsonNode value) {
        Optional<ObjectFields> object = ObjectFields.of(json, problems, pointer, value, "a test object like {\"kind\": \"junit\"}");
        Optional<String> kind = object.flatMap(fields -> kind(fields, "test", TEST_KINDS));
        if (kind.isEmpty()) {
            return DEFAULT_TEST;
        }
        ObjectFields fields = object.get();
        if (kind.get().equals("junit")) {
            fields.rejectUnknown(Set.of("kind", "timeoutSeconds", "fork", "workerHeapMb", "runsPerWorker",
                    "inheritedEnv"));
            return new TestSettings.JUnit(timeout(fields, TEST_TIMEOUT), fork(fields),
                    fields.integer("workerHeapMb", TestSettings.JUnit.DEFAULT_WORKER_HEAP_MB, 16, 65_536),
                    fields.integer("runsPerWorker", TestSettings.JUnit.DEFAULT_RUNS_PER_WORKER, 1, 100_000),
                    inheritedEnv(fields, Map.of()));
        }
        fields.rejectUnknown(Set.of("kind", "command", "env", "timeoutSeconds", "reports", "rerunDependencyTests",
                "mutationCommand", "fork", "inheritedEnv"));
        List<String> command = fields.strings("command", true, true);
        boolean rerun = fields.bool("rerunDependencyTests", false);
        if (rerun && command.stream().anyMatch(a -> a.contains("{tests}") || a.contains("{testModules}"))) {
            // Regression mode runs the argv as written; the placeholders would run the own tests only.
            fields.error("rerunDependencyTests", "true runs the command as written, with every test in the workspace,"
                    + " but the command selects the feature's own tests with {tests} or {testModules}; drop one of them");
        }
        Map<String, String> env = fields.stringMap("env");
        return new TestSettings.Command(command, env, timeout(fields, TEST_TIMEOUT),
                fields.optionalString("reports", null, false), rerun, fields.strings("mutationCommand", false, true),
                fork(fields), inheritedEnv(fields, env));
    }

    /**
     * {@code inheritedEnv}: the names of variables from RedYellow's own environment that the tests read,
     * sorted. A name listed twice, one that is no variable name, or one the settings' {@code env} sets
     * (the tests never see its inherited value) is an error at that entry.
     */
    private List<String> inheritedEnv(ObjectFields fields, Map<String, String> env) {
        fields.strings("inheritedEnv", false, false); // reports a wrong type and entries that are no strings
        JsonNode array = fields.get("inheritedEnv").orElse(null);
        if (array == null || !array.isArray()) {
            return List.of();
        }
        java.util.SortedSet<String> valid = new java.util.TreeSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isTextual() || item.textValue().isEmpty()) {
                continue; // reported by strings()
            }
            String name = item.textValue();
            SourceLocation at = json.at(LocatedJson.child(fields.pointerOf("inheritedEnv"), i));
            if (!ENV_NAME.matcher(name).matches()) {
                problems.add(at, "expected the name of an environment variable (letters, digits and _,"
                        + " not starting with a digit), found \"" + name + "\"");
            } else if (env.containsKey(name)) {
                problems.add(at, "\"" + name + "\" is set by \"env\", so the tests never see its inherited"
                        + " value; name it in one of the two");
            } else if (!valid.add(name)) {
                problems.add(at, "\"" + name + "\" is listed twice in inheritedEnv");
            }
        }
        return List.copyOf(valid);
    }

    ImplementerSettings implementer(String pointer, JsonNode value) {
        Optional<ObjectFields> object = ObjectFields.of(json, problems, pointer, value,
                "an implementer object like {\"kind\": \"replay\"}");
        Optional<String> kind = object.flatMap(fields -> kind(fields, "implementer", IMPLEMENTER_KINDS));
        if (kind.isEmpty()) {
            return DEFAULT_IMPLEMENTER;
        }
        ObjectFields fields = object.get();
        switch (kind.get()) {
            case "replay":
                fields.rejectUnknown(Set.of("kind"));
                return new ImplementerSettings.Replay();
            case "command":
                fields.rejectUnknown(COMMAND_FIELDS);
                return new ImplementerSettings.Command(fields.strings("command", true, true), fields.stringMap("env"),
                        timeout(fields, AGENT_TIMEOUT));
            default:
                Llm llm = llm(fields);
                return new ImplementerSettings.Llm(llm.baseUrl, llm.model, llm.apiKeyEnv, llm.temperature, llm.maxTokens,
                        llm.systemPrompt, llm.timeoutSeconds);
        }
    }

    ReviewSettings review(String pointer, JsonNode value) {
        Optional<ObjectFields> object = ObjectFields.of(json, problems, pointer, value, "a review object like {\"kind\": \"auto\"}");
        Optional<String> kind = object.flatMap(fields -> kind(fields, "review", REVIEW_KINDS));
        if (kind.isEmpty()) {
            return DEFAULT_REVIEW;
        }
        ObjectFields fields = object.get();
        switch (kind.get()) {
            case "auto":
                fields.rejectUnknown(Set.of("kind"));
                return new ReviewSettings.Auto();
            case "manual":
                fields.rejectUnknown(Set.of("kind"));
                return new ReviewSettings.Manual();
            case "command":
                fields.rejectUnknown(COMMAND_FIELDS);
                return new ReviewSettings.Command(fields.strings("command", true, true), fields.stringMap("env"),
                        timeout(fields, AGENT_TIMEOUT));
            default:
                Llm llm = llm(fields);
                return new ReviewSettings.Llm(llm.baseUrl, llm.model, llm.apiKeyEnv, llm.temperature, llm.maxTokens,
                        llm.systemPrompt, llm.timeoutSeconds);
        }
    }

    private Optional<String> kind(ObjectFields fields, String what, List<String> known) {
        String choices = String.join(", ", known);
        if (!fields.has("kind")) {
            fields.missing("kind", "one of: " + choices);
            return Optional.empty();
        }
        String kind = fields.optionalString("kind", null, false);
        if (kind == null) {
            return Optional.empty();
        }
        if (!known.contains(kind)) {
            fields.error("kind", "unknown " + what + " kind \"" + kind + "\"; known kinds: " + choices);
            return Optional.empty();
        }
        return Optional.of(kind);
    }

    private static TestSettings.Fork fork(ObjectFields fields) {
        String name = fields.optionalString("fork", null, false);
        if (name == null) {
            return TestSettings.JUnit.DEFAULT_FORK;
        }
        Optional<TestSettings.Fork> mode = TestSettings.Fork.named(name);
        if (mode.isEmpty()) {
            fields.error("fork", "expected \"warm\" or \"perRun\", found \"" + name + "\"");
            return TestSettings.JUnit.DEFAULT_FORK;
        }
        return mode.get();
    }

    /** The {@code mutation} object: {@code {}} measures; {@code minScore} gates. */
    MutationSettings mutation(String pointer, JsonNode value) {
        Optional<ObjectFields> object = ObjectFields.of(json, problems, pointer, value,
                "a mutation object like {} or {\"minScore\": 0.7}");
        if (object.isEmpty()) {
            return MutationSettings.OFF;
        }
        ObjectFields fields = object.get();
        fields.rejectUnknown(Set.of("minScore", "timeoutSeconds", "maxMutantsPerClass"));
        java.util.OptionalDouble minScore = fields.has("minScore")
                ? java.util.OptionalDouble.of(fields.number("minScore", 0, 0, 1)) : java.util.OptionalDouble.empty();
        return new MutationSettings(true, minScore, timeout(fields, MutationSettings.DEFAULT_TIMEOUT_SECONDS),
                fields.integer("maxMutantsPerClass", MutationSettings.DEFAULT_MAX_MUTANTS_PER_CLASS, 0, 1_000_000));
    }

    private static int timeout(ObjectFields fields, int fallback) {
        return fields.integer("timeoutSeconds", fallback, 1, MAX_TIMEOUT);
    }

    /** The fields shared by the llm implementer and the llm reviewer. */
    private record Llm(String baseUrl, String model, String apiKeyEnv, double temperature, int maxTokens,
                       String systemPrompt, int timeoutSeconds) {
    }

    private Llm llm(ObjectFields fields) {
        if (fields.has("apiKey")) {
            // The manifest is shared and stored; a key in it would leak. Say where the key belongs.
            fields.errorAtName("apiKey", "API keys do not belong in the manifest; put the key in an environment"
                    + " variable and name that variable in \"apiKeyEnv\"");
        }
        fields.rejectUnknown(LLM_FIELDS, Set.of("apiKey"));
        String baseUrl = fields.requiredString("baseUrl");
        if (baseUrl != null && !isHttpUrl(baseUrl)) {
            fields.error("baseUrl", "expected an http:// or https:// URL, found \"" + baseUrl + "\"");
        }
        String model = fields.requiredString("model");
        String apiKeyEnv = fields.optionalString("apiKeyEnv", null, false);
        if (apiKeyEnv != null && !ENV_NAME.matcher(apiKeyEnv).matches()) {
            fields.error("apiKeyEnv", "expected the name of an environment variable (letters, digits and _,"
                    + " not starting with a digit), found \"" + apiKeyEnv + "\"");
        }
        return new Llm(baseUrl, model, apiKeyEnv,
                fields.number("temperature", DEFAULT_TEMPERATURE, 0, 2),
                fields.integer("maxTokens", DEFAULT_MAX_TOKENS, 1, 1_000_000),
                fields.optionalString("systemPrompt", null, true),
                timeout(fields, AGENT_TIMEOUT));
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
