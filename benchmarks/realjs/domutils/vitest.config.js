// domutils' own tests were written for jest 27: vitest runs them with jest's globals (describe, it,
// expect) and jest 27's snapshot format ("Object {", "Array [", escaped quotes), so the project's own snapshots hold.
// The cache goes beside the sources, not into node_modules, which RedYellow shares read-only.
import { defineConfig } from "vitest/config";

export default defineConfig({
    cacheDir: ".vitest-cache",
    test: {
        globals: true,
        environment: "node",
        include: ["src/**/*.spec.ts"],
        snapshotFormat: { printBasicPrototype: true, escapeString: true },
    },
});
