"""reportlab's parsed TrueType faces, kept in the user's cache folder between processes.

Registering a font makes reportlab read every glyph's metrics from the file (≈0.1 s for each
of the large Chinese faces, half a second for the faces a document prints with); a command
that prints one PDF would spend most of its time on it. The parsed tables are stored once per
font file and read back in a few milliseconds; the subsets embedded in a PDF are still cut
from the font file itself, which is mapped into memory rather than read: a document uses a
few hundred glyphs of a face of 5-13 MB, so only the pages their outlines lie on are read,
and a window that has printed does not keep the faces' bytes.

An entry belongs to one file, face and reportlab version, and is used only while the file has
the size, modification time and first and last bytes (where a font keeps its table directory,
with each table's checksum) it had when the entry was written. A missing, stale or damaged
entry is ignored and written again; an entry is replaced atomically. Entries hold plain
values only (numbers, strings, lists, dicts) and are read with an unpickler that refuses
anything else, so a damaged or foreign file cannot run code.
"""

from __future__ import annotations

import hashlib
import io
import logging
import mmap
import pickle
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, unShapedFontGlob

from app.errors import UserError
from app.exports.pdf.writing import atomic_write_bytes

FORMAT = 1  # bump when what an entry holds changes
FOLDER = "fonts"  # in the user's cache folder
EDGE = 64 * 1024  # bytes at each end of the file that go into its fingerprint
_NOT_STORED = frozenset({"_ttf_data", "_pdfScale"})  # the file's bytes, a lambda
_NAMES = frozenset({"name", "familyName", "styleName", "fullName", "uniqueFontID"})
Font = bytes | mmap.mmap  # a font file's bytes: reportlab slices them

log = logging.getLogger(__name__)


def load_font(name: str, path: Path, subfont: int = 0) -> TTFont:
    """``TTFont(name, path, subfontIndex=subfont)``, its face loaded by :func:`load_face`."""
    font: TTFont = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = load_face(path, subfont)
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in unShapedFontGlob)
    return font


def load_face(path: Path, subfont: int = 0) -> TTFontFace:
    """The parsed face ``subfont`` of the TrueType file ``path``, from the cache when it holds
    this file as it is now, else parsed (and stored for the next process)."""
    modified = path.stat().st_mtime_ns
    data = _mapped(path)
    fingerprint = _fingerprint(data, modified)
    entry = _entry_path(path, subfont)
    if entry is not None:
        state = _read(entry, fingerprint)
        if state is not None:
            return _restored(state, data, str(path))
    source = io.BytesIO(data)
    source.name = str(path)  # reportlab names the face (and its PDF objects) after it
    face = TTFontFace(source, subfontIndex=subfont)
    if entry is not None:
        _write(entry, fingerprint, face)
    return face


def _mapped(path: Path) -> Font:
    """The file's bytes, mapped read-only (read, where the file cannot be mapped)."""
    with path.open("rb") as file:
        try:
            return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # an empty file, a file system that cannot map
            return file.read()


def _fingerprint(data: Font, mtime_ns: int) -> dict[str, Any]:
    digest = hashlib.sha256(data[:EDGE] + data[-EDGE:]).hexdigest()
    return {
        "format": FORMAT,
        "reportlab": reportlab.Version,
        "size": len(data),
        "mtime_ns": mtime_ns,
        "edges": digest,
    }


def _entry_path(path: Path, subfont: int) -> Path | None:
    from app.paths import cache_dir

    try:
        folder = cache_dir() / FOLDER
        folder.mkdir(exist_ok=True)
    except OSError:
        return None  # no cache folder (a read-only profile): parse every time
    key = hashlib.sha256(f"{path.resolve()}#{subfont}".encode()).hexdigest()[:32]
    return folder / f"{path.stem[:40]}-{key}.pickle"


def _read(entry: Path, fingerprint: dict[str, Any]) -> dict[str, Any] | None:
    try:
        stored = _PlainUnpickler(io.BytesIO(entry.read_bytes())).load()
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - any damage: parse the font again and rewrite the entry
        log.info("font cache entry %s is unreadable; parsing the font again", entry.name)
        return None
    if not isinstance(stored, dict) or stored.get("fingerprint") != fingerprint:
        return None
    state = stored.get("face")
    return state if isinstance(state, dict) else None


def _write(entry: Path, fingerprint: dict[str, Any], face: TTFontFace) -> None:
    state = {
        key: bytes(value) if key in _NAMES else value
        for key, value in vars(face).items()
        if key not in _NOT_STORED
    }
    try:
        payload = pickle.dumps({"fingerprint": fingerprint, "face": state}, protocol=5)
        atomic_write_bytes(entry, payload)
    except (UserError, pickle.PicklingError, TypeError, AttributeError) as error:
        log.info("font cache entry %s not written: %s", entry.name, error)


def _restored(state: dict[str, Any], data: Font, filename: str) -> TTFontFace:
    """A face as ``TTFontFace(filename)`` would have parsed it, without parsing."""
    face: TTFontFace = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    for key in _NAMES & state.keys():
        setattr(face, key, TTFNameBytes(state[key]))
    face.filename = filename
    face._ttf_data = data
    face._pdfScale = _scale(face.unitsPerEm)
    return face


def _scale(units_per_em: int) -> Any:
    """reportlab's font-unit → 1/1000 em conversion, as its parser builds it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


class _PlainUnpickler(pickle.Unpickler):
    """Reads numbers, strings, bytes, lists, tuples, dicts and sets; nothing that names a
    class or a function (that is how a pickle would run code)."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"not a plain value: {module}.{name}")
