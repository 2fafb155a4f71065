"""A small mutation tool for the weak-tests sample: the output format RedYellow's command kind reads.

Usage: python3 mutate.py TEST_MODULE CODE_FILE...
For each comparison or arithmetic operator in each code file it writes a mutant (the operator
swapped), runs the test module against it, and puts the file back. Prints `killed: N`,
`survived: N` and one `survivor: FILE:LINE: CHANGE` line per surviving mutant.
"""
import re
import subprocess
import sys

SWAPS = [(">=", ">"), ("<=", "<"), (" > ", " >= "), (" < ", " <= "), ("==", "!="), (" + ", " - "), (" - ", " + ")]


def mutants(text):
    for number, line in enumerate(text.split("\n"), start=1):
        for old, new in SWAPS:
            for match in re.finditer(re.escape(old), line):
                changed = line[:match.start()] + new + line[match.end():]
                yield number, "replaced %s with %s" % (old.strip(), new.strip()), changed


def main():
    test_module, files = sys.argv[1], sys.argv[2:]
    killed, survivors = 0, []
    for path in files:
        original = open(path, encoding="utf-8").read()
        lines = original.split("\n")
        try:
            for number, change, changed in mutants(original):
                mutant = lines[:number - 1] + [changed] + lines[number:]
                with open(path, "w", encoding="utf-8") as out:
                    out.write("\n".join(mutant))
                try:
                    run = subprocess.run([sys.executable, "-m", "unittest", test_module],
                                         capture_output=True, timeout=10)
                    passed = run.returncode == 0
                except subprocess.TimeoutExpired:
                    passed = False  # a mutant that loops for ever is caught by the time-out
                if passed:
                    survivors.append("%s:%d: %s" % (path, number, change))
                else:
                    killed += 1
        finally:
            with open(path, "w", encoding="utf-8") as out:
                out.write(original)
    print("killed: %d" % killed)
    print("survived: %d" % len(survivors))
    for survivor in survivors:
        print("survivor: " + survivor)


if __name__ == "__main__":
    main()
