"""`coproduce check` warns when a right answer gives itself away by its length."""

from __future__ import annotations

from pathlib import Path

from coproduce.authoring.check import run_checks
from coproduce.content.errors import ContentProblem
from coproduce.content.yaml_lines import line_of, load_yaml

ROOT = Path(__file__).resolve().parents[2]
LONG_RIGHT_TEXT = (
    "Keep it, and then say just what it means in the very next sentence, in the everyday words "
    "that the readers of this leaflet would use themselves."
)


def _length_warnings(root: Path) -> list[ContentProblem]:
    return [
        problem for problem in run_checks(root).warnings if "right option is" in problem.message
    ]


def _lengthen_right_option(path: Path, text: str = LONG_RIGHT_TEXT) -> int:
    """Give a check's right option a long text; returns that option's line."""
    data = load_yaml(path)
    index = next(i for i, option in enumerate(data["options"]) if option.get("correct"))
    line = line_of(data, ("options", index))
    assert line is not None
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[line - 1].startswith("  - text: "), "the right option's text is not on one line"
    lines[line - 1] = f"  - text: {text}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return line


def _knowledge_check_files(root: Path) -> list[Path]:
    folder = root / "exercises"
    return sorted(p for p in folder.glob("*.yml") if "kind: knowledge_check" in p.read_text())


def test_the_real_course_gives_nothing_away_by_length() -> None:
    assert _length_warnings(ROOT) == []


def test_a_long_right_option_is_named_with_its_file_and_line(course_dir: Path) -> None:
    path = course_dir / "exercises" / "explain-a-word.yml"
    line = _lengthen_right_option(path)
    warnings = _length_warnings(course_dir)
    assert len(warnings) == 1, [w.render(course_dir) for w in warnings]
    rendered = warnings[0].render(course_dir)
    assert rendered.startswith(f"exercises/explain-a-word.yml:{line}: warning: ")
    assert "times as long as the others" in rendered
    assert "fix: " in rendered


def test_right_options_that_are_longest_in_most_checks_are_warned_about(
    course_dir: Path,
) -> None:
    files = _knowledge_check_files(course_dir)
    assert len(files) >= 3
    planted = files[: len(files) // 2 + 1]
    for path in planted:
        # A little longer than every other option: not enough to stand out on its own.
        data = load_yaml(path)
        longest = max(len(option["text"]) for option in data["options"])
        _lengthen_right_option(path, "Keep it up. " + "x" * (longest - 11))
    warnings = _length_warnings(course_dir)
    assert len(warnings) == 1, [w.render(course_dir) for w in warnings]
    message = warnings[0].render(course_dir)
    assert f"the right option is the longest in {len(planted)} of {len(files)}" in message
    assert message.startswith(f"exercises/{planted[0].name}:")
    assert all(path.stem in message for path in planted)


def test_checks_with_two_options_are_not_counted(course_dir: Path) -> None:
    files = _knowledge_check_files(course_dir)
    for path in files:
        options = load_yaml(path)["options"]
        right = next(i for i, option in enumerate(options) if option.get("correct"))
        wrong = next(i for i, option in enumerate(options) if not option.get("correct"))
        _lengthen_right_option(path, "Keep it up. " + "x" * (len(options[wrong]["text"]) - 11))
        _keep_options(path, sorted([right, wrong]))
    assert _length_warnings(course_dir) == []


def _keep_options(path: Path, kept: list[int]) -> None:
    """Cut a check down to the options at `kept` (each option runs to the next '  - text:')."""
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [i for i, text in enumerate(lines) if text.startswith("  - text: ")]
    end = next(i for i, text in enumerate(lines) if text.startswith("explanation:"))
    blocks = [lines[a:b] for a, b in zip(starts, [*starts[1:], end], strict=True)]
    chosen = [text for i in kept for text in blocks[i]]
    path.write_text("\n".join(lines[: starts[0]] + chosen + lines[end:]) + "\n", encoding="utf-8")
