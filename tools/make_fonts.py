"""Makes the fonts shipped in resources/fonts from Debian's font packages.

    apt-get download texlive-lang-chinese fonts-hanazono
    for deb in *.deb; do dpkg-deb -x "$deb" unpacked; done
    python tools/make_fonts.py unpacked resources/fonts

reportlab embeds TrueType outlines only, so the Fandol faces (OpenType/CFF) are converted
with fontTools' cu2qu (cubic to quadratic curves, 1 unit of error on a 1000-unit em), then
every face is subset without hinting to the characters printed documents need: ASCII,
Latin-1, general and CJK punctuation, full-width forms and GBK for the document faces (the
page numbers' 宋体 keeps no Chinese characters: it prints digits and dashes only); CJK
Extension A and the Extension B characters Hanazono Mincho A carries (𠮷 among them) for the
rare-character face. Needs fonttools (the ``dev`` extra).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

FANDOL = "usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
HANAZONO = "usr/share/fonts/truetype/hanazono"
MAX_ERROR = 1.0  # font units: invisible at any print size

# shipped file -> (source file, whether it keeps its Chinese characters)
DOCUMENT_FACES = {
    "FandolFang.ttf": (f"{FANDOL}/FandolFang-Regular.otf", True),
    "FandolSong-Bold.ttf": (f"{FANDOL}/FandolSong-Bold.otf", True),
    # 宋体 prints the page numbers only: digits, Latin and punctuation are enough
    "FandolSong-Latin.ttf": (f"{FANDOL}/FandolSong-Regular.otf", False),
}
RARE_FACE = ("HanaMinA-Rare.ttf", f"{HANAZONO}/HanaMinA.ttf")


def gbk() -> set[int]:
    """Every character of GBK: each two-byte sequence 0x81–0xFE × 0x40–0xFE that decodes."""
    found: set[int] = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                found.add(ord(bytes((lead, trail)).decode("gbk")))
            except UnicodeDecodeError:
                continue
    return found


def latin_characters() -> set[int]:
    ranges = (
        (0x20, 0x7F),  # ASCII
        (0xA0, 0x180),  # Latin-1 and Latin Extended-A
        (0x2000, 0x2070),  # general punctuation
        (0x3000, 0x3040),  # CJK symbols and punctuation
        (0xFF00, 0xFFF0),  # full-width forms
    )
    return {code for low, high in ranges for code in range(low, high)}


def rare_characters(font: TTFont) -> set[int]:
    """CJK Extension A, B and the compatibility ideographs the font has."""
    blocks = ((0x3400, 0x4DC0), (0x20000, 0x2A6E0), (0xF900, 0xFB00), (0x2F800, 0x2FA20))
    return {c for c in font.getBestCmap() if any(low <= c < high for low, high in blocks)}


def to_truetype(font: TTFont) -> None:
    """Replaces the CFF outlines of ``font`` with quadratic TrueType ones, in place."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones maxTwilightPoints maxStorage maxFunctionDefs maxInstructionDefs "
        "maxStackElements maxSizeOfInstructions maxComponentElements"
    ).split():
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def subset_to(font: TTFont, characters: set[int]) -> None:
    options = subset.Options()
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["DSIG", "FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=characters)
    subsetter.subset(font)


def main(unpacked: Path, target: Path) -> None:
    latin = latin_characters()
    chinese = latin | gbk()
    for name, (source, keeps_chinese) in DOCUMENT_FACES.items():
        font = TTFont(unpacked / source)
        subset_to(font, chinese if keeps_chinese else latin)
        to_truetype(font)
        font.save(target / name)
        print(f"{name}: {(target / name).stat().st_size // 1024} KB")
    name, source = RARE_FACE
    font = TTFont(unpacked / source)
    subset_to(font, rare_characters(font))
    font.save(target / name)
    print(f"{name}: {(target / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
