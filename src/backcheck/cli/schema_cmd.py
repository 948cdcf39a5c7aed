"""``backcheck schema``: print the JSON Schema of the JSON reports."""

from __future__ import annotations

import json

import typer

from . import EXIT_CODES_HELP, app


@app.command("schema", help="Print the JSON Schema (draft 2020-12) that `check --format json` and "
                            "`corpus --json` reports validate against.\n\n"
                            "Example:  backcheck schema > backcheck-report.schema.json\n\n" + EXIT_CODES_HELP)
def schema() -> None:
    from ..report.schema import report_schema

    typer.echo(json.dumps(report_schema(), indent=2))
