"""The fonts printed documents use: Windows' own Chinese fonts when present, else ours.

GB/T 9704 names 仿宋 (body), 黑体 (first-level headings, 出席 labels), 楷体 (second-level
headings), 小标宋 (titles) and 宋体 (page numbers). On Windows these are ``simfang.ttf``,
``simhei.ttf``, ``simkai.ttf``, ``simsun.ttc`` and, where installed, 方正小标宋. Elsewhere, or
when a file is missing, the fonts shipped in ``resources/fonts`` stand in: Gongjian Kai for
仿宋 and 楷体, WenQuanYi Micro Hei for 黑体, 宋体 and (as DESIGN.md allows) the title.
``GONGJIAN_FONT_DIR``, when set, is the only folder searched instead of Windows' (for tests).

reportlab embeds TrueType outlines only, and parses a whole font file when it is registered
(≈40 ms for the 13 MB Gongjian Kai), so fonts are registered lazily, once per process. A font
that lacks a character (an old 仿宋_GB2312 lacks 喆 and 堃) hands it to the shipped font of
the same role, which covers GBK: names are never printed as empty boxes.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.paths import resource_path

FONT_DIR_ENV = "GONGJIAN_FONT_DIR"
KAI_FILE = "GongjianKai-GBK.ttf"
HEI_FILE = "WenQuanYiMicroHei-GBK.ttf"

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
SHIPPED_FILES: dict[str, str] = {
    "fangsong": KAI_FILE,
    "kaiti": KAI_FILE,
    "heiti": HEI_FILE,
    "song": HEI_FILE,
}
# A role with no file of its own borrows another role's font: the title is set in 黑体 where
# 小标宋 is absent (DESIGN.md).
BORROWED = {"title": "heiti"}


@dataclass(frozen=True)
class FontSet:
    """reportlab names of the registered fonts, one per role."""

    fangsong: str
    heiti: str
    kaiti: str
    title: str
    song: str


_FALLBACKS: dict[str, str] = {}  # registered name -> file of the shipped font of its role
_lock = threading.Lock()


def font_directories() -> list[Path]:
    """Folders searched for system fonts: ``$GONGJIAN_FONT_DIR`` alone, else Windows' folders."""
    override = os.environ.get(FONT_DIR_ENV)
    if override:
        return [Path(override)]
    found: list[Path] = []
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
            font = TTFont(name, str(path), subfontIndex=face)
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


def shipped_font(role: str) -> str:
    name = register_file(resource_path("fonts", SHIPPED_FILES[role]))
    if name is None:
        raise RuntimeError(f"the shipped font for {role} cannot be loaded")
    return name


def discover(folders: list[Path] | None = None) -> FontSet:
    """Finds and registers the fonts of every role (not cached; see :func:`font_set`)."""
    folders = font_directories() if folders is None else folders
    names: dict[str, str] = {}
    for role in ("fangsong", "heiti", "kaiti", "song", "title"):
        found = find_system_font(role, folders)
        name = register_file(*found) if found else None
        if name is None:
            borrowed = BORROWED.get(role)
            name = names[borrowed] if borrowed else shipped_font(role)
        names[role] = name
        fallback_role = BORROWED.get(role, role)
        _FALLBACKS.setdefault(name, SHIPPED_FILES[fallback_role])
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


@cache
def fallback_font(font: str) -> str:
    """The registered font for characters ``font`` lacks (itself when it is a shipped one)."""
    shipped = _FALLBACKS.get(font)
    if shipped is None:
        return font
    name = register_file(resource_path("fonts", shipped))
    return name if name is not None else font
