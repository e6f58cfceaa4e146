import nbformat

from helpers import navigation


def test_navigation_links_are_current():
    assert navigation.check() == [], "run `make nav`"


def test_planned_notebooks_are_listed_without_links(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("<!--NAVIGATION-->"),
        nbformat.v4.new_markdown_cell("# Start here"),
        nbformat.v4.new_markdown_cell("<!--CONTENTS-->"),
        nbformat.v4.new_markdown_cell("<!--NAVIGATION-->"),
    ])
    nbformat.write(nb, tmp_path / "00_start_here.ipynb")
    nbformat.write(nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("<!--NAVIGATION-->"),
        nbformat.v4.new_markdown_cell("# Stance, written"),
        nbformat.v4.new_markdown_cell("<!--NAVIGATION-->"),
    ]), tmp_path / "01_stance.ipynb")
    assert navigation.check(tmp_path) == ["00_start_here.ipynb", "01_stance.ipynb"]
    assert navigation.update(tmp_path) == ["00_start_here.ipynb", "01_stance.ipynb"]
    assert navigation.check(tmp_path) == []
    start = nbformat.read(tmp_path / "00_start_here.ipynb", as_version=4)
    assert "[Stance, written](01_stance.ipynb) >" in start.cells[0].source
    assert "2. City by city: what each jurisdiction did *(coming soon)*" in start.cells[2].source
    stance = nbformat.read(tmp_path / "01_stance.ipynb", as_version=4)
    assert stance.cells[-1].source.startswith("<!--NAVIGATION-->\n*Sanctuary Notebooks* | [< Start here](00_start_here.ipynb)")
    assert "[Contents](00_start_here.ipynb#Contents)" in stance.cells[-1].source


def test_cli_check_exits_zero_when_links_are_current(capsys):
    from helpers.__main__ import main

    assert main(["nav", "--check"]) == 0
    assert capsys.readouterr().out == ""
