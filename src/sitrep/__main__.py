"""``python -m sitrep ...``: the same command line as the ``sitrep`` script."""

from sitrep.cli.main import app

if __name__ == "__main__":
    app(prog_name="sitrep")
