"""``backcheck checks``: what each check looks for, what it needs and its settings."""

from __future__ import annotations

import typer

from . import app, verbosity
from . import options as opt


@app.command("checks")
def checks(ctx: typer.Context, verbose: int = opt.verbose_option("also prints each check's settings")) -> None:
    """List the checks (names for --check): what each looks for, what it needs to run (a check whose
    needs are missing is skipped, and the report says why) and whether it is specific (its finding
    replaces a phrase divergence on the same words).

    Example:  backcheck checks -v

    Exit codes: 0 done, 2 usage.
    """
    from ..checks import CHECKS

    detail = verbosity(ctx, verbose)
    for name in sorted(CHECKS):
        cls = CHECKS[name]
        needs = ", ".join(sorted(n.value.replace("_", "-") for n in cls.needs)) or "the article only"
        typer.echo(f"{name}{' (specific)' if cls.specific else ''}: {cls.description}")
        typer.echo(f"    needs: {needs}")
        if detail:
            for key, value in cls.settings().items():
                typer.echo(f"    {key} = {value}")
