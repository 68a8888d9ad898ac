"""The fonts printed documents use: the office's own Chinese fonts when present, else ours.

GB/T 9704 names 仿宋 (body), 黑体 (first-level headings, 出席 labels), 楷体 (second-level
headings), 小标宋 (titles) and 宋体 (page numbers). On Windows these are ``simfang.ttf``,
``simhei.ttf``, ``simkai.ttf``, ``simsun.ttc`` and, where installed, 方正小标宋; fonts put in
the ``fonts`` folder of the application's data folder are found first. Elsewhere, or when a
file is missing, the fonts shipped in ``resources/fonts`` stand in: Fandol Fang for 仿宋,
Gongjian Kai for 楷体, WenQuanYi Micro Hei for 黑体, Fandol Song Bold for 小标宋 and Fandol
Song for the page numbers. ``GONGJIAN_FONT_DIR``, when set, is the only folder searched (for
tests).

Every role has a chain of shipped faces for what its font lacks: the GBK characters the
Fandol faces do not carry (喆, 堃) come from the shipped face of the nearest style, and CJK
Extension A/B characters (𠮷) from Hanazono Mincho. A character no face covers (an emoji) is
reported by :func:`missing_characters` so the user is told when such text is saved.

reportlab embeds TrueType outlines only, and parses a whole font file when it is registered
(≈0.1 s for the 13 MB Gongjian Kai), so fonts are registered lazily, once per process, and
their parsed metrics are kept in the user's cache folder (:mod:`app.exports.pdf.font_cache`).
"""

from __future__ import annotations

import gc
import os
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError

from app.exports.pdf.font_cache import load_font
from app.paths import resource_path

FONT_DIR_ENV = "GONGJIAN_FONT_DIR"
OFFICE_FONT_FOLDER = "fonts"  # in the application's data folder
FANG_FILE = "FandolFang.ttf"
KAI_FILE = "GongjianKai-GBK.ttf"
HEI_FILE = "WenQuanYiMicroHei-GBK.ttf"
SONG_BOLD_FILE = "FandolSong-Bold.ttf"
SONG_FILE = "FandolSong-Latin.ttf"
RARE_FILE = "HanaMinA-Rare.ttf"
ROLES = ("fangsong", "heiti", "kaiti", "title", "song")

# Candidate files per role, best first; a .ttc names its face after "#".
WINDOWS_FILES: dict[str, tuple[str, ...]] = {
    "fangsong": ("simfang.ttf", "FangSong.ttf", "仿宋_GB2312.ttf", "FS_GB2312.ttf"),
    "heiti": ("simhei.ttf",),
    "kaiti": ("simkai.ttf", "KaiTi.ttf", "楷体_GB2312.ttf", "KAI_GB2312.ttf"),
    "title": (
        "FZXBSK.TTF",  # 方正小标宋_GBK
        "FZXBSJW.TTF",  # 方正小标宋简体
        "方正小标宋简体.ttf",
        "方正小标宋_GBK.ttf",
        "FZXiaoBiaoSong-B05S.ttf",
    ),
    "song": ("simsun.ttc#0", "simsun.ttf", "SimSun.ttf"),
}
# The shipped faces of each role, best first: the first prints the role where the office's
# own font is missing; the others print what the ones before them lack (GBK characters the
# Fandol faces do not carry come from the face of the nearest style, CJK Extension A/B from
# Hanazono Mincho).
SHIPPED_CHAINS: dict[str, tuple[str, ...]] = {
    "fangsong": (FANG_FILE, KAI_FILE, RARE_FILE),
    "kaiti": (KAI_FILE, RARE_FILE),
    "heiti": (HEI_FILE, RARE_FILE),
    "title": (SONG_BOLD_FILE, HEI_FILE, RARE_FILE),
    "song": (SONG_FILE, SONG_BOLD_FILE, HEI_FILE, RARE_FILE),
}


@dataclass(frozen=True)
class FontSet:
    """reportlab names of the registered fonts, one per role."""

    fangsong: str
    heiti: str
    kaiti: str
    title: str
    song: str

    def names(self) -> tuple[str, ...]:
        return tuple(getattr(self, role.name) for role in fields(self))


_ASTRAL_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")
_make_to_unicode_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF (𠮷) written as the UTF-16
    surrogate pairs a PDF reader expects: reportlab writes their five hex digits, which
    readers cut to four, so 𠮷 printed right but copied and searched as ₻."""

    def utf16(match: re.Match[str]) -> str:
        encoded = chr(int(match[2], 16)).encode("utf-16-be").hex().upper()
        return f"<{match[1]}> <{encoded}>"

    return _ASTRAL_ENTRY.sub(utf16, _make_to_unicode_cmap(fontname, subset))


ttfonts.makeToUnicodeCMap = _to_unicode_cmap
_CHAINS: dict[str, tuple[str, ...]] = {}  # registered name -> the shipped files after it
_lock = threading.Lock()


def font_directories() -> list[Path]:
    """Folders searched for the office's fonts: ``$GONGJIAN_FONT_DIR`` alone, else the
    ``fonts`` folder of the application's data folder, then Windows' font folders."""
    override = os.environ.get(FONT_DIR_ENV)
    if override:
        return [Path(override)]
    from app.paths import data_dir

    found: list[Path] = [data_dir() / OFFICE_FONT_FOLDER]
    for root in (os.environ.get("WINDIR"), os.environ.get("SystemRoot"), r"C:\Windows"):
        if root:
            folder = Path(root) / "Fonts"
            if folder not in found:
                found.append(folder)
    local = os.environ.get("LOCALAPPDATA")  # fonts installed for one user (Windows 10+)
    if local:
        found.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return found


def find_system_font(role: str, folders: list[Path]) -> tuple[Path, int] | None:
    """The first candidate file of ``role`` in ``folders``, with its face index."""
    for folder in folders:
        if not folder.is_dir():
            continue
        for candidate in WINDOWS_FILES[role]:
            name, _, face = candidate.partition("#")
            path = _find_case_insensitive(folder, name)
            if path is not None:
                return path, int(face or 0)
    return None


def _find_case_insensitive(folder: Path, name: str) -> Path | None:
    path = folder / name
    if path.is_file():
        return path
    try:
        lowered = name.lower()
        return next((p for p in folder.iterdir() if p.name.lower() == lowered), None)
    except OSError:
        return None


def register_file(path: Path, face: int = 0) -> str | None:
    """Registers a TrueType file with reportlab once; its reportlab name, or None if unusable."""
    name = f"{path.stem}-{face}" if path.suffix.lower() == ".ttc" else path.stem
    name = "".join(ch if ch.isascii() and ch.isalnum() or ch in "-_" else "_" for ch in name)
    name = f"GJ-{name}"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        with _collector_paused():
            font = load_font(name, path, face)
    except (TTFError, OSError, ValueError, KeyError, IndexError):
        return None  # postscript outlines, a damaged file, a face that does not exist
    pdfmetrics.registerFont(font)
    return name


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsing a font makes some 100,000 long-lived objects; in a process that already holds
    many (SQLAlchemy, Qt), each collection they trigger walks them all: ≈40 ms of the ≈120 ms
    that two fonts take to load. The parser makes no reference cycles, so pausing the cycle
    collector for it loses nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def shipped_font(file: str) -> str:
    """The reportlab name of a font shipped in ``resources/fonts``, registered on first use."""
    name = register_file(resource_path("fonts", file))
    if name is None:
        raise RuntimeError(f"the shipped font {file} cannot be loaded")
    return name


def discover(folders: list[Path] | None = None) -> FontSet:
    """Finds and registers the fonts of every role (not cached; see :func:`font_set`)."""
    folders = font_directories() if folders is None else folders
    names: dict[str, str] = {}
    for role in ROLES:
        chain = SHIPPED_CHAINS[role]
        found = find_system_font(role, folders)
        name = register_file(*found) if found else None
        if name is None:
            name, chain = shipped_font(chain[0]), chain[1:]
        names[role] = name
        _CHAINS.setdefault(name, chain)
    return FontSet(**names)


@cache
def font_set() -> FontSet:
    """The fonts of this process, found and registered on first use."""
    with _lock:
        return discover()


def covers(font: str, char: str) -> bool:
    """True when the registered TrueType ``font`` has a glyph for ``char``."""
    return ord(char) in character_map(font)


@cache
def character_map(font: str) -> dict[int, int]:
    """Code point → glyph of a registered TrueType font."""
    char_to_glyph: dict[int, int] = pdfmetrics.getFont(font).face.charToGlyph
    return char_to_glyph


def fallback_fonts(font: str) -> tuple[str, ...]:
    """The registered fonts that print what ``font`` lacks, best first (the shipped faces
    after it in its role's chain), registered on first use."""
    with _lock:
        return tuple(shipped_font(file) for file in _CHAINS.get(font, ()))


@cache
def fallback_font(font: str, char: str) -> str:
    """The font that prints ``char`` where ``font`` lacks it: the first of its chain that
    covers it, else ``font`` itself (the character then prints as the font's empty box)."""
    return next((f for f in fallback_fonts(font) if covers(f, char)), font)


def missing_characters(texts: Iterable[str]) -> list[str]:
    """The characters of ``texts``, in order and once each, that no font of the documents
    covers: what would print as an empty box. Line breaks and spaces are not missing."""
    fonts = font_set()
    body = (fonts.fangsong, *fallback_fonts(fonts.fangsong))
    maps = [character_map(font) for font in body]
    missing: list[str] = []
    for text in texts:
        for char in text:
            if char.isspace() or char in missing:
                continue
            code = ord(char)
            if not any(code in table for table in maps):
                missing.append(char)
    return missing
