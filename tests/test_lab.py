from helpers import lab


def test_the_stylesheet_makes_printed_output_wrap_between_words():
    css = (lab.CUSTOM / "custom.css").read_text(encoding="utf-8")
    assert "body .jp-OutputArea-output pre {" in css and "word-break: normal;" in css


def test_the_server_looks_for_the_collections_stylesheet_first():
    from jupyter_server.serverapp import ServerApp

    try:
        server = lab.Lab.make_serverapp()
        assert server.static_custom_path[0] == str(lab.CUSTOM) and len(server.static_custom_path) == 3
    finally:
        ServerApp.clear_instance()
    assert lab.arguments(["--port=9999"]) == ["--LabApp.custom_css=True", "--port=9999"]
