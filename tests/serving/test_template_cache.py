"""Voila's page templates are compiled once per server (serving/template_cache.py): a second
environment, as Voila makes for each page, takes the compiled code from the shared cache instead
of compiling again; an edited template is compiled afresh; async and plain environments keep
apart; and the launcher puts the cache in front of every page Voila renders."""

from __future__ import annotations

from typing import Any

import pytest
import voila.notebook_renderer
from jinja2 import DictLoader, Environment

from coproduce.serving import template_cache
from coproduce.serving.template_cache import (
    CachedTemplatesExporter,
    MemoryBytecodeCache,
    share_compiled_templates,
)

PAGE = "{% for part in parts %}<li>{{ part | upper }}</li>{% endfor %}"


def _environment(
    cache: MemoryBytecodeCache, source: str = PAGE, enable_async: bool = False
) -> Environment:
    return Environment(
        loader=DictLoader({"page.html": source}),
        bytecode_cache=cache,
        enable_async=enable_async,
        autoescape=True,
    )


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates Jinja compiles from source."""
    seen: list[str] = []
    original = Environment.compile

    def counted(self: Environment, source: Any, name: Any = None, *args: Any, **kw: Any) -> Any:
        seen.append(str(name))
        return original(self, source, name, *args, **kw)

    monkeypatch.setattr(Environment, "compile", counted)
    return seen


def test_a_new_environment_takes_the_compiled_page_from_the_cache(compiles: list[str]) -> None:
    cache = MemoryBytecodeCache()
    first = _environment(cache).get_template("page.html").render(parts=["a"])
    assert compiles == ["page.html"] and len(cache) == 1
    second = _environment(cache).get_template("page.html").render(parts=["a"])
    assert compiles == ["page.html"]  # not compiled again
    assert first == second == "<li>A</li>"


def test_an_edited_template_is_compiled_afresh(compiles: list[str]) -> None:
    cache = MemoryBytecodeCache()
    _environment(cache).get_template("page.html").render(parts=["a"])
    edited = _environment(cache, PAGE.replace("upper", "lower")).get_template("page.html")
    assert compiles == ["page.html", "page.html"]
    assert edited.render(parts=["A"]) == "<li>a</li>"


def test_async_and_plain_environments_keep_their_own_code(compiles: list[str]) -> None:
    cache = MemoryBytecodeCache()
    _environment(cache).get_template("page.html")
    page = _environment(cache, enable_async=True).get_template("page.html")
    assert compiles == ["page.html", "page.html"] and len(cache) == 2
    assert "<li>B</li>" in "".join([page.render(parts=["b"])])


def test_the_launcher_puts_the_cache_in_front_of_voilas_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        voila.notebook_renderer, "VoilaExporter", voila.notebook_renderer.VoilaExporter
    )
    share_compiled_templates()
    assert voila.notebook_renderer.VoilaExporter is CachedTemplatesExporter
    environment = CachedTemplatesExporter().environment
    assert environment.bytecode_cache is template_cache.SHARED
    assert environment.is_async  # Voila renders its pages asynchronously
