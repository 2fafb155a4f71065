// domutils' own tests were written for jest 27: vitest runs them with jest's globals (describe, it,
// expect) and jest 27's snapshot format ("Object {", "Array [", escaped quotes), so the project's own snapshots hold.
// The cache goes beside the sources, not into node_modules, which RedYellow shares read-only (and
// `--configLoader=native` on the command line loads this file without writing node_modules/.vite-temp).
// Worker threads start faster than the default child processes: each RedYellow run is one or two files.
import { defineConfig } from "vitest/config";

export default defineConfig({
    cacheDir: ".vitest-cache",
    test: {
        globals: true,
        environment: "node",
        pool: "threads",
        include: ["src/**/*.spec.ts"],
        snapshotFormat: { printBasicPrototype: true, escapeString: true },
    },
});
