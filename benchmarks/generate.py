"""Make N varied news articles from the patterns of the shared corpus (invented people,
real country names as settings), deterministically from a seed.

    python benchmarks/generate.py 1000 OUTDIR
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

FIRST = [
    "Ana",
    "Luis",
    "Marta",
    "Omar",
    "Ingrid",
    "Kenji",
    "Fatima",
    "Pavel",
    "Chloe",
    "Diego",
    "Amina",
    "Tomas",
    "Leila",
    "Hugo",
    "Sofia",
    "Yusuf",
    "Elena",
    "Kofi",
    "Mei",
    "Rafael",
]
LAST = [
    "Ortiz",
    "Vera",
    "Lindqvist",
    "Haddad",
    "Sato",
    "Mensah",
    "Novak",
    "Duarte",
    "Keller",
    "Rossi",
    "Baptiste",
    "Okafor",
    "Petrov",
    "Nakamura",
    "Silva",
    "Costa",
    "Moreau",
    "Aziz",
]
COUNTRIES = [
    "Norway",
    "Kenya",
    "Brazil",
    "Japan",
    "Greece",
    "Italy",
    "Canada",
    "Chile",
    "Rwanda",
    "Egypt",
    "Ghana",
    "Peru",
    "Poland",
    "Indonesia",
    "Jordan",
    "Senegal",
]
REGIONS = ["Sudan", "Haiti", "Somalia", "Mali", "the Red Sea", "South Sudan", "Libya", "Yemen"]
AGENCIES = ["Reuters", "the Associated Press", "AFP", "Kyodo News"]
FORCE_WORDS = ["Stabilisation", "Monitoring", "Support", "Protection", "Observer", "Relief"]
PLAN_WORDS = ["Framework", "Accord", "Roadmap", "Compact", "Plan", "Initiative"]
CITIES = ["Geneva", "Nairobi", "Oslo", "Doha", "Addis Ababa", "Lisbon", "Vienna", "Dakar"]
POSITIONS = ["Foreign Minister", "Defence Minister", "Prime Minister"]

TEMPLATES = [
    "{country} will send a team of military engineers to the {force} ({acr}) in {region}, "
    "{position} {person} told reporters in {city} on Tuesday.",
    "The {force} is part of the {plan}, a {n}-point roadmap proposed by {country2}.",
    '"{country} is ready to contribute engineers, but we will not take part in combat '
    'operations," {surname} said.',
    "The mission is led by {adj} general {person2}, who was appointed by the {body}.",
    "According to {agency}, {surname2} will travel to {city2} next week to meet "
    "{position2} {person3}.",
    "{country3} and {country4} have also offered troops for the mission, while {country5} "
    "said it would provide medical units.",
    "{surname} is a member of the {party}. She said {country} would not send combat troops.",
]
ADJ = {
    "Norway": "Norwegian",
    "Kenya": "Kenyan",
    "Brazil": "Brazilian",
    "Japan": "Japanese",
    "Greece": "Greek",
    "Italy": "Italian",
    "Canada": "Canadian",
    "Chile": "Chilean",
    "Rwanda": "Rwandan",
    "Egypt": "Egyptian",
    "Ghana": "Ghanaian",
    "Peru": "Peruvian",
    "Poland": "Polish",
    "Indonesia": "Indonesian",
    "Jordan": "Jordanian",
    "Senegal": "Senegalese",
}


def article(i: int, rng: random.Random) -> str:
    countries = rng.sample(COUNTRIES, 6)
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]
    force_word = rng.choice(FORCE_WORDS)
    region = rng.choice(REGIONS)
    place = region.replace("the ", "")
    force = f"{place} {force_word} Mission"
    slots = {
        "country": countries[0],
        "country2": countries[1],
        "country3": countries[2],
        "country4": countries[3],
        "country5": countries[4],
        "region": region,
        "force": force,
        "acr": "".join(w[0] for w in force.split()).upper(),
        "plan": f"{rng.choice(CITIES)} {rng.choice(PLAN_WORDS)}",
        "n": rng.randint(3, 12),
        "position": rng.choice(POSITIONS),
        "position2": "army commander",
        "person": people[0],
        "surname": people[0].split()[-1],
        "person2": people[1],
        "surname2": people[1].split()[-1],
        "person3": people[2],
        "adj": ADJ[countries[5]],
        "body": f"{rng.choice(['African', 'Regional', 'Joint'])} "
        f"{rng.choice(['Security', 'Peace'])} Commission",
        "agency": rng.choice(AGENCIES),
        "city": rng.choice(CITIES),
        "city2": rng.choice(CITIES),
        "party": f"{rng.choice(['Labour', 'Green', 'Centre', 'Liberal'])} Party",
    }
    chosen = [TEMPLATES[0], *rng.sample(TEMPLATES[1:], rng.randint(3, len(TEMPLATES) - 1))]
    title = f"{countries[0]} to join {force} in {place}"
    return title + "\n\n" + "\n\n".join(t.format(**slots) for t in chosen) + "\n"


def generate(n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(article(i, rng), f"gen-{i:05d}") for i in range(n)]


def write(n: int, folder: Path) -> Path:
    """Write the first `n` generated articles into `folder` (made if missing) as NAME.txt."""
    folder.mkdir(parents=True, exist_ok=True)
    for text, article_id in generate(n):
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
    return folder


def main() -> None:
    args = sys.argv[1:]
    if len(args) != 2 or "-h" in args or "--help" in args:
        sys.exit(__doc__)
    if not args[0].isdigit():
        sys.exit(f"benchmarks/generate.py: N must be a whole number, not {args[0]!r}")
    n, out = int(args[0]), Path(args[1])
    write(n, out)
    print(f"wrote {n} articles to {out}")


if __name__ == "__main__":
    main()
