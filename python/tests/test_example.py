"""The worked example of docs/python.md runs and draws its figure."""

import os
import subprocess
import sys

from conftest import ROOT, SANITIZED, shared

import pytest


@pytest.mark.skipif(SANITIZED, reason="matplotlib under the sanitizers' preloaded runtimes is slow and tells nothing")
def test_accusations_example(tmp_path):
    data = shared("icews18_tkg").parent
    out = tmp_path / "accusations.png"
    run = subprocess.run(
        [sys.executable, str(ROOT / "docs/examples/accusations.py"), "--data", str(data), "--out", str(out)],
        capture_output=True, text=True, env=os.environ.copy(), timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "accusations against China" in run.stdout
    assert out.stat().st_size > 10_000
