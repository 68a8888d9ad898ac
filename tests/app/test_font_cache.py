"""The cache of parsed fonts: the same faces as reportlab's parser, and never a stale one."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from app.exports.pdf import font_cache
from app.paths import resource_path
from tests.app.pdf_measure import needs_poppler

SMALL_FONT = "FandolSong-Latin.ttf"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def font(tmp_path: Path) -> Path:
    path = tmp_path / "fonts" / SMALL_FONT
    path.parent.mkdir()
    shutil.copy(resource_path("fonts", SMALL_FONT), path)
    return path


def entries(cache_home: Path) -> list[Path]:
    return sorted(cache_home.rglob("*.pickle"))


def parsing_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the font was parsed, not read from the cache")

    monkeypatch.setattr(TTFontFace, "extractInfo", refuse)


def same_face(restored: TTFontFace, parsed: TTFontFace) -> None:
    mine, theirs = vars(restored), vars(parsed)
    assert mine.keys() == theirs.keys()
    for key, value in theirs.items():
        if key == "_pdfScale":
            assert [mine[key](v) for v in (0, 1, 250, 1024)] == [
                value(v) for v in (0, 1, 250, 1024)
            ]
        elif key == "_ttf_data":  # the file, mapped rather than read
            assert mine[key][:] == value
        else:
            assert mine[key] == value, key
            assert type(mine[key]) is type(value), key
    for key in ("name", "familyName", "styleName", "fullName", "uniqueFontID"):
        assert getattr(restored, key).ustr == getattr(parsed, key).ustr


def test_a_face_read_back_is_the_face_reportlab_parses(
    cache_home: Path, font: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = TTFontFace(str(font))
    font_cache.load_face(font)  # parses and stores
    assert len(entries(cache_home)) == 1
    parsing_refused(monkeypatch)
    restored = font_cache.load_face(font)
    same_face(restored, parsed)
    subset = [ord(c) for c in "Page 1 — 2026"]
    assert restored.makeSubset(subset) == parsed.makeSubset(subset)


def test_a_font_built_from_the_cache_has_what_reportlab_gives_a_font(
    cache_home: Path, font: Path
) -> None:
    theirs = TTFont("GJ-test", str(font))
    mine = font_cache.load_font("GJ-test", font)
    assert vars(mine).keys() == vars(theirs).keys()
    assert mine.shapable == theirs.shapable
    assert mine.stringWidth("第1页", 16) == theirs.stringWidth("第1页", 16)


def test_a_changed_font_file_is_parsed_again(
    cache_home: Path, font: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    font_cache.load_face(font)
    stat = font.stat()
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    calls: list[object] = []
    original = TTFontFace.extractInfo

    def counted(self: TTFontFace, *args: object) -> None:
        calls.append(self)
        original(self, *args)

    monkeypatch.setattr(TTFontFace, "extractInfo", counted)
    font_cache.load_face(font)
    assert len(calls) == 1
    font_cache.load_face(font)  # the entry was written again for the new file
    assert len(calls) == 1


def test_another_font_of_the_same_size_and_time_is_not_taken_for_the_cached_one(
    cache_home: Path, font: Path
) -> None:
    font_cache.load_face(font)
    stat = font.stat()
    data = bytearray(font.read_bytes())
    data[-1] ^= 0xFF  # the last byte: the same size, then the same modification time
    font.write_bytes(bytes(data))
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    [entry] = entries(cache_home)
    stored = pickle.loads(entry.read_bytes())
    fingerprint = font_cache._fingerprint(bytes(data), stat.st_mtime_ns)
    assert stored["fingerprint"] != fingerprint


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage"])
def test_a_damaged_entry_is_ignored_and_written_again(
    cache_home: Path, font: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    parsed = font_cache.load_face(font)
    [entry] = entries(cache_home)
    entry.write_bytes(damage)
    same_face(font_cache.load_face(font), parsed)
    parsing_refused(monkeypatch)
    same_face(font_cache.load_face(font), parsed)


def test_an_entry_that_names_a_function_is_refused_not_run(
    cache_home: Path, font: Path, tmp_path: Path
) -> None:
    font_cache.load_face(font)
    [entry] = entries(cache_home)
    victim = tmp_path / "victim.txt"
    victim.write_text("still here")

    class Plant:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.remove, (str(victim),))

    fingerprint = pickle.loads(entry.read_bytes())["fingerprint"]
    entry.write_bytes(pickle.dumps({"fingerprint": fingerprint, "face": {"glyphPos": Plant()}}))
    face = font_cache.load_face(font)
    assert victim.read_text() == "still here"
    assert face.charWidths


def test_without_a_writable_cache_folder_fonts_still_load(
    tmp_path: Path, font: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    face = font_cache.load_face(font)
    assert face.charWidths


def _pdf_without_dates(pdf: bytes) -> bytes:
    return re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", b"", pdf)


SCRIPT = """
import sys
from pathlib import Path
from tests.app.test_minutes_pdf import realistic
from app.exports.pdf import render_minutes
Path(sys.argv[1]).write_bytes(render_minutes(realistic()))
"""


@needs_poppler
def test_minutes_printed_with_cached_fonts_are_the_same_file(tmp_path: Path) -> None:
    """A process that parses the fonts and one that reads them from the cache print the
    same bytes (but for the creation date): the same text, the same embedded subsets."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    root = Path(__file__).resolve().parent.parent.parent
    outputs = [tmp_path / "parsed.pdf", tmp_path / "cached.pdf"]
    for output in outputs:
        subprocess.run([sys.executable, "-c", SCRIPT, str(output)], cwd=root, env=env, check=True)
    assert entries(tmp_path / "cache")
    parsed, cached = (_pdf_without_dates(path.read_bytes()) for path in outputs)
    assert parsed == cached
    listed = subprocess.run(
        ["pdffonts", str(outputs[1])], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(listed) >= 4  # 仿宋, 黑体, 楷体, 小标宋 and the fallbacks
    assert all(row.split()[-5] == "yes" for row in listed)  # emb
