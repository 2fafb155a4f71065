// RedYellow's warm vitest server (dev.redyellow.testing.ScriptServer). It imports vitest once (the
// node_modules/vitest/dist/node.js given as its argument) and runs each request in this process,
// one at a time, through vitest's own startVitest. Protocol: a request is one line of JSON on stdin
// {"cwd": ..., "args": [...], "env": {...}} (args: vitest's arguments, as on its command line);
// replies are frames on stdout, one byte of kind, four bytes of big-endian length, the payload:
// R (ready, once), O and E (the run's stdout and stderr, as they come), T (a project's temporary folder,
// below), U (this server must not serve another run, and why: below), X (the exit code, in ASCII).
// End of stdin ends the server.
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';

const FRAMES = fs.openSync('/dev/stdout', 'w');

// tinypool, vitest's worker pool, counts the machine's cores when it is imported: two shell pipelines
// (`cat /proc/cpuinfo | grep "core id" | sort | uniq | wc -l` and the like) through execSync, in this
// process and again in every test worker, and an isolated run starts a fresh worker per test file.
// Six processes each, about a sixth of a warm run's CPU. Their answer is a fact of the machine, so it
// is kept: this module wraps execSync for pipelines of those filters over /proc/cpuinfo only and
// remembers each answer by its command; it runs here before vitest is imported, so tinypool's own import
// fills it, and each run's test workers get it preloaded (--import) with the answers in it. Any other
// command, or one whose output is not piped back, runs as before. The pattern: cat /proc/cpuinfo, then
// grep "...", sort and uniq in any order, counted by wc -l (a number of lines, whatever the locale's
// sort order).
const CPU_FACTS = /^cat \/proc\/cpuinfo(\s*\|\s*(grep "[\w ]+"|sort|uniq))*\s*\|\s*wc -l\s*$/;
const CPU_FACTS_KEY = 'redyellow.cpuFacts';
function cpuFactsModule(known) {
  return `import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
const known = new Map(${JSON.stringify([...known])});
globalThis[Symbol.for(${JSON.stringify(CPU_FACTS_KEY)})] = known;
const pattern = ${CPU_FACTS};
const plainExecSync = childProcess.execSync;
function piped(options) {
  const stdio = options && options.stdio;
  const out = Array.isArray(stdio) ? stdio[1] : stdio;
  return out == null || out === 'pipe';
}
childProcess.execSync = function execSync(command, options) {
  if (typeof command !== 'string' || !pattern.test(command) || !piped(options)) {
    return plainExecSync.apply(this, arguments);
  }
  const encoding = options && options.encoding && options.encoding !== 'buffer' ? options.encoding : null;
  let bytes = known.get(command);
  if (bytes === undefined) {
    const output = plainExecSync.apply(this, arguments);
    bytes = (typeof output === 'string' ? Buffer.from(output, encoding || 'utf8') : output).toString('base64');
    known.set(command, bytes);
  }
  const answer = Buffer.from(bytes, 'base64');
  return encoding ? answer.toString(encoding) : answer;
};
syncBuiltinESMExports();
`;
}
const dataUrl = (code) => 'data:text/javascript,' + encodeURIComponent(code);
await import(dataUrl(cpuFactsModule(new Map())));
const cpuFacts = globalThis[Symbol.for(CPU_FACTS_KEY)];

const vitest = await import(pathToFileURL(process.argv[2]).href);
// esbuild's service is a child process that vite starts on first use and keeps for later runs. Started
// here, with the server's own environment, it is the server's; started by a run, it carried that
// run's tag and was killed with the run's leftovers, and every later run failed ("The service is no
// longer running"). vite finds the same esbuild module, so it uses this service.
try {
  const esbuild = createRequire(process.argv[2])('esbuild');
  await esbuild.transform('', { loader: 'js' });
} catch {
  // no esbuild where vitest finds it: vite starts its own, as before
}

function send(kind, data) {
  const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const frame = Buffer.alloc(5 + payload.length);
  frame.write(kind, 0, 'latin1');
  frame.writeUInt32BE(payload.length, 1);
  payload.copy(frame, 5);
  let written = 0;
  while (written < frame.length) {
    try {
      written += fs.writeSync(FRAMES, frame, written);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); // the reader is behind: wait a little
    }
  }
}

function framing(kind) {
  return new Writable({
    write(chunk, encoding, done) {
      send(kind, typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
      done();
    },
  });
}

const stdout = framing('O');
const stderr = framing('E');
// Whatever writes to process.stdout or stderr directly (a plugin, a stray log) is framed too.
for (const [stream, kind] of [[process.stdout, 'O'], [process.stderr, 'E']]) {
  stream.write = (chunk, encoding, callback) => {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    send(kind, typeof chunk === 'string' ? Buffer.from(chunk, encoding || 'utf8') : chunk);
    if (callback) callback();
    return true;
  };
}

// Each run makes its own pool of test workers. With isolated workers (vitest's default) a test file
// gets a worker of its own that ends after it, and the pool then starts a spare to keep its minimum
// (one on two cores): in a run of one or two files that spare is never used, yet its start (a thread
// or process that loads vitest's worker runtime) was about a quarter of a run's CPU. So when the
// resolved config isolates and sets no minimum of its own, the minimum is 0: the files run in the
// same fresh workers as before, only the unused spare is not started. Not isolated, a worker runs
// several files and a minimum keeps it alive between them, so nothing changes then.
export const noSpareWorker = {
  name: 'redyellow:no-spare-worker',
  configureVitest({ vitest: ctx }) {
    const config = ctx.config;
    const pool = config.pool;
    const options = (config.poolOptions && config.poolOptions[pool]) || {};
    if ((pool === 'threads' || pool === 'forks') && config.minWorkers == null && options.minThreads == null
        && options.minForks == null && options.isolate !== false && config.isolate !== false
        && !options.singleThread && !options.singleFork && config.fileParallelism !== false) {
      config.minWorkers = 0;
    }
  },
};

// Preloads the remembered core counts (above) into the run's test workers, threads or processes, of
// each of vitest's own pools (a project or file may use another than the config's pool). The options are
// new objects: the config's own are left as they were. A Node without --import (before 18.18 and 20.6)
// gets nothing: its workers would not start with it.
const WORKER_POOLS = ['threads', 'forks', 'vmThreads', 'vmForks'];
export const cpuFactsInWorkers = {
  name: 'redyellow:cpu-facts-in-workers',
  configureVitest({ vitest: ctx }) {
    if (cpuFacts.size === 0 || !process.allowedNodeEnvironmentFlags.has('--import')) return;
    const config = ctx.config;
    const preload = ['--import', dataUrl(cpuFactsModule(cpuFacts))];
    const poolOptions = { ...config.poolOptions };
    for (const pool of WORKER_POOLS) {
      const options = poolOptions[pool] || {};
      poolOptions[pool] = { ...options, execArgv: [...preload, ...(options.execArgv || [])] };
    }
    config.poolOptions = poolOptions;
  },
};

// Each project of a run makes a temporary folder of its own (os.tmpdir() and a random name), where it
// may keep transformed modules, and removes it when the run closes. A run the host kills (its timeout)
// never closes, and the folder stayed behind in the machine's temporary folder. So each project's folder
// is told to the host, which removes it when the run has ended, however it ended.
export const reportTmpDir = {
  name: 'redyellow:report-tmp-dir',
  configureVitest({ project }) {
    if (project && typeof project.tmpDir === 'string') send('T', project.tmpDir);
  },
};

// What a run leaves in this process that a fresh `vitest run` would not have: Node keeps every module it
// imported, by its real path, so a config's import of a package (`import "dotenv/config"`, a plugin that
// counts) runs once per server, not once per run, and whatever it did at load (variables set, state kept)
// the next run does not get again; a config's own files nearby, imported without vite's cache-busting
// query, are kept by path too, and workspace folders are made over for later runs. A globalSetup runs here,
// and what it starts (a server on a port, a timer) may outlive the run. So a run whose config imports
// anything but vitest, vite and Node's own modules, or that has a globalSetup, is this server's last: the
// host starts a fresh one for the next run (as a process per run would). A config that cannot be read is
// taken as one that imports something.
const OWN_PACKAGE = /^(?:vitest|vite|@vitest\/[^/]+)(?:\/.*)?$/;
const BUILTIN = new Set(builtinModules);
// Every name a module may load, found by what stands before it (comments and strings are read too: a name
// found there only costs the warm server, never the verdict).
const NAMED_LOADS = [
  /\bfrom\s*['"]([^'"\n]+)['"]/g,
  /\bimport\s*['"]([^'"\n]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
];
const CALLED_LOADS = [/\bimport\s*\(/g, /\brequire\s*\(/g];
const LOADERS = /\bcreateRequire\b|\bmodule\.register\b/;

function own(name) {
  return OWN_PACKAGE.test(name) || name.startsWith('node:') || BUILTIN.has(name) || BUILTIN.has(name.split('/')[0]);
}

export function keptState(configFile, globalSetup) {
  if (globalSetup.length > 0) return `it has a globalSetup (${globalSetup.join(', ')})`;
  if (!configFile) return '';
  let text;
  try {
    text = fs.readFileSync(configFile, 'utf8');
  } catch (e) {
    return `its config ${configFile} could not be read (${e.code || e.message})`;
  }
  const names = NAMED_LOADS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]));
  const foreign = names.filter((name) => !own(name));
  if (foreign.length > 0) return `its config imports ${[...new Set(foreign)].join(', ')}`;
  const calls = CALLED_LOADS.reduce((n, pattern) => n + [...text.matchAll(pattern)].length, 0);
  const namedCalls = [...text.matchAll(NAMED_LOADS[2])].length + [...text.matchAll(NAMED_LOADS[3])].length;
  if (calls > namedCalls || LOADERS.test(text)) return 'its config loads modules by a computed name';
  return '';
}

function keptStateOf(ctx) {
  if (!ctx) return 'the run did not start (its config may have been partly loaded)';
  try {
    const projects = Array.isArray(ctx.projects) && ctx.projects.length > 0 ? ctx.projects : [];
    const files = new Set([configFileOf(ctx)]);
    const setups = [];
    for (const project of projects) {
      files.add(configFileOf(project));
      const setup = project.config?.globalSetup;
      if (setup) setups.push(...[].concat(setup));
    }
    if (ctx.config?.globalSetup) setups.push(...[].concat(ctx.config.globalSetup));
    if (setups.length > 0) return keptState(undefined, [...new Set(setups)]);
    for (const file of files) {
      const why = keptState(file, []);
      if (why) return why;
    }
    return '';
  } catch (e) {
    return `what the run loaded could not be told (${e && e.message ? e.message : e})`;
  }
}

// The config file of vitest or a project; vitest's getter throws where the project has no vite server of its own.
function configFileOf(owner) {
  try {
    return owner.vite?.config?.configFile;
  } catch {
    return owner._vite?.config?.configFile;
  }
}

async function serve(request) {
  process.chdir(request.cwd);
  for (const name of Object.keys(process.env)) {
    if (!(name in request.env)) delete process.env[name];
  }
  Object.assign(process.env, request.env);
  process.exitCode = undefined;
  let ctx;
  let kept = 'the run did not start (its config may have been partly loaded)';
  try {
    const { filter, options } = vitest.parseCLI(['vitest', ...request.args]);
    if (options.exclude) {
      options.cliExclude = [].concat(options.exclude);
      delete options.exclude;
    }
    // no root: vitest takes the working folder, as on the command line, and a config's own root still wins
    ctx = await vitest.startVitest('test', filter, { ...options, run: true, watch: false },
      { plugins: [noSpareWorker, cpuFactsInWorkers, reportTmpDir] }, { stdout, stderr });
    kept = keptStateOf(ctx); // before close: closing takes a run's vite servers away (with projects, the root's too)
  } catch (e) {
    send('E', `\nStartup Error\n${e && e.stack ? e.stack : e}\n`);
    if (process.exitCode === undefined) process.exitCode = 1;
  } finally {
    if (ctx) {
      try {
        await ctx.close();
      } catch (e) {
        send('E', `closing vitest failed: ${e && e.stack ? e.stack : e}\n`);
      }
    }
  }
  if (kept) send('U', kept);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  serving = false;
  send('X', String(code));
}

// vitest ends its own process on some errors (an unhandled rejection in this process) with process.exit;
// a `vitest run` process then ends with that code. Here the exit code is sent first, so the run ends as it
// would have, and the server ends with it (the host starts another).
let serving = false;
const exitProcess = process.exit.bind(process);
process.exit = (code) => {
  const exitCode = Number(code ?? process.exitCode ?? 0);
  if (serving) {
    serving = false;
    send('U', 'vitest ended the process');
    send('X', String(exitCode));
  }
  exitProcess(exitCode);
};

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
send('R', '');
for await (const line of lines) {
  if (line.trim()) {
    serving = true;
    await serve(JSON.parse(line));
    serving = false;
  }
}
exitProcess(0);
