"""Print the spans of a text in a source file (curation helper).

    python scripts/curation/find_spans.py data/sources/000_b1aeb741e10eeb44.txt "Michele LeVoy"

Prints one line per occurrence: spans, then the text those spans reproduce. Exit 1 when not found.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from hrdocs.text.locate import locate_all
from hrdocs.text.spans import format_spans, text_from_spans


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source = Path(sys.argv[1]).read_text(encoding="utf-8")
    hits = locate_all(source, sys.argv[2])
    for spans in hits:
        print(format_spans(spans), text_from_spans(source, spans), sep="\t")
    sys.exit(0 if hits else 1)


if __name__ == "__main__":
    main()
