#!/usr/bin/env python3
"""Runs one end-to-end case of the newsgraph program and compares it with its golden output.

A case file (cases/NAME.case) holds directives, then sections:

    # what the case checks
    args: --format csv -f {dir}/q.cypher      arguments (shell-like quoting); {dir} is a scratch
                                              folder, {datasets} the bundled datasets
    status: 1                                 the expected exit status (default 0)
    newline: crlf                             standard output ends lines with CRLF (csv)
    --- file q.cypher                         a file written to {dir} before the run; \\xNN escapes
    ...                                       in it are bytes
    --- stdin                                 standard input (default: empty)
    --- stdout                                the expected standard output, exactly
    --- stderr                                the expected standard error, exactly
    --- stderr-contains                       lines that must each appear in standard error

Times are normalized before comparing: "(1.23 ms)" -> "(<time>)", "Time: 1.2 ms (parse 0.1 ms, ...)" -> "Time: <time> (parse <time>, ...)",
the load summary's "in 0.001 s (81005 rows/s)" -> "in <time>".

    run_case.py --newsgraph BIN --datasets DIR CASE [--update]

--update rewrites the stdout and stderr sections from the program's output (review the diff).
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile

TIMEOUT_SECONDS = 120
SECTION = re.compile(r"^--- (file|stdin|stdout|stderr|stderr-contains)(?: (\S+))?$")


def parse_case(path):
    directives = {}
    sections = []  # (name, argument, text)
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    current = None
    for line in lines:
        match = SECTION.match(line)
        if match:
            current = [match.group(1), match.group(2), []]
            sections.append(current)
        elif current is not None:
            current[2].append(line)
        elif line.startswith("#") or not line.strip():
            continue
        else:
            key, _, value = line.partition(":")
            directives[key.strip()] = value.strip()
    return directives, [(name, arg, "".join(l + "\n" for l in body)) for name, arg, body in sections]


def decode_escapes(text):
    return re.sub(rb"\\x([0-9a-fA-F]{2})", lambda m: bytes([int(m.group(1), 16)]), text.encode("utf-8"))


def bare_line_feed(csv_text):
    """Whether a LF outside a quoted CSV field is not preceded by CR."""
    quoted = False
    for i, c in enumerate(csv_text):
        if c == '"':
            quoted = not quoted
        elif c == "\n" and not quoted and (i == 0 or csv_text[i - 1] != "\r"):
            return True
    return False


def normalize(text):
    text = re.sub(r"\(\d+\.\d+ ms\)", "(<time>)", text)
    text = re.sub(r"Time: \d+\.\d+ ms \(parse \d+\.\d+ ms, plan \d+\.\d+ ms, execute \d+\.\d+ ms\)",
                  "Time: <time> (parse <time>, plan <time>, execute <time>)", text)
    text = re.sub(r"in \d+\.\d+ s \(\d+ rows/s\)", "in <time>", text)
    return text


def write_case(path, directives_text, sections, stdout, stderr):
    out = [directives_text.rstrip("\n") + "\n"]
    for name, arg, text in sections:
        if name in ("stdout", "stderr"):
            continue
        out.append(f"--- {name}{' ' + arg if arg else ''}\n{text}")
    out.append(f"--- stdout\n{stdout}")
    checks_stderr_lines = any(name == "stderr-contains" for name, _, _ in sections)
    if not checks_stderr_lines and (stderr or any(name == "stderr" for name, _, _ in sections)):
        out.append(f"--- stderr\n{stderr}")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("".join(out))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--newsgraph", required=True)
    parser.add_argument("--datasets", required=True)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("case")
    options = parser.parse_args()

    directives, sections = parse_case(options.case)
    with tempfile.TemporaryDirectory(prefix="newsgraph-cli-") as scratch:
        stdin = b""
        for name, arg, text in sections:
            if name == "file":
                with open(os.path.join(scratch, arg), "wb") as handle:
                    handle.write(decode_escapes(text))
            elif name == "stdin":
                stdin = decode_escapes(text)
        args = [a.replace("{dir}", scratch).replace("{datasets}", options.datasets)
                for a in shlex.split(directives.get("args", ""))]
        env = dict(os.environ, NEWSGRAPH_DATASETS=options.datasets, HOME=scratch, LC_ALL="C.UTF-8")
        try:
            run = subprocess.run([options.newsgraph] + args, input=stdin, capture_output=True, env=env,
                                 cwd=scratch, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            print(f"FAIL: newsgraph did not finish within {TIMEOUT_SECONDS} s")
            return 1
        stdout = run.stdout.decode("utf-8", errors="backslashreplace").replace(scratch, "{dir}")
        stdout = stdout.replace(options.datasets, "{datasets}")
        stderr = run.stderr.decode("utf-8", errors="backslashreplace").replace(scratch, "{dir}")
        stderr = stderr.replace(options.datasets, "{datasets}")

    failures = []
    expected_status = int(directives.get("status", "0"))
    if run.returncode != expected_status:
        failures.append(f"exit status {run.returncode}, expected {expected_status}")
    if run.returncode < 0:
        failures.append(f"newsgraph was killed by signal {-run.returncode} (a crash)")
    if "Sanitizer" in stderr or "runtime error:" in stderr:
        failures.append(f"a sanitizer reported an error:\n{stderr}")
    crlf = directives.get("newline") == "crlf"
    if crlf:
        if bare_line_feed(stdout):
            failures.append("standard output has a record not ended by CRLF")
        stdout = stdout.replace("\r\n", "\n")
    stdout, stderr = normalize(stdout), normalize(stderr)

    if options.update:
        with open(options.case, encoding="utf-8") as handle:
            text = handle.read()
        head = text[: text.index("\n--- ") + 1] if "\n--- " in text else text
        write_case(options.case, head, sections, stdout, stderr)
        print(f"updated {options.case} (exit status {run.returncode})")
        return 0

    for name, _, text in sections:
        if name == "stdout" and stdout != text:
            failures.append(f"standard output differs.\n--- expected\n{text}--- actual\n{stdout}")
        elif name == "stderr" and stderr != text:
            failures.append(f"standard error differs.\n--- expected\n{text}--- actual\n{stderr}")
        elif name == "stderr-contains":
            for line in text.splitlines():
                if line not in stderr:
                    failures.append(f"standard error lacks {line!r}.\n--- actual\n{stderr}")
    if failures:
        print(f"FAIL {os.path.basename(options.case)}: newsgraph {' '.join(shlex.quote(a) for a in args)}")
        for failure in failures:
            print(failure)
        return 1
    print(f"ok {os.path.basename(options.case)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
