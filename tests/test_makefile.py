"""The set-up's guards, run through make with a stand-in Python and npm (nothing is installed).

Each test gives make its own .venv folder under tmp_path, so the real .venv is never touched.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")

# A stand-in for a Python of a given version: answers the set-up's two questions (is it new enough, which version),
# and fails to create a virtual environment, as Debian's python3 does without python3-venv.
FAKE_PYTHON = """#!{python}
import sys
args = sys.argv[1:]
if args[:1] == ["-c"] and "version_info <" in args[1]:
    sys.exit({old})
if args[:1] == ["-c"] and "python_version" in args[1]:
    print("{version}")
    sys.exit(0)
if args[:2] == ["-m", "venv"]:
    print("The virtual environment was not created successfully because ensurepip is not available.", file=sys.stderr)
    sys.exit(1)
sys.exit(1)
"""


def fake_python(folder: Path, version: str) -> Path:
    path = folder / f"python{version}"
    old = int(tuple(map(int, version.split("."))) < (3, 11, 2))
    path.write_text(FAKE_PYTHON.format(python=sys.executable, old=old, version=version), encoding="utf-8")
    path.chmod(0o755)
    return path


def make_setup(tmp_path: Path, **variables) -> subprocess.CompletedProcess:
    args = ["make", "--no-print-directory", "-C", str(ROOT), "setup", f"VENV={tmp_path / 'venv'}"]
    args += [f"{k}={v}" for k, v in variables.items()]
    return subprocess.run(args, capture_output=True, text=True, timeout=60)


def test_without_npm_the_setup_stops_with_a_clear_message_and_is_not_marked_done(tmp_path):
    done = make_setup(tmp_path, NPM=tmp_path / "no-npm", PYTHON=fake_python(tmp_path, "3.12.3"))
    assert done.returncode != 0
    assert f"Set-up stopped: {tmp_path / 'no-npm'} not found." in done.stderr
    assert "sudo apt-get install npm" in done.stderr
    assert not (tmp_path / "venv").exists()


def test_a_python_older_than_3_11_2_is_named_with_the_version_needed(tmp_path):
    python = fake_python(tmp_path, "3.10.12")
    done = make_setup(tmp_path, NPM=sys.executable, PYTHON=python)
    assert done.returncode != 0
    assert (f"Set-up stopped: Sanctuary Notebooks needs Python 3.11.2 or newer (3.11.2, 3.12 and 3.13 are tested); "
            f"{python} is 3.10.12.") in done.stderr
    assert not (tmp_path / "venv").exists()


def test_a_half_made_venv_is_removed_and_a_failed_venv_is_never_marked_done(tmp_path):
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "leftover").write_text("from a set-up that stopped half-way", encoding="utf-8")
    done = make_setup(tmp_path, NPM=sys.executable, PYTHON=fake_python(tmp_path, "3.12.3"))
    assert done.returncode != 0
    assert f"Removing {venv}: its last set-up did not finish." in done.stdout
    assert "Set-up stopped: could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv" in done.stderr
    assert not venv.exists()


def test_make_help_lists_clean_and_add():
    done = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "help"], capture_output=True, text=True, timeout=60)
    lines = done.stdout.splitlines()
    assert any(line.startswith("make clean ") for line in lines)
    assert any(line.startswith("make add FILES=") for line in lines)
    assert any(line.startswith("make setup ") for line in lines)


def test_lab_opens_at_the_repository_root_with_start_here_open():
    # Read from the Makefile, not run: even make -n would remake a target it is told is out of date.
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = text.split("\nlab: setup\n", 1)[1].split("\n", 1)[0]
    assert '--ServerApp.root_dir="$(CURDIR)"' in recipe
    assert recipe.endswith(" notebooks/00_start_here.ipynb")
