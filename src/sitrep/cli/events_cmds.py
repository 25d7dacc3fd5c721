"""Commands over coded events: ``code``, ``events``, ``explain``, ``eval events|plover``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.text import Text

from sitrep.api import MISS_CAUSES, EvalReport, participants
from sitrep.cli import options
from sitrep.cli.output import (
    Format,
    cell,
    console,
    emit,
    err_console,
    guarded,
    show_date,
    shown,
    table_limit,
)
from sitrep.safety import same_length_visible

eval_app = typer.Typer(help="Score sitrep against gold data.", no_args_is_help=True)


@guarded()
def code(
    force: bool = typer.Option(False, "--force", help="Re-code every article, not only those "
                               "coded by another version of the rules, model or knowledge base."),
    db: Path = options.DB,
) -> None:
    """Code events in stored articles (after a change of rules, model or knowledge base).

    Each article's events are replaced, never added to: re-coding never inflates a count.

    Example:

      sitrep code --force
    """
    from rich.progress import Progress

    with options.open_workspace(db) as ws, Progress(console=err_console, transient=True) as bar:
        task = bar.add_task("coding", total=None)
        report = ws.code(force=force, progress=lambda n, label: bar.update(task, advance=n))
    err_console.print(f"[green]done[/green]  coded {report.articles} articles, "
                      f"{report.mentions} event mentions ({report.coder_version})")


def _event_row(event: dict[str, Any]) -> dict[str, Any]:
    where = (event.get("location") or {}).get("name")
    return {
        "id": event["id"], "date": show_date(event["date"], event["date_precision"]),
        "type": event["type"], "mode": event["mode"],
        "actors": [a["name"] for a in event["actors"]], "where": where,
        "topics": event["topics"], "modality": event["modality"],
        "sources": len({e["article_id"] for e in event["evidence"]}),
    }


@guarded()
def events(
    actor: str = typer.Option(None, "--actor", "-a", help="An actor taking part (name or key)."),
    type_: str = typer.Option(None, "--type", "-t", help="PLOVER type, e.g. CONSULT, ACCUSE."),
    since: str = options.SINCE,
    until: str = options.UNTIL,
    modality: str = typer.Option("asserted", "--modality", help="asserted (what happened), "
                                 "negated, hypothetical, future, or all."),
    limit: int = typer.Option(None, "--limit", help="At most this many events (0: all; "
                              "default: 100 in a table, all in the other formats).",
                              show_default=False),
    fmt: Format = options.FORMAT,
    db: Path = options.DB,
) -> None:
    """List coded events: who did what to whom, when and where, with their sources.

    jsonl/json output has the stable export fields: id, type, mode, actors, source, target,
    date, date_precision, location, topics, modality, evidence, confidence.

    Examples:

      sitrep events --actor Bennett --type CONSULT

      sitrep events --since 2022-01-01 --format jsonl > events.jsonl

      sitrep events --modality negated
    """
    filters: dict[str, Any] = {
        "actor": actor, "type": type_, "since": options.day(since, "--since"),
        "until": options.day(until, "--until", end=True), "modality": modality}
    cap = table_limit(limit, fmt)
    with options.open_workspace(db, read_only=True) as ws:
        rows = ws.events(**filters, limit=cap)
        total = ws.count_events(**filters) if cap and len(rows) == cap else None
    if fmt is Format.table:
        emit([_event_row(r) for r in rows], fmt, title="events", total=total)
    else:
        emit(rows, fmt)


_STYLES = {"actor": "bold cyan", "event": "bold magenta", "date": "bold green"}


@guarded()
def explain(
    event_id: str = typer.Argument(..., help="Event id (or mention id) from `sitrep events`."),
    fmt: Format = options.FORMAT,
    db: Path = options.DB,
) -> None:
    """Show the sentences an event comes from, with actors, trigger and date marked.

    Example:

      sitrep explain e_1a2b3c4d
    """
    with options.open_workspace(db, read_only=True) as ws:
        found = ws.explain(event_id)
    if fmt is not Format.table:
        emit([found], fmt)
        return
    ev = found["event"]
    console.rule(f"[bold]{shown(ev['type'])}[/bold] {shown(ev['mode'] or '')} "
                 f"{ev['date'] or ''} ({shown(ev['modality'])})")
    console.print(cell("actors: " + "; ".join(
        f"{a['name']} [{a['country'] or '?'}/{a['sector'] or '?'}]"
        + (f" {a['office']}" if a.get("office") else "") for a in ev["actors"])))
    for m in found["mentions"]:
        console.print()
        console.print(f"[dim]{m['published']}  {shown(m['title'])}  {shown(m['url'])}[/dim]")
        console.print(_marked(m))
        console.print(f"[dim]rule {shown(m['rule'])}, confidence {m['confidence']}, "
                      f"chars {m['start']}-{m['end']}[/dim]")
    console.print("\n[dim]legend:[/dim] " + "  ".join(
        f"[{style}]{kind}[/{style}]" for kind, style in _STYLES.items()))


def _marked(mention: dict[str, Any]) -> Text:
    """The sentence with each span styled; offsets are into the article text."""
    text = Text(same_length_visible(mention["sentence"]))
    for span in mention["spans"]:
        start, end = span["start"] - mention["start"], span["end"] - mention["start"]
        if 0 <= start < end <= len(mention["sentence"]):
            text.stylize(_STYLES[span["kind"]], start, end)
    return text


@eval_app.command("events")
@guarded()
def eval_events(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="Gold events, JSONL as in eval/events/dev-gold.jsonl."),
    docmap: Path = typer.Option(None, "--docmap", exists=True, dir_okay=False,
                                help="JSON {gold doc id: URL}; default: the *-docmap.json "
                                     "beside the gold file, else docs named by file name."),
    why: bool = typer.Option(False, "--why", help="List each missed event under the cause of "
                             "the miss, with the nearest predictions."),
    fmt: Format = options.FORMAT,
    db: Path = options.DB,
) -> None:
    """Precision, recall and F1 of stored events against hand-coded gold, per document.

    The same matching and counts as the evaluation set's reference scorer
    (eval/events/score_events.py): a stored event (as `sitrep events` exports it) matches a
    gold line of its document when the type is the same, the participants are the same
    (names compared loosely) and the dates agree at the gold's precision. Prints the scores
    overall, per type and per kind of document, then the reference scorer's summary line.

    Examples:

      sitrep ingest corpus/ dev-news.jsonl
      sitrep eval events ../shared/eval/events/dev-gold.jsonl --why
    """
    with options.open_workspace(db, read_only=True) as ws:
        found = ws.eval_events(gold, docmap=docmap)
    report = found.report
    if found.missing_docs:
        err_console.print(f"[yellow]warning[/yellow] {len(found.missing_docs)} gold documents "
                          f"are not in the store (their events count as missed): "
                          f"{', '.join(found.missing_docs[:5])}")
    if fmt is not Format.table:
        emit([report.as_dict() | {"missing_docs": found.missing_docs}], fmt)
        return
    emit(found.rows(), fmt, title=f"event coding vs {gold.name}")
    if why:
        _print_misses(report)
    causes = ", ".join(f"{n} {cause}" for cause, n in report.causes().most_common())
    err_console.print(f"missed: {causes or 'none'}")
    err_console.print(report.mode_line(), markup=False, highlight=False)
    console.print(report.summary(), markup=False, highlight=False)


def _print_misses(report: EvalReport) -> None:
    """Missed gold events grouped by cause, each with the predictions that came closest."""
    for cause in MISS_CAUSES:
        misses = [m for m in report.misses if m.cause == cause]
        if not misses:
            continue
        console.print(Text(f"\n{cause} ({len(misses)})", style="bold"))
        for miss in misses:
            g = miss.gold
            console.print(Text(f"  {g['doc'][:48]}  {g['type']} {participants(g)} "
                               f"{g.get('date') or ''}"))
            console.print(Text(f"      {str(g.get('evidence', ''))[:160]}", style="dim"))
            for p in miss.near:
                console.print(Text(f"      got {p.get('type')} {participants(p)} "
                                   f"{p.get('date') or ''}", style="yellow"))


@eval_app.command("plover")
@guarded()
def eval_plover(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="PLOVER gold sentences (a JSON array, as "
                                     "eval/events/PLOVER_GSR_CAMEO.txt)."),
    fmt: Format = options.FORMAT,
) -> None:
    """Event type accuracy and source/target country accuracy on PLOVER gold sentences.

    Each sentence is coded on its own, by the coder ingest uses (the model and kb settings),
    and scored on its type (an event whose second party was not found still counts). Then the
    learned sentence typer types the sentences the coder found no event in, each with the
    model trained without that sentence's fold, on a setting chosen on the other folds
    (nested 5-fold cross-validation). v0.5 types map to
    v0.8 (DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT).
    The store is not used.

    Example:

      sitrep eval plover ../shared/eval/events/PLOVER_GSR_CAMEO.txt
    """
    with options.open_workspace(None) as ws:
        result = ws.eval_plover(gold)
    if fmt is not Format.table:
        emit([result], fmt)
        return
    rows = [{"type": t, **scores} for t, scores in result["per_type"].items()]
    emit(rows, fmt, title=f"PLOVER types on {gold.name}")
    err_console.print(
        f"sentences {result['sentences']}, coded {result['coded']}, type accuracy "
        f"{result['type_accuracy']:.3f}, source country {result['source_accuracy']:.3f}, "
        f"target country {result['target_accuracy']:.3f}")
    typed = result.get("with_typer")
    if typed:
        err_console.print(f"with the sentence typer (5-fold CV) on the {typed['typed']} "
                          f"sentences the coder left: type accuracy {typed['type_accuracy']:.3f}")


def register(app: typer.Typer) -> None:
    app.command()(code)
    app.command()(events)
    app.command()(explain)
    app.add_typer(eval_app, name="eval")
