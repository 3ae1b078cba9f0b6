"""The fonts a PDF embeds: DejaVu Sans whole, or cut to the scripts the atlas writes in.

fpdf2 reads a font file whole for every document it is added to: for DejaVu Sans (6,000
glyphs, two faces) that was about a third of the time fpdf2 took to draw a profile
(benchmarks.requests, 6,000 areas). ``lean_fonts()`` cuts both faces once per machine
(fontTools' subsetter, the library fpdf2 itself subsets with) to Latin with its extensions
(Swedish, Polish and every other Latin alphabet), Greek, and the punctuation, arrows,
mathematical and geometric signs the profiles use (tests/export/test_pdf_fonts.py checks
that every sign in the reports' and presentation's text is kept); the glyphs and metrics
kept are DejaVu's own, so a page is laid out exactly as with the whole font. A document
that asks for a character the cut font lacks (a name in Cyrillic, say) is drawn again
with the whole font (``reports.pdf.render_pdf``): nothing is ever printed as a missing
glyph.

The cut fonts are kept in the machine's temporary folder, named by a digest of the source
font, the ranges and fontTools' version, and written atomically, so processes share them
and a changed font or range makes new ones. Where that folder cannot be written the whole
fonts are used.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import tempfile
import threading
from pathlib import Path

import fontTools
from fontTools import subset, ttLib

from reports.drawing import FONT_BOLD, FONT_REGULAR

log = logging.getLogger(__name__)

LEAN_RANGES = (
    (0x0020, 0x024F),  # Basic Latin, Latin-1 Supplement, Latin Extended-A and -B
    (0x0370, 0x03FF),  # Greek (Δ, ρ in notes; µ is Latin-1)
    (0x2000, 0x206F),  # General Punctuation (– — ‘ ’ “ ” „ • … ‰)
    (0x20A0, 0x20CF),  # currency signs (€)
    (0x2190, 0x21FF),  # arrows (← ↑ → ↓ ↗ ↘)
    (0x2212, 0x2212), (0x2248, 0x2248), (0x2260, 0x2260), (0x2264, 0x2265),  # − ≈ ≠ ≤ ≥
    (0x25A0, 0x25FF),  # geometric shapes (▲ △ ▼ ▽ ◆ ○ ● ◎)
    (0x2605, 0x2606), (0x2713, 0x2717),  # ★ ☆ ✓ ✗
)
# Each glyph kept costs every PDF a little (fpdf2 reads the font whole for each document):
# the blocks a name may need are kept whole, the signs only as the text uses them (a test
# lists any sign of the reports' text missing here). About 1,100 glyphs of DejaVu's 6,000;
# a name that needs more (Cyrillic, Vietnamese) is set in the whole font instead.
_lock = threading.Lock()
_made: dict[Path, Path | None] = {}


def whole_fonts() -> tuple[Path, Path]:
    """The regular and bold DejaVu Sans files, whole."""
    return FONT_REGULAR, FONT_BOLD


def lean_fonts() -> tuple[Path, Path]:
    """The regular and bold faces cut to ``LEAN_RANGES`` (the whole ones if they cannot be
    kept on this machine)."""
    regular, bold = _lean(FONT_REGULAR), _lean(FONT_BOLD)
    return (regular, bold) if regular is not None and bold is not None else whole_fonts()


def _lean(source: Path) -> Path | None:
    with _lock:
        if source not in _made:
            _made[source] = _made_once(source)
        return _made[source]


def _made_once(source: Path) -> Path | None:
    data = source.read_bytes()
    digest = hashlib.sha256(data + repr(LEAN_RANGES).encode() + fontTools.version.encode()).hexdigest()[:16]
    target = Path(tempfile.gettempdir()) / "wellbeing-fonts" / f"{source.stem}-lean-{digest}.ttf"
    if target.exists():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.part")
        partial.write_bytes(cut(data))
        os.replace(partial, target)  # atomic: another process sees the whole file or none
    except OSError as exc:
        log.warning("PDF fonts: cannot keep the cut font in %s (%s); using the whole font",
                    target.parent, exc)
        return None
    return target


def cut(data: bytes) -> bytes:
    """A TrueType font's bytes cut to ``LEAN_RANGES`` (names, layout features, metrics and
    hinting kept; the file's timestamp unchanged, so the same font gives the same bytes)."""
    font = ttLib.TTFont(io.BytesIO(data), recalcTimestamp=False)
    options = subset.Options()
    options.glyph_names = True
    options.notdef_outline = True
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = True
    options.recalc_timestamp = False
    options.drop_tables = [*options.drop_tables, "FFTM"]  # FontForge's stamp: not subsettable
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[u for first, last in LEAN_RANGES for u in range(first, last + 1)])
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
