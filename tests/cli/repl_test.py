#!/usr/bin/env python3
"""Drives the newsgraph shell through a pseudo-terminal, one scenario per run.

    repl_test.py --newsgraph BIN --datasets DIR SCENARIO

Each scenario starts the program with no -e/-f on a fresh pseudo-terminal (HOME is a scratch
folder, so the history file is the test's own), types into it and checks what comes back.
"""
import argparse
import os
import pty
import re
import select
import signal
import sys
import tempfile
import time

PROMPT = "newsgraph> "
CONTINUATION = "-> "
TIMEOUT_SECONDS = 60
LONG_QUERY_TIMEOUT_SECONDS = 240
# The engine polls the cancel flag between chunks of rows: well under a second, generous for ASan.
CANCEL_TIMEOUT_SECONDS = 20
TYPING_PAUSE_SECONDS = 0.15
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\x07")
UP_ARROW = "\x1b[A"
CTRL_C = "\x03"
CTRL_D = "\x04"
TAB = "\t"


class Failure(Exception):
    pass


class Shell:
    """newsgraph on a pseudo-terminal: type() sends keys, expect() waits for output."""

    def __init__(self, binary, datasets, home):
        env = dict(os.environ, HOME=home, NEWSGRAPH_DATASETS=datasets, TERM="xterm", LC_ALL="C.UTF-8")
        env.pop("EDITRC", None)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(binary, [binary], env)
        self.seen = ""       # everything read, escape sequences removed
        self.position = 0    # where the next expect() starts looking
        self.status = None

    def _read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            return None
        self.seen += ANSI.sub("", data.decode("utf-8", errors="replace")).replace("\r", "")
        return True

    def expect(self, pattern, timeout=TIMEOUT_SECONDS):
        """Waits for `pattern` (a regular expression) after the last match; returns the text before it."""
        regex = re.compile(pattern)
        deadline = time.time() + timeout
        while True:
            match = regex.search(self.seen, self.position)
            if match:
                before = self.seen[self.position:match.start()]
                self.position = match.end()
                return before
            remaining = deadline - time.time()
            if remaining <= 0 or self._read(min(remaining, 0.2)) is None:
                raise Failure(f"expected {pattern!r}; the shell wrote:\n{self.seen[self.position:]}"
                              f"\n--- (everything so far)\n{self.seen}")

    def type(self, keys):
        # Typed at a human pace: the editor switches the terminal to raw mode just after it shows
        # the prompt, and what is typed before then is echoed twice.
        time.sleep(TYPING_PAUSE_SECONDS)
        os.write(self.fd, keys.encode("utf-8"))

    def line(self, text):
        self.type(text + "\r")

    def wait(self, timeout=TIMEOUT_SECONDS):
        deadline = time.time() + timeout
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid != 0:
                self.status = status
                return os.waitstatus_to_exitcode(status)
            self._read(0.1)
        raise Failure("the shell did not exit")

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(self.fd)


def check(condition, message):
    if not condition:
        raise Failure(message)


def welcome_and_quit(shell, home):
    banner = shell.expect(re.escape(PROMPT))
    check("Type :help" in banner, f"the welcome line does not say how to get help:\n{banner}")
    check("36 nodes" in banner, f"the welcome line does not show the seed graph:\n{banner}")
    shell.line(":help")
    help_text = shell.expect(re.escape(PROMPT))
    for command in (":schema", ":stats", ":load", ":format", ":timing", ":param", ":explain", ":quit"):
        check(command in help_text, f":help does not list {command}:\n{help_text}")
    shell.line(":quit")
    check(shell.wait() == 0, "the shell did not exit with status 0 after :quit")


def multiline_statement(shell, home):
    """The attribution query of README, typed over three lines, answers as a table."""
    shell.expect(re.escape(PROMPT))
    shell.line("MATCH (c:Claim {kind: 'attribution'})-[:BY]->(who), (c)-[:OF]->(what), (c)-[:TO]->(whom),")
    shell.expect(re.escape(CONTINUATION))
    shell.line("      (c)-[:REPORTED_IN]->(a:Article)")
    shell.expect(re.escape(CONTINUATION))
    shell.line("RETURN who.name, what.name, whom.name, c.confidence, c.basis, a.outlet, a.published;")
    result = shell.expect(re.escape(PROMPT))
    for cell in ("| who.name ", "| 'Czech government' |", "'APT31'", "'high degree of certainty'", "1 row"):
        check(cell in result, f"the multi-line statement's table lacks {cell!r}:\n{result}")
    shell.type(CTRL_D)
    check(shell.wait() == 0, "Ctrl-D did not end the shell with status 0")


def meta_commands(shell, home):
    shell.expect(re.escape(PROMPT))
    shell.line(":schema")
    schema = shell.expect(re.escape(PROMPT))
    for name in (":Claim", ":Group", ":REPORTED_IN", "aliases"):
        check(name in schema, f":schema does not list {name}:\n{schema}")
    check(re.search(r":Claim\s+10 nodes", schema), f":schema does not count the claims:\n{schema}")
    shell.line(":stats")
    stats = shell.expect(re.escape(PROMPT))
    check("nodes: 36" in stats, f":stats does not show the node count:\n{stats}")
    shell.line(":format csv")
    shell.expect(re.escape(PROMPT))
    shell.line(":param who 'APT31'")
    shell.expect(re.escape(PROMPT))
    shell.line("MATCH (g {name: $who}) RETURN g.name AS name;")
    csv = shell.expect(re.escape(PROMPT))
    check("name\nAPT31\n" in csv, f":format csv or :param did not apply:\n{csv}")
    shell.line(":explain MATCH (g:Group) RETURN g.name")
    plan = shell.expect(re.escape(PROMPT))
    check(plan.strip() and "Error" not in plan, f":explain printed no plan:\n{plan}")
    shell.line(":timing on")
    shell.expect(re.escape(PROMPT))
    shell.line("RETURN 1 AS x;")
    timed = shell.expect(re.escape(PROMPT))
    check(re.search(r"Time: \d+\.\d+ ms", timed), f":timing on did not print the time:\n{timed}")
    shell.line(":load nodes /nonexistent/nodes.csv")
    failed = shell.expect(re.escape(PROMPT))
    check("LoadError:" in failed, f"a failed :load did not say so:\n{failed}")
    shell.line(":quit")
    check(shell.wait() == 0, "the shell did not exit after :quit")


def history(shell, home):
    shell.expect(re.escape(PROMPT))
    shell.line("MATCH (g:Group)")
    shell.line("RETURN g.name AS remembered;")
    shell.expect(r"1 row.*\n" + re.escape(PROMPT))
    shell.type(CTRL_D)
    check(shell.wait() == 0, "Ctrl-D did not end the shell")
    path = os.path.join(home, ".newsgraph_history")
    check(os.path.exists(path), "no ~/.newsgraph_history was written")
    with open(path, encoding="utf-8", errors="replace") as handle:
        saved = handle.read()
    check("remembered" in saved, f"the statement is not in the history file:\n{saved}")


def history_recalled(binary, datasets, home):
    """A second shell recalls the statement the first one saved (up arrow, Enter)."""
    shell = Shell(binary, datasets, home)
    try:
        shell.expect(re.escape(PROMPT))
        shell.type(UP_ARROW)
        shell.type("\r")
        result = shell.expect(re.escape(PROMPT))
        check("remembered" in result and "'APT31'" in result, f"the up arrow did not recall the statement:\n{result}")
        shell.line(":quit")
        shell.wait()
    finally:
        shell.close()


def ctrl_c_clears_input(shell, home):
    shell.expect(re.escape(PROMPT))
    shell.line("MATCH (n)")
    shell.expect(re.escape(CONTINUATION))
    shell.type("RETURN broken syntax")
    shell.type(CTRL_C)
    shell.expect(re.escape(PROMPT))
    shell.line("RETURN 'fresh' AS after;")
    result = shell.expect(re.escape(PROMPT))
    check("'fresh'" in result and "Error" not in result,
          f"Ctrl-C did not clear the statement under way:\n{result}")
    shell.line(":quit")
    check(shell.wait() == 0, "Ctrl-C ended the shell")


def ctrl_c_during_query(shell, home):
    shell.expect(re.escape(PROMPT))
    # 36^7 = 7.8 * 10^10 rows: it would run for hours, so only cancellation can end it. (Short
    # enough not to wrap on the pseudo-terminal's 80 columns.)
    shell.line("MATCH (a), (b), (c), (d), (e), (f), (g) RETURN count(*) AS n;")
    # Once the line is echoed the editor has handed it over; give the statement time to start
    # (a Ctrl-C typed before is an editing key that clears the line).
    shell.expect(re.escape("count(*) AS n;") + r"\n")
    time.sleep(0.5)
    shell.type(CTRL_C)
    shell.expect("Cancelling", CANCEL_TIMEOUT_SECONDS)
    shell.expect("Interrupted: the statement was cancelled", CANCEL_TIMEOUT_SECONDS)
    shell.expect(re.escape(PROMPT), LONG_QUERY_TIMEOUT_SECONDS)
    shell.line("RETURN 'still here' AS alive;")
    result = shell.expect(re.escape(PROMPT))
    check("'still here'" in result, f"the shell did not go on after Ctrl-C:\n{result}")
    check(not re.search(r"\|\s*78364164096 \|", shell.seen), "the interrupted statement's result was shown")
    shell.line(":quit")
    check(shell.wait() == 0, "the shell did not exit after :quit")


def ctrl_d_exits(shell, home):
    shell.expect(re.escape(PROMPT))
    shell.type(CTRL_D)
    check(shell.wait() == 0, "Ctrl-D on an empty line did not end the shell with status 0")


def completion(shell, home):
    shell.expect(re.escape(PROMPT))
    shell.type("MATCH (g:Gro" + TAB)
    shell.expect("up")
    shell.type(") RETURN g.na" + TAB)
    shell.expect("me")
    shell.type(" AS n, toUpp" + TAB)
    shell.expect(r"er\(")
    shell.type("g.name) AS u;\r")
    result = shell.expect(re.escape(PROMPT))
    check("'APT31'" in result and "Error" not in result, f"the completed statement did not run:\n{result}")
    shell.type(":sch" + TAB + "\r")
    schema = shell.expect(re.escape(PROMPT))
    check("Node labels" in schema, f"':sch' did not complete to :schema:\n{schema}")
    shell.line(":quit")
    shell.wait()


def long_result_truncated(shell, home):
    shell.expect(re.escape(PROMPT))
    shell.line("UNWIND range(1, 250) AS x RETURN x;")
    result = shell.expect(re.escape(PROMPT))
    check("showing 100 of 250 rows" in result, f"a long result was not cut with a footer:\n{result[-500:]}")
    shell.line(":maxrows 0")
    shell.expect(re.escape(PROMPT))
    shell.line("UNWIND range(1, 250) AS x RETURN x;")
    result = shell.expect(re.escape(PROMPT))
    check("250 rows" in result and "showing" not in result, f":maxrows 0 did not show every row:\n{result[-500:]}")
    shell.line(":quit")
    shell.wait()


def errors_keep_the_shell(shell, home):
    shell.expect(re.escape(PROMPT))
    shell.line("MATCH (n RETURN n;")
    error = shell.expect(re.escape(PROMPT))
    check("SyntaxError:" in error and "^" in error, f"the syntax error is not shown with a caret:\n{error}")
    shell.line(":nosuch")
    error = shell.expect(re.escape(PROMPT))
    check("unknown command" in error, f"an unknown command is not reported:\n{error}")
    shell.line(":param x nope")
    error = shell.expect(re.escape(PROMPT))
    check("not a Cypher literal" in error, f"a bad :param is not reported:\n{error}")
    shell.type("RETURN '\xe9t\xe9' AS accents;\r")
    result = shell.expect(re.escape(PROMPT))
    check("'\xe9t\xe9'" in result, f"non-ASCII input did not come back:\n{result}")
    shell.line(":quit")
    check(shell.wait() == 0, "the shell did not exit with status 0")


SCENARIOS = {
    "welcome_and_quit": welcome_and_quit,
    "multiline_statement": multiline_statement,
    "meta_commands": meta_commands,
    "history": history,
    "ctrl_c_clears_input": ctrl_c_clears_input,
    "ctrl_c_during_query": ctrl_c_during_query,
    "ctrl_d_exits": ctrl_d_exits,
    "completion": completion,
    "long_result_truncated": long_result_truncated,
    "errors_keep_the_shell": errors_keep_the_shell,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--newsgraph", required=True)
    parser.add_argument("--datasets", required=True)
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgraph-repl-") as home:
        shell = Shell(options.newsgraph, options.datasets, home)
        try:
            SCENARIOS[options.scenario](shell, home)
            if options.scenario == "history":
                history_recalled(options.newsgraph, options.datasets, home)
        except Failure as failure:
            print(f"FAIL {options.scenario}: {failure}")
            return 1
        finally:
            shell.close()
    print(f"ok {options.scenario}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
