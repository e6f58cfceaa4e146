"""JupyterLab for the notebooks, with the collection's own stylesheet (``make lab``).

JupyterLab's own setting for custom CSS (``LabApp.custom_css``) loads
``custom/custom.css`` from the folders of ``ServerApp.static_custom_path``,
which by default lie in the user's Jupyter configuration. :func:`launch`
turns the setting on and looks in ``helpers/templates/lab`` first, so that
the collection's stylesheet applies without writing anything into the
user's configuration.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jupyterlab.labapp import LabApp

#: The folder that holds the collection's ``custom.css`` for JupyterLab.
CUSTOM = Path(__file__).resolve().parent / "templates" / "lab"


class Lab(LabApp):
    """Launches JupyterLab with the server looking for ``custom.css`` in :data:`CUSTOM` before the user's folder."""

    @classmethod
    def get_extension_package(cls):
        return "jupyterlab"  # the server loads JupyterLab itself; this class only launches it

    @classmethod
    def make_serverapp(cls, **kwargs):
        server = super().make_serverapp(**kwargs)
        server.static_custom_path = [str(CUSTOM), *server.static_custom_path]
        return server


def arguments(argv: list[str]) -> list[str]:
    """Return JupyterLab's command-line arguments with custom CSS turned on.

    >>> arguments(["--ip=127.0.0.1", "notebooks/00_start_here.ipynb"])
    ['--LabApp.custom_css=True', '--ip=127.0.0.1', 'notebooks/00_start_here.ipynb']
    """
    return ["--LabApp.custom_css=True", *argv]


def launch(argv: list[str] | None = None) -> None:
    """Start JupyterLab (as ``jupyter lab`` would) with the collection's stylesheet."""
    Lab.launch_instance(arguments(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    launch()
