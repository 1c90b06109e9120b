"""The PyInstaller bundle, built from the checkout with packaging/build_bundle.py and run as
a user would run it: --version, the headless commands on every readable format (the
readers and their libraries' data files are imported and opened only at run time, where a
missing one shows), the embedding model, and the window (offscreen and on Xvfb).

Prints the build time, the bundle's size and the bundled command's start time (``-s``
shows them; they are also in the captured output of a failure)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from compareapp import __version__
from compareapp.core.align.aligner import align_paragraphs
from compareapp.core.align.links import LEXICAL_PARAMS, AlignParams
from compareapp.core.diff.comparison import Comparison
from compareapp.core.documents.loading import LoadError, load_document
from compareapp.core.facts.discrepancies import find_discrepancies
from compareapp.core.reports.comparison_json import comparison_to_json
from compareapp.core.reports.discrepancy_json import discrepancy_rows
from compareapp.resources import SAMPLE_FILES
from tests.fixtures import docx_fixtures, pdf_fixtures, web_fixtures
from tests.fixtures.story_fixtures import STORY_TITLE, story_html, story_paragraphs, story_text
from tests.helpers.packaging_files import APP_ID, ICON_SIZES, PACKAGING, ROOT

pytestmark = pytest.mark.slow

BUILD_TIMEOUT = 900
GUI_ALIVE_SECONDS = 8.0
GUI_TIMEOUT = 20.0
MODEL_FILES = ("model.safetensors", "vocabulary.txt", "LICENSE", "README.md")


@dataclass(frozen=True)
class Bundle:
    executable: Path
    build_seconds: float
    size_mb: float

    @property
    def assets(self) -> Path:
        return self.executable.parent / "_internal" / "compareapp" / "assets"

    def samples(self) -> list[str]:
        return [str(self.assets / "sample" / name) for name in SAMPLE_FILES]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    folder = tmp_path_factory.mktemp("bundle")
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            str(PACKAGING / "build_bundle.py"),
            str(folder / "dist"),
            "--work-dir",
            str(folder / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        cwd=ROOT,
        check=False,
    )
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stdout + result.stderr
    size = re.search(r"^bundle size: ([\d.]+) MB$", result.stdout, re.MULTILINE)
    assert size, result.stdout
    executable = folder / "dist" / "compareapp" / "compareapp"
    assert executable.is_file() and os.access(executable, os.X_OK)
    print(f"\nbundle build time: {seconds:.1f} s; bundle size: {size[1]} MB")
    return Bundle(executable, seconds, float(size[1]))


def isolated_env(tmp_path: Path) -> dict[str, str]:
    """No display, a home, data folders and an instance socket of the test's own, so that
    no running compareapp (or its autosave) takes part."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        TMPDIR=str(tmp_path),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(tmp_path),
        COMPAREAPP_INSTANCE_NAME=f"compareapp-bundle-test-{uuid.uuid4().hex}",
    )
    return env


def run(
    bundle: Bundle, *args: str, env: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle.executable), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
        check=False,
    )


def test_bundle_is_a_reasonable_size(bundle: Bundle) -> None:
    assert 30 < bundle.size_mb < 400
    internal = bundle.executable.parent / "_internal"
    for unwanted in ("libQt6Qml", "libQt6Quick", "libQt6WebEngine", "libgtk-3", "libcairo."):
        assert not list(internal.rglob(f"{unwanted}*")), unwanted
    assert not (internal / "PySide6" / "Qt" / "translations").exists()


def test_bundle_carries_the_assets(bundle: Bundle) -> None:
    for name in SAMPLE_FILES:
        assert (bundle.assets / "sample" / name).read_bytes() == (
            ROOT / "compareapp" / "assets" / "sample" / name
        ).read_bytes()
    for size in ICON_SIZES:
        assert (bundle.assets / "icons" / "hicolor" / f"{size}x{size}/apps/{APP_ID}.png").is_file()
    for name in MODEL_FILES:
        assert (bundle.assets / "embeddings" / name).read_bytes() == (
            ROOT / "compareapp" / "assets" / "embeddings" / name
        ).read_bytes()


def test_bundle_carries_the_readers_data_and_leaves_out_the_rest(bundle: Bundle) -> None:
    """What the spec collects for the readers, and what it leaves out of their libraries
    (whether the readers work without it is what the compare tests below find out)."""
    internal = bundle.executable.parent / "_internal"
    assert (internal / "trafilatura" / "settings.cfg").is_file()
    assert len(list((internal / "justext" / "stoplists").glob("*.txt"))) > 50
    assert (internal / "tld" / "res" / "effective_tld_names.dat.txt").is_file()
    assert (internal / "pdfminer" / "cmap" / "UniJIS-UCS2-H.json.gz").is_file()
    assert (internal / "babel" / "global.dat").is_file()
    assert not list((internal / "babel" / "locale-data").glob("*.dat"))
    assert not list((internal / "lxml").glob("objectify.*"))
    assert not (internal / "dateparser").exists()
    # The licence texts of the libraries the readers bring (see packaging/README.md).
    for distribution in ("trafilatura", "courlan", "htmldate", "tld", "certifi", "mammoth"):
        (metadata,) = internal.glob(f"{distribution}-*.dist-info")
        assert list(metadata.rglob("LICENSE*")), distribution


def test_bundled_version_and_its_start_time(bundle: Bundle, tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    times = []
    for _attempt in range(3):
        started = time.perf_counter()
        result = run(bundle, "--version", env=env, cwd=tmp_path)
        times.append(time.perf_counter() - started)
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"compareapp {__version__}\n"
    print(f"\nbundled --version: first {times[0] * 1000:.0f} ms, best {min(times) * 1000:.0f} ms")
    assert min(times) < 10


def test_bundled_compare_reads_the_bundled_samples(bundle: Bundle, tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    result = run(bundle, "compare", *bundle.samples(), "--format", "json", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [d["name"] for d in report["documents"]] == list(SAMPLE_FILES)
    assert report["links"]

    # --sample finds the samples inside the bundle, through importlib.resources.
    result = run(bundle, "compare", "--sample", "--format", "json", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    paths = [Path(d["path"]) for d in json.loads(result.stdout)["documents"]]
    assert [p.parent for p in paths] == [bundle.assets / "sample"] * 2


STORY_READS = {
    "story.html": ("Web page", lambda: story_html().encode("utf-8")),
    # courlan's quick pattern takes no IP address, so it asks tld's public-suffix list.
    "story-at-ip.html": (
        "Web page",
        lambda: (
            story_html()
            .replace("</head>", '<link rel="canonical" href="http://127.0.0.1:9/library">\n</head>')
            .encode("utf-8")
        ),
    ),
    "story.mht": ("Web page", lambda: web_fixtures.mhtml(story_html())),
    "story.docx": (
        "Word document",
        lambda: docx_fixtures.docx_bytes(story_paragraphs(), title=STORY_TITLE),
    ),
    "story.pdf": ("PDF", lambda: pdf_fixtures.simple_pdf(story_paragraphs())),
    "story.md": (
        "Markdown",
        lambda: (
            story_text()
            .replace("46 volunteers", "**46 volunteers**")
            .replace("Graham Pell", "[Graham Pell](https://example.org/pell)")
            .encode("utf-8")
        ),
    ),
}
"""File name → (the format the app names, the file's bytes): one story in every format
the app reads, each expected to give the plain text's eight paragraphs."""


def without_load_times(report: dict[str, object]) -> dict[str, object]:
    documents = report["documents"]
    assert isinstance(documents, list)
    for document in documents:
        del document["loaded_at"]
    return report


@pytest.mark.parametrize("name", list(STORY_READS))
def test_bundled_compare_reads_every_format(bundle: Bundle, tmp_path: Path, name: str) -> None:
    """The story as a web page, MHTML, Word, PDF and Markdown file against the plain text:
    each reads as the same eight paragraphs, linked one to one, and the frozen app's report
    is the one the source tree gives."""
    expected_format, content = STORY_READS[name]
    plain, other = tmp_path / "story.txt", tmp_path / name
    plain.write_text(story_text(), encoding="utf-8")
    other.write_bytes(content())

    result = run(
        bundle,
        "compare",
        str(plain),
        str(other),
        "--format",
        "json",
        env=isolated_env(tmp_path),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    document = report["documents"][1]
    assert document["format"] == expected_format
    assert [paragraph["text"] for paragraph in document["paragraphs"]] == story_paragraphs()
    assert [(link["a"]["para"], link["b"]["para"]) for link in report["links"]] == [
        (index, index) for index in range(len(story_paragraphs()))
    ]
    assert all(unique["paragraphs"] == [] for unique in report["unique"])

    documents = [load_document(plain), load_document(other)]
    comparison = Comparison(documents)
    source = comparison_to_json(comparison)
    source["discrepancies"] = discrepancy_rows(documents, find_discrepancies(comparison))
    assert without_load_times(report) == without_load_times(json.loads(json.dumps(source)))


def test_bundled_compare_reports_a_page_without_article(bundle: Bundle, tmp_path: Path) -> None:
    """A page of menus only: trafilatura's fallback (jusText, with every stop list) finds no
    article either, and the app says so, as it does from the source tree."""
    plain, page = tmp_path / "story.txt", tmp_path / "site-map.html"
    plain.write_text(story_text(), encoding="utf-8")
    page.write_text(web_fixtures.NAV_ONLY_PAGE, encoding="utf-8")
    with pytest.raises(LoadError) as raised:
        load_document(page)

    result = run(bundle, "compare", str(plain), str(page), env=isolated_env(tmp_path), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"compareapp: cannot read {page}: {raised.value.reason}\n"


JAPANESE = "図書館は日曜日も開館します。ボランティア四十六人が協力します。"


def japanese_pdf(text: str) -> bytes:
    """A one-page PDF that sets ``text`` in a Japanese font it does not embed, through
    Adobe's predefined UniJIS-UCS2-H CMap (as many CJK PDFs do): pdfminer reads it with
    its CMap files (the CMap and the Adobe-Japan1 to-Unicode map)."""
    content = b"BT /F1 14 Tf 72 720 Td <%s> Tj ET" % text.encode("utf-16-be").hex().encode()
    font = b"/KozMinPr6N-Regular"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont %s /Encoding /UniJIS-UCS2-H "
        b"/DescendantFonts [6 0 R] >>" % font,
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont %s /DW 1000 /FontDescriptor 7 0 R "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> >>" % font,
        b"<< /Type /FontDescriptor /FontName %s /Flags 4 /FontBBox [0 -120 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>" % font,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_bundled_compare_reads_a_pdf_through_pdfminers_cmaps(
    bundle: Bundle, tmp_path: Path
) -> None:
    plain, printed = tmp_path / "library.txt", tmp_path / "library.pdf"
    plain.write_text(JAPANESE + "\n", encoding="utf-8")
    printed.write_bytes(japanese_pdf(JAPANESE))
    env = isolated_env(tmp_path)
    result = run(
        bundle, "compare", str(plain), str(printed), "--format", "json", env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [p["text"] for p in report["documents"][1]["paragraphs"]] == [JAPANESE]
    assert [(link["a"]["para"], link["b"]["para"]) for link in report["links"]] == [(0, 0)]


LANGUAGE_PAIRS = ROOT / "tests" / "fixtures" / "languages"
EXPECTED_GERMAN_QUOTATION = (
    "Wir schätzen die Unterstützung unserer Partner sehr und werden jede Hilfe sinnvoll einsetzen"
)


def test_bundled_compare_tells_a_german_story_with_the_bundled_model(
    bundle: Bundle, tmp_path: Path
) -> None:
    """py3langid's model file is in the bundle and read: the German pair is German, and
    read as German (its "0,6 Milliarden" is the same amount, no row)."""
    internal = bundle.executable.parent / "_internal"
    assert (internal / "py3langid" / "data" / "model.npz.xz").is_file()
    files = [str(LANGUAGE_PAIRS / name) for name in ("de_a.txt", "de_b.txt")]
    env = isolated_env(tmp_path)
    result = run(bundle, "compare", *files, "--format", "json", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [d["language"] for d in json.loads(result.stdout)["documents"]] == ["de", "de"]
    result = run(bundle, "discrepancies", *files, "--format", "json", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["discrepancies"]
    assert [(row["kind"], row["versions"][0]["text"]) for row in rows] == [
        ("number", "8.000"),
        ("quotation", EXPECTED_GERMAN_QUOTATION),
        ("name", "Peskow"),
    ]


PARAPHRASE = (
    "The farmer was furious when he found his crops ruined.",
    "Seeing the wrecked harvest, the peasant flew into a rage.",
)
"""Two wordings of one sentence that the aligner links only with the embedding model."""


def test_bundled_aligner_uses_the_bundled_embedding_model(bundle: Bundle, tmp_path: Path) -> None:
    with_model = align_paragraphs(PARAPHRASE[:1], PARAPHRASE[1:])
    lexical = align_paragraphs(PARAPHRASE[:1], PARAPHRASE[1:], AlignParams(**LEXICAL_PARAMS))
    assert with_model.links and not lexical.links, "the check needs a pair only the model links"
    files = []
    for index, text in enumerate(PARAPHRASE):
        files.append(tmp_path / f"version-{index}.txt")
        files[-1].write_text(text + "\n", encoding="utf-8")
    env = isolated_env(tmp_path)

    def frozen_links() -> list[tuple[int, int, float]]:
        result = run(bundle, "compare", *map(str, files), "--format", "json", env=env, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        return [
            (link["a"]["para"], link["b"]["para"], link["score"])
            for link in json.loads(result.stdout)["links"]
        ]

    assert frozen_links() == [(link.a, link.b, link.score) for link in with_model.links]

    # The control: without the bundled model file the frozen app links nothing, so the link
    # above came from the model inside the bundle.
    model = bundle.assets / "embeddings" / "model.safetensors"
    hidden = model.with_name("model.safetensors.hidden")
    model.rename(hidden)
    try:
        assert frozen_links() == []
    finally:
        hidden.rename(model)


def test_bundled_export_writes_a_pdf(bundle: Bundle, tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    result = run(
        bundle,
        "export",
        *bundle.samples(),
        "-o",
        str(out),
        env=isolated_env(tmp_path),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert len(PdfReader(out).pages) >= 2


@pytest.fixture
def x_display() -> Iterator[str]:
    """A display of a private Xvfb (``-displayfd`` picks a free number); a missing Xvfb
    fails the test (scripts/test.sh installs it)."""
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.fail("Xvfb is not installed: run scripts/test.sh (apt-get install xvfb)")
    server = subprocess.Popen(
        [binary, "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        number = server.stdout.readline().strip()
        assert number.isdigit(), f"Xvfb gave no display (exit {server.poll()})"
        yield f":{number}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if server.stdout is not None:
            server.stdout.close()


def start_window(bundle: Bundle, tmp_path: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    with (tmp_path / "gui.log").open("w") as log:
        return subprocess.Popen(
            [str(bundle.executable), *bundle.samples()],
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            cwd=tmp_path,
        )


def check_still_running(process: subprocess.Popen[str], log: Path) -> None:
    """The window is up after GUI_ALIVE_SECONDS (no crash on start), then is stopped."""
    try:
        deadline = time.monotonic() + GUI_ALIVE_SECONDS
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
        output = log.read_text(errors="replace")
        assert process.poll() is None, f"the window exited with {process.returncode}: {output}"
        assert "Traceback" not in output, output
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=GUI_TIMEOUT - GUI_ALIVE_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_bundled_window_starts_on_two_files_offscreen(bundle: Bundle, tmp_path: Path) -> None:
    process = start_window(bundle, tmp_path, isolated_env(tmp_path))
    check_still_running(process, tmp_path / "gui.log")


def test_bundled_window_starts_on_a_real_x_server(
    bundle: Bundle, tmp_path: Path, x_display: str
) -> None:
    """The xcb platform plugin and the X libraries it loads come from the bundle, which
    the offscreen run does not touch."""
    env = {**isolated_env(tmp_path), "QT_QPA_PLATFORM": "xcb", "DISPLAY": x_display}
    process = start_window(bundle, tmp_path, env)
    check_still_running(process, tmp_path / "gui.log")
