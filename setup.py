"""Builds the compiled half of the Python package with the project's own CMake build.

pip calls this through pyproject.toml; it configures a Release build in build/pip (tests and
benchmarks off), builds the target newsgraph_python and puts the module next to the package's
Python files. Nothing is downloaded: the dependencies are Debian's (README, "Quick start").
"""

import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).resolve().parent


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = ROOT / "build" / "pip"
        subprocess.check_call([
            "cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
            "-DNEWSGRAPH_TESTS=OFF", f"-DPython_EXECUTABLE={sys.executable}",
        ])
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 1))
        subprocess.check_call(["cmake", "--build", str(build), "--target", "newsgraph_python", "-j", jobs])
        built = next((build / "python" / "newsgraph").glob("_newsgraph*.so"))
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)


setup(ext_modules=[Extension("newsgraph._newsgraph", sources=[])], cmdclass={"build_ext": CMakeBuild})
