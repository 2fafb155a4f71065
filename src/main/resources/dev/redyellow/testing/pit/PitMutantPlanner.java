package dev.redyellow.testing.pit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.pitest.classinfo.CachingByteArraySource;
import org.pitest.classinfo.ClassByteArraySource;
import org.pitest.classinfo.ClassName;
import org.pitest.classpath.ClassPathByteArraySource;
import org.pitest.classpath.ClassloaderByteArraySource;
import org.pitest.classpath.CodeSource;
import org.pitest.coverage.CoverageDatabase;
import org.pitest.coverage.NoCoverage;
import org.pitest.mutationtest.EngineArguments;
import org.pitest.mutationtest.History;
import org.pitest.mutationtest.MutationConfig;
import org.pitest.mutationtest.build.MutationInterceptor;
import org.pitest.mutationtest.build.MutationSource;
import org.pitest.mutationtest.build.ProjectMutationInterceptor;
import org.pitest.mutationtest.build.TestPrioritiser;
import org.pitest.mutationtest.commandline.OptionsParser;
import org.pitest.mutationtest.commandline.ParseResult;
import org.pitest.mutationtest.config.PluginServices;
import org.pitest.mutationtest.config.ReportOptions;
import org.pitest.mutationtest.config.SettingsFactory;
import org.pitest.mutationtest.engine.Mutater;
import org.pitest.mutationtest.engine.MutationDetails;
import org.pitest.mutationtest.engine.MutationEngine;
import org.pitest.mutationtest.incremental.NullHistory;

/**
 * RedYellow's use of PIT as a library (issue 22): makes the mutants PIT would make for a feature,
 * from the same command-line options, through PIT's own engine, filters and class limit, and hands
 * back each mutant's class file, so the mutants can run on the warm test workers instead of in PIT's
 * minion JVMs. This source ships as a resource and is compiled against the bundled PIT jars when first
 * needed (the application is not compiled against PIT); it runs in a class loader of PIT's jars only.
 *
 * <p>Each mutant is an {@code Object[]} of the mutated class's binary name, its source file's name,
 * the line, PIT's description of the change, the mutator's name and the mutant's class file: JDK types
 * only, so the application reads them without knowing PIT's classes. No coverage is measured first,
 * so the filters that need it keep every mutant; a mutant no test reaches simply survives, as PIT
 * counts it too.
 */
public final class PitMutantPlanner implements Function<String[], List<Object[]>> {

    @Override
    public List<Object[]> apply(String[] arguments) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // PIT finds its plugins and the JDK's classes through the context loader: its own loader here
        thread.setContextClassLoader(PitMutantPlanner.class.getClassLoader());
        try {
            return plan(arguments);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<Object[]> plan(String[] arguments) {
        ParseResult parsed = new OptionsParser(name -> true).parse(arguments);
        if (!parsed.isOk()) {
            throw new IllegalArgumentException("PIT does not take these options: "
                    + parsed.getErrorMessage().orElse("(no reason given)"));
        }
        ReportOptions data = parsed.getOptions();
        SettingsFactory settings = new SettingsFactory(data, PluginServices.makeForLoader(PitMutantPlanner.class.getClassLoader()));
        settings.checkRequestedFeatures();
        MutationEngine engine = settings.createEngine().createEngine(EngineArguments.arguments()
                .withExcludedMethods(data.getExcludedMethods()).withMutators(data.getMutators()));
        CodeSource code = settings.createCodeSource(data.getMutationClassPaths());
        ClassByteArraySource bytes = new CachingByteArraySource(withJdk(new ClassPathByteArraySource(data.getClassPath())), 200);
        CoverageDatabase coverage = new NoCoverage();
        TestPrioritiser noTests = mutation -> List.of();
        History history = new NullHistory();
        MutationInterceptor interceptor = settings.getInterceptor()
                .createInterceptor(data, coverage, bytes, noTests, code, history);
        interceptor.initialise(code);
        ProjectMutationInterceptor projectFilter = settings.getProjectFilter()
                .createFilter(data, coverage, bytes, noTests, code, history);
        projectFilter.initialise(code);
        MutationSource source = new MutationSource(new MutationConfig(engine, null), noTests, bytes, interceptor);
        List<MutationDetails> all = new ArrayList<>();
        for (ClassName name : code.getCodeUnderTestNames().stream().sorted().toList()) {
            all.addAll(source.createMutations(name));
        }
        Collection<MutationDetails> kept = projectFilter.intercept(all);
        Mutater mutater = engine.createMutator(bytes);
        List<Object[]> mutants = new ArrayList<>(kept.size());
        for (MutationDetails details : kept) {
            byte[] mutated = mutater.getMutation(details.getId()).getBytes();
            mutants.add(new Object[] {details.getClassName().asJavaName(), details.getFilename(), details.getLineNumber(),
                    details.getDescription(), details.getMutator(), mutated});
        }
        return mutants;
    }

    /** The JDK's classes come from the running JVM: since Java 9 they are not on any class path. */
    private static ClassByteArraySource withJdk(ClassByteArraySource classPath) {
        ClassByteArraySource jdk = ClassloaderByteArraySource.fromContext();
        return name -> {
            Optional<byte[]> found = classPath.getBytes(name);
            return found.isPresent() ? found : jdk.getBytes(name);
        };
    }
}
