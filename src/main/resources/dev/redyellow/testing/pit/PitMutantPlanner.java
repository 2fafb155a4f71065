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
 * <p>Each mutant is an {@code Object[]} of {@code "mutant"}, the mutated class's binary name, its
 * source file's name, the line, PIT's description of the change, the mutator's name and the mutant's
 * class file: JDK types only, so the application reads them without knowing PIT's classes. Each class
 * that may be mutated also comes as {@code "probe"}, its name and a copy of it that calls
 * {@code dev.redyellow.testing.worker.LineHits.hit(classIndex * 65536 + line)} where each line starts
 * (class index: its place among the probes; a class that cannot be probed has none, and its mutants
 * run every test), so one run of the tests tells which tests reach which
 * mutant's line: the coverage PIT measures in its own JVM first. The filters that need coverage see
 * none here and keep every mutant.
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
        List<Object[]> made = new ArrayList<>(kept.size());
        List<ClassName> classes = code.getCodeUnderTestNames().stream().sorted().toList();
        int probes = 0;
        for (ClassName className : classes) {
            String name = className.asJavaName();
            Optional<byte[]> original = bytes.getBytes(name);
            if (original.isEmpty()) {
                continue;
            }
            byte[] probed;
            try {
                probed = probed(original.get(), probes);
            } catch (RuntimeException e) {
                continue; // a method the probes push past 64 KB: its class's mutants run every test
            }
            made.add(new Object[] {"probe", name, probed});
            probes++;
        }
        for (MutationDetails details : kept) {
            byte[] mutated = mutater.getMutation(details.getId()).getBytes();
            made.add(new Object[] {"mutant", details.getClassName().asJavaName(), details.getFilename(),
                    details.getLineNumber(), details.getDescription(), details.getMutator(), mutated});
        }
        return made;
    }

    /**
     * The class with a call to the line hook where each line starts: put before the line's first
     * instruction, after its label and stack map frame, so jumps to the line run it too and the frames
     * stay true (the call leaves the stack as it found it; only the stack's maximum grows).
     */
    static byte[] probed(byte[] original, int classIndex) {
        org.pitest.reloc.asm.ClassReader reader = new org.pitest.reloc.asm.ClassReader(original);
        org.pitest.reloc.asm.ClassWriter writer = new org.pitest.reloc.asm.ClassWriter(reader,
                org.pitest.reloc.asm.ClassWriter.COMPUTE_MAXS);
        reader.accept(new org.pitest.reloc.asm.ClassVisitor(org.pitest.reloc.asm.Opcodes.ASM9, writer) {
            @Override
            public org.pitest.reloc.asm.MethodVisitor visitMethod(int access, String name, String descriptor,
                                                                  String signature, String[] exceptions) {
                return new LineProbes(super.visitMethod(access, name, descriptor, signature, exceptions), classIndex);
            }
        }, 0);
        return writer.toByteArray();
    }

    /** Calls the line hook before the first instruction of each line. */
    private static final class LineProbes extends org.pitest.reloc.asm.MethodVisitor {
        private final int classIndex;
        private int pending = -1;

        LineProbes(org.pitest.reloc.asm.MethodVisitor next, int classIndex) {
            super(org.pitest.reloc.asm.Opcodes.ASM9, next);
            this.classIndex = classIndex;
        }

        @Override
        public void visitLineNumber(int line, org.pitest.reloc.asm.Label start) {
            super.visitLineNumber(line, start);
            if (line > 0 && line < 65536) {
                pending = line;
            }
        }

        private void probe() {
            if (pending < 0) {
                return;
            }
            int id = classIndex * 65536 + pending;
            pending = -1;
            super.visitLdcInsn(id);
            super.visitMethodInsn(org.pitest.reloc.asm.Opcodes.INVOKESTATIC, "dev/redyellow/testing/worker/LineHits",
                    "hit", "(I)V", false);
        }

        @Override
        public void visitInsn(int opcode) {
            probe();
            super.visitInsn(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            probe();
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int variable) {
            probe();
            super.visitVarInsn(opcode, variable);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            probe();
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            probe();
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            probe();
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, org.pitest.reloc.asm.Handle bootstrap,
                                           Object... arguments) {
            probe();
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }

        @Override
        public void visitJumpInsn(int opcode, org.pitest.reloc.asm.Label label) {
            probe();
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitLdcInsn(Object value) {
            probe();
            super.visitLdcInsn(value);
        }

        @Override
        public void visitIincInsn(int variable, int increment) {
            probe();
            super.visitIincInsn(variable, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, org.pitest.reloc.asm.Label fallback,
                                         org.pitest.reloc.asm.Label... labels) {
            probe();
            super.visitTableSwitchInsn(min, max, fallback, labels);
        }

        @Override
        public void visitLookupSwitchInsn(org.pitest.reloc.asm.Label fallback, int[] keys,
                                          org.pitest.reloc.asm.Label[] labels) {
            probe();
            super.visitLookupSwitchInsn(fallback, keys, labels);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            probe();
            super.visitMultiANewArrayInsn(descriptor, dimensions);
        }
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
