"""The bundle of Voila's chunks: the recorded ones, in order, named by content; none for another
Voila, so pages then load their chunks as plain Voila does."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from coproduce.serving.chunk_bundle import CHUNK_LIST, recorded_chunks, write_bundle


def _listing(tmp_path: Path, voila: str, chunks: list[str]) -> Path:
    listing = tmp_path / "chunks.txt"
    listing.write_text("# a comment\n" + "\n".join([f"voila=={voila}", *chunks]) + "\n")
    return listing


def _static(tmp_path: Path) -> Path:
    static = tmp_path / "static"
    static.mkdir()
    for chunk in ("11", "22", "33"):
        (static / f"{chunk}.voila.js").write_text(f"push({chunk}) // ends in a comment")
    return static


def test_the_recorded_chunks_in_order_named_by_content(tmp_path: Path) -> None:
    listing = _listing(tmp_path, version("voila"), ["33", "11", "44"])
    name = write_bundle(tmp_path / "out", listing, _static(tmp_path))
    body = (tmp_path / "out" / name).read_text()
    assert body == "push(33) // ends in a comment\npush(11) // ends in a comment\n"
    assert name.startswith("voila-chunks.") and name.endswith(".js")
    assert write_bundle(tmp_path / "again", listing, tmp_path / "static") == name
    (tmp_path / "static" / "11.voila.js").write_text("push(11, 'changed')")
    assert write_bundle(tmp_path / "changed", listing, tmp_path / "static") != name
    assert not list((tmp_path / "out").glob("*.partial"))


def test_no_bundle_for_another_voila_or_nothing_to_bundle(tmp_path: Path) -> None:
    static = _static(tmp_path)
    assert write_bundle(tmp_path / "out", _listing(tmp_path, "0.0.1", ["11"]), static) == ""
    assert (
        write_bundle(tmp_path / "out", _listing(tmp_path, version("voila"), ["99"]), static) == ""
    )
    assert not (tmp_path / "out").exists()


def test_the_shipped_list_is_for_the_pinned_voila() -> None:
    recorded_for, chunks = recorded_chunks(CHUNK_LIST)
    assert recorded_for == version("voila"), "re-record: benchmarks/record_voila_chunks.py"
    assert chunks and all(chunk.isdigit() for chunk in chunks)
