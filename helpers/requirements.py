"""Check that ``requirements.txt`` installs on every Python version the collection supports.

pip resolves the pinned file for another Python version without installing anything
(``pip install --dry-run --python-version X --only-binary=:all:``), so one machine can check
Debian 12's Python 3.11.2, Ubuntu 24.04's 3.12 and Debian 13's 3.13. It needs the package
registry; nothing here runs in the notebooks.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENTS = ROOT / "requirements.txt"

#: The Python versions requirements.txt must install on: Debian 12, Ubuntu 24.04, Debian 13.
PYTHONS = ("3.11.2", "3.12", "3.13")

#: pip's words for "the registry could not be reached" (as opposed to "no such release").
NETWORK_ERRORS = ("NewConnectionError", "Max retries exceeded", "Failed to establish", "Temporary failure in name",
                  "Could not fetch URL", "ConnectTimeout", "ReadTimeoutError", "ProxyError", "Network is unreachable")

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)\s*$")


def canonical(name: str) -> str:
    """Return a package name in the registry's normal form (PEP 503).

    >>> canonical("jupyterlab_server"), canonical("jusText")
    ('jupyterlab-server', 'justext')
    """
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: str | Path = REQUIREMENTS) -> dict[str, str]:
    """Return the exact pins of a requirements file, by canonical name.

    Raises ``ValueError`` naming the file and line for a line that is not ``name==version``.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = Path(d, "r.txt"); _ = p.write_text("# pins\\nJinja2==3.1.6\\nsoupsieve==2.10\\n")
    ...     pins(p)
    {'jinja2': '3.1.6', 'soupsieve': '2.10'}
    """
    path = Path(path)
    found = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = _PIN.match(line)
        if not match:
            raise ValueError(f"{path}, line {number}: expected an exact pin 'name==version'; found {line!r}")
        found[canonical(match[1])] = match[2]
    return found


class RegistryUnreachable(RuntimeError):
    """pip could not reach the package registry."""


def resolve(python: str, path: str | Path = REQUIREMENTS, timeout: float = 900) -> dict[str, str]:
    """Return what pip would install from ``path`` for Python version ``python``, by canonical name.

    Only wheels count (``--only-binary=:all:``), as on a machine without compilers. Raises
    :class:`RegistryUnreachable` when the registry cannot be reached and ``ValueError`` with
    pip's own message when the file does not resolve for that version.
    """
    import tempfile

    with tempfile.TemporaryDirectory() as target:
        command = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
                   "--disable-pip-version-check", "--no-color", "--python-version", python, "--only-binary=:all:",
                   "--target", target, "--report", "-", "-r", str(path)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        errors = "\n".join(line for line in done.stderr.splitlines() if "Location 'file:" not in line).strip()
        if any(word in errors for word in NETWORK_ERRORS):
            raise RegistryUnreachable(errors.splitlines()[-1] if errors else "no answer")
        last = [line for line in errors.splitlines() if line.startswith("ERROR")] or errors.splitlines()[-1:]
        raise ValueError(f"{path} does not install on Python {python}: {' '.join(last)}")
    report = json.loads(done.stdout)
    return {canonical(item["metadata"]["name"]): item["metadata"]["version"] for item in report["install"]}


def compare(pinned: dict[str, str], resolved: dict[str, str]) -> list[str]:
    """Return one line per difference between the pins and a resolution: none means they agree.

    >>> compare({"a": "1"}, {"a": "1"})
    []
    >>> compare({"a": "1", "b": "2"}, {"a": "1.1", "c": "3"})
    ['a: pinned 1, resolved 1.1', 'b: pinned 2, not installed', 'c: installed 3 but not pinned']
    """
    lines = []
    for name in sorted(pinned.keys() | resolved.keys()):
        if name not in resolved:
            lines.append(f"{name}: pinned {pinned[name]}, not installed")
        elif name not in pinned:
            lines.append(f"{name}: installed {resolved[name]} but not pinned")
        elif pinned[name] != resolved[name]:
            lines.append(f"{name}: pinned {pinned[name]}, resolved {resolved[name]}")
    return lines


def check(pythons=PYTHONS, path: str | Path = REQUIREMENTS) -> dict[str, list[str]]:
    """Return, for each Python version, the differences between the pins and pip's resolution.

    The Python versions are resolved at the same time (each is a separate pip run). An empty list
    means every pin installs on that version, exactly as pinned, and nothing else is pulled in.
    """
    from concurrent.futures import ThreadPoolExecutor

    pinned = pins(path)
    with ThreadPoolExecutor(max_workers=len(pythons)) as pool:
        futures = {python: pool.submit(resolve, python, path) for python in pythons}
        return {python: compare(pinned, future.result()) for python, future in futures.items()}


def main(pythons=None) -> int:
    """Print the resolution of requirements.txt for each Python version; return 1 on any difference."""
    import time

    pythons = tuple(pythons or PYTHONS)
    pinned = pins()
    print(f"Resolving {len(pinned)} pins of requirements.txt for Python {', '.join(pythons)} (no install) ...")
    start = time.perf_counter()
    try:
        result = check(pythons)
    except RegistryUnreachable as err:
        print(f"error: the package registry cannot be reached: {err}", file=sys.stderr)
        return 2
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    for python, differences in result.items():
        print(f"Python {python}: " + ("every pin resolves, nothing unpinned" if not differences
                                       else f"{len(differences)} differences"))
        for line in differences:
            print(f"  {line}")
    print(f"({time.perf_counter() - start:.0f} s)")
    return 1 if any(result.values()) else 0
