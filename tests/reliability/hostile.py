"""The hostile corpus: what scrapers produce, written into a folder by the tests (nothing large
is committed). Each case is a set of files; the good articles of every run are written beside.

Every sentence here is made up for these tests."""

from __future__ import annotations

import codecs
import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GOOD = {
    "good_a.txt": "Chile and Peru agreed on Tuesday to reopen the border crossing near Tacna.\n\n"
    "The two foreign ministers said the agreement would ease trade in the region.\n",
    "good_b.txt": "Kenya accused Somalia of harbouring armed groups along their shared frontier.\n\n"
    "Officials in Nairobi said talks would resume next month.\n",
}
LATIN = "The minister of Côte d'Ivoire met the envoy of São Tomé in Abidjan on Monday. Both sides praised the talks.\n"
SMART = "Norway condemned the attack on the aid convoy. “We will not stand by,” the minister said on Friday.\n"
SCRIPTS = (
    "Россия и Китай подписали соглашение. 中国外交部长访问了莫斯科。 وزير الخارجية زار القاهرة.\n\n"
    "The envoy\u200b of Israel\u200f met\u200d the envoy of Egypt \u202ein Cairo\u202c on Monday 🙂🇪🇬.\n"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    name: str
    write: Callable[[Path], None]  # writes the case's files into the folder
    failing: tuple[str, ...] = ()  # file names the run must name on stderr, one line each
    reasons: tuple[str, ...] = ()  # words the failure lines must hold, in the same order
    processed: tuple[str, ...] = ()  # doc_ids of the case that must be in the output
    warned: tuple[str, ...] = ()  # words a warning on stderr must hold
    slow: bool = False


def _bytes(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


def _jsonl_lines() -> bytes:
    good = "Ghana and Togo signed a fisheries accord in Lomé on Wednesday."
    lines = [
        json.dumps({"id": "j_ok", "text": good}),
        "{not json at all",
        json.dumps({"id": ["a", "list"], "text": good}),
        json.dumps({"id": "j_num_text", "text": 12}),
        json.dumps({"id": "j_feb30", "text": good + " ", "published": "2023-02-30"}),
        json.dumps({"id": "j_last_day", "text": good + "  ", "published": "9999-12-31"}),
        json.dumps({"id": "j_first_day", "text": good + "   ", "published": "0001-01-01"}),
        '{"id": "j_surrogate", "text": "Ghana \\ud800 and Togo met."}',
        "[" * 50_000 + "]" * 50_000,
        json.dumps([1, 2, 3]),
        json.dumps({"id": "j_title", "text": good + "    ", "title": {"nested": True}}),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _nested_html(depth: int) -> bytes:
    body = "<p>Brazil and Argentina held talks on trade in Buenos Aires on Thursday.</p>"
    return ("<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>").encode()


STRAY_HTML = (
    b"<html><head><title>Talks</title></head><body><article>"
    b"<p>The president of Mali met the prime minister of Niger in Bamako on Sunday.</p></html>"
    b"<p>Both leaders pledged to increase joint patrols along the border in the coming months.</p>"
    b"<p>Aid agencies welcomed the announcement but warned of shortages.</p></article></body></html>"
)


def _lines200k(folder: Path) -> None:
    (folder / "lines.txt").write_text("".join(f"item {i}\n" for i in range(200_000)), encoding="utf-8")


def _sentence30k(folder: Path) -> None:
    rng = random.Random(7)
    words = "the officials from both countries would meet again soon to discuss trade and security".split()
    text = "Peru and Chile " + " ".join(rng.choice(words) for _ in range(30_000)) + ".\n"
    (folder / "sentence.txt").write_text(text, encoding="utf-8")


def _long(folder: Path) -> None:
    # Long words: two million characters in fewer tokens, so that the parse takes a minute, not five.
    para = "Representatives internationally coordinated multilateral negotiations concerning transboundary infrastructure. Chile welcomed Peru's proposals.\n\n"
    (folder / "long.txt").write_text(para * (2_000_000 // len(para) + 1), encoding="utf-8")


def _huge_line(folder: Path) -> None:
    with (folder / "huge.txt").open("w", encoding="utf-8") as f:
        chunk = "word " * 200_000
        for _ in range(50):  # 50 MB on one line
            f.write(chunk)


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def _socket(folder: Path) -> None:
    import socket

    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(folder / "sock.txt"))
    sock.close()


def _links(folder: Path) -> None:
    other = folder.parent.parent / (folder.name + "_elsewhere")  # outside the folder read
    other.mkdir()
    (other / "linked.txt").write_text("Japan protested to China over a coast guard incident on Monday.\n")
    (folder / "linked_folder").symlink_to(other, target_is_directory=True)
    sub = folder / "sub"
    sub.mkdir()
    (sub / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")


def _png(folder: Path) -> None:
    rng = random.Random(3)
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4000))
    (folder / "photo.txt").write_bytes(data)
    (folder / "photo.png").write_bytes(data)  # another extension: not an article, left alone


CASES: tuple[Case, ...] = (
    Case(name="empty", write=_bytes("empty.txt", b""), failing=("empty.txt",), reasons=("empty",)),
    Case(name="whitespace", write=_bytes("blank.txt", b" \n\t\r\n  \n"), failing=("blank.txt",), reasons=("empty",)),
    Case(name="binary", write=_bytes("bin.txt", bytes(range(256)) * 64), failing=("bin.txt",), reasons=("binary",)),
    Case(name="image", write=_png, failing=("photo.txt",), reasons=("binary",)),
    Case(
        name="latin1",
        write=_bytes("latin.txt", LATIN.encode("latin-1")),
        processed=("latin",),
        warned=("latin.txt", "not UTF-8"),
    ),
    Case(
        name="cp1252",
        write=_bytes("smart.txt", SMART.encode("cp1252")),
        processed=("smart",),
        warned=("smart.txt", "cp1252"),
    ),
    Case(
        name="utf16_bom",
        write=_bytes("u16.txt", SMART.encode("utf-16")),
        processed=("u16",),
        warned=("u16.txt", "UTF-16"),
    ),
    Case(
        name="utf16_no_bom",
        write=_bytes("u16le.txt", SMART.encode("utf-16-le")),
        processed=("u16le",),
        warned=("UTF-16-LE",),
    ),
    Case(
        name="utf16_be",
        write=_bytes("u16be.txt", SMART.encode("utf-16-be")),
        processed=("u16be",),
        warned=("UTF-16-BE",),
    ),
    Case(name="utf8_bom", write=_bytes("bom.txt", codecs.BOM_UTF8 + LATIN.encode()), processed=("bom",)),
    Case(
        name="line_endings",
        write=_bytes("crlf.txt", b"Iran warned Iraq.\r\n\r\nThe envoys met in Basra on Monday.\r\rTalks went on.\n"),
        processed=("crlf",),
    ),
    Case(name="other_scripts", write=_bytes("scripts.txt", SCRIPTS.encode()), processed=("scripts",)),
    Case(
        name="quotation",
        write=_bytes(
            "quote.txt",
            ("“" + "Cuba will defend its sovereignty against any threat, the minister said. " * 300 + "”\n").encode(),
        ),
        processed=("quote",),
    ),
    Case(name="lines_200k", write=_lines200k, failing=("lines.txt",), reasons=("no article text",)),
    Case(name="nested_html", write=_bytes("nested.html", _nested_html(10_000)), processed=("nested",)),
    Case(name="stray_end_tag", write=_bytes("stray.html", STRAY_HTML), processed=("stray",)),
    Case(
        name="scripts_only",
        write=_bytes(
            "scripts.html",
            b"<html><head><script>var a = 1;</script></head><body><script>go()</script><style>p{}</style></body></html>",
        ),
        failing=("scripts.html",),
        reasons=("no article body",),
    ),
    Case(
        name="jsonl",
        write=_bytes("lines.jsonl", _jsonl_lines()),
        failing=tuple(f"lines.jsonl:{n}" for n in (2, 3, 4, 5, 8, 9, 10, 11)),
        reasons=(
            "not valid JSON",
            '"id"',
            '"text"',
            "not a real date",
            "surrogate",
            "nested too deeply",
            "JSON object",
            '"title"',
        ),
        processed=("j_ok", "j_last_day", "j_first_day"),
    ),
    Case(name="fifo", write=_fifo, failing=("pipe.txt",), reasons=("FIFO",)),
    Case(name="socket", write=_socket, failing=("sock.txt",), reasons=("socket",)),
    Case(
        name="links",
        write=_links,
        failing=("dangling.txt",),
        reasons=("link",),
        processed=("linked_folder/linked",),
        warned=("loop", "read already"),
    ),
    Case(
        name="name_20k",
        write=_bytes("name.txt", ("Vladimir Putin " * 20_000 + "met officials.\n").encode()),
        processed=("name",),
        slow=True,
    ),
    Case(name="sentence_30k", write=_sentence30k, processed=("sentence",), slow=True),
    Case(name="text_2m", write=_long, processed=("long",), slow=True),
    Case(name="line_50mb", write=_huge_line, failing=("huge.txt",), reasons=("limits.max_article_chars",), slow=True),
)
