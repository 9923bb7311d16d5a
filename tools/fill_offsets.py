"""Fill in evidence offsets of a hand-written statements file.

An annotator writes each relation's evidence sentence as it stands in the article and
leaves out `start` and `end`; this finds the sentence (it must occur exactly once) and
prints the file with the offsets and the text's digest filled in:

    python tools/fill_offsets.py data/gold/A.yaml > /tmp/a.yaml && mv /tmp/a.yaml data/gold/A.yaml
"""

import hashlib
import sys
from pathlib import Path

import yaml


def main() -> None:
    src = Path(sys.argv[1])
    doc = yaml.safe_load(src.read_text(encoding="utf-8"))
    text = (src.parent / doc["article"]["text_file"]).read_text(encoding="utf-8")
    doc["article"]["text_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    for r in doc["relations"]:
        ev = r["evidence"]
        sentence = ev["sentence"]
        i = text.find(sentence)
        if i < 0 or text.find(sentence, i + 1) >= 0:
            sys.exit(f"{src}: the sentence must occur exactly once: {sentence[:60]!r}")
        ev["start"], ev["end"] = i, i + len(sentence)
    sys.stdout.write(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100))


if __name__ == "__main__":
    main()
