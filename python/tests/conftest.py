"""Shared fixtures: the bundled seed dataset and the real data beside the repository."""

import os
import pathlib

import pytest

import newsgraph as ng

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATASETS = pathlib.Path(os.environ.get("NEWSGRAPH_DATASETS_DIR", ROOT / "datasets"))
SHARED = pathlib.Path(os.environ.get("NEWSGRAPH_SHARED_DATASETS_DIR", ROOT.parent / "shared" / "datasets"))
# Under ASan and UBSan everything runs several times slower: the large cases shrink.
SANITIZED = os.environ.get("NEWSGRAPH_SANITIZED") == "1"


@pytest.fixture
def db():
    return ng.Database()


@pytest.fixture(scope="module")
def seed():
    database = ng.Database()
    database.load(f"dataset:{DATASETS / 'czech-apt31'}", strict=True)
    return database


def shared(path):
    """A folder of ../shared/datasets, or skip the test when the data is not there."""
    full = SHARED / path
    if not full.exists():
        pytest.skip(f"{full} is not here")
    return full
