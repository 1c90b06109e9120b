"""Word documents for the DOCX reader's tests, written here as WordprocessingML by hand.

Nothing is downloaded: each builder returns the bytes of a ``.docx`` (a ZIP of XML parts) or
of a broken look-alike (not a ZIP, a ZIP bomb, an encrypted file).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

ARTICLE_TITLE = "Ferry operator doubles winter crossings"
ARTICLE_AUTHOR = "Ilse Varga"
ARTICLE_CREATED = "2026-11-02T09:30:00Z"

ARTICLE_BLOCKS = [
    "Ferry operator doubles winter crossings",
    "The island ferry will run eight crossings a day this winter, up from four, after a "
    "petition signed by 1,200 residents.",
    "“We heard the island loud and clear,” said the operator’s director, Paolo Reyes.",
    "Route",
    "Crossings",
    "North pier",
    "5 daily",
    "The new timetable starts on 1 December and costs the council £310,000.",
    "Figures from the operator’s annual report.",
]
"""The article as the reader should give it: the heading, the paragraphs with the tracked
insertion accepted and the deletion dropped, each table cell in row order, the footnote
last."""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/footnotes.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/docProps/core.xml"
 ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>
"""

PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL}">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="{PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>
"""

DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL}">
<Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{REL}/footnotes" Target="footnotes.xml"/>
</Relationships>
"""

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>
<w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>
"""


def run(text: str) -> str:
    """A run of text, spaces kept."""
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(*runs: str, style: str = "") -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{properties}{''.join(runs)}</w:p>"


def document_xml(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:r="{REL}"><w:body>{body}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )


def core_xml(title: str, author: str, created: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties
 xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-03T17:00:00Z</dcterms:modified>
</cp:coreProperties>
"""


def footnotes_xml(notes: dict[int, str]) -> str:
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
    )
    body = "".join(
        f'<w:footnote w:id="{number}"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>'
        f"</w:rPr><w:footnoteRef/></w:r>{run(' ' + text)}</w:p></w:footnote>"
        for number, text in notes.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:footnotes xmlns:w="{W}">{separators}{body}</w:footnotes>'
    )


def package(parts: dict[str, str | bytes]) -> bytes:
    """A ZIP of ``parts`` (name → XML text or bytes), deflated as Word does."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_parts(
    body: str, *, title: str = "", author: str = "", created: str = ""
) -> dict[str, str | bytes]:
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document_xml(body),
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": STYLES,
        "word/footnotes.xml": footnotes_xml({}),
        "docProps/core.xml": core_xml(title, author, created or "2026-01-01T00:00:00Z"),
    }


def docx_bytes(paragraphs: list[str], *, title: str = "", author: str = "") -> bytes:
    """A plain Word document: one Normal paragraph per string."""
    body = "".join(paragraph(run(text)) for text in paragraphs)
    return package(docx_parts(body, title=title, author=author))


def article_docx() -> bytes:
    """A short news story with what newsroom files carry: a Heading 1 title, a tracked
    insertion and a deletion, a 2×2 table and a footnote (see :data:`ARTICLE_BLOCKS`)."""
    inserted = (
        '<w:ins w:id="1" w:author="Desk" w:date="2026-11-02T10:00:00Z">'
        f"{run('eight crossings')}</w:ins>"
    )
    deleted = (
        '<w:del w:id="2" w:author="Desk" w:date="2026-11-02T10:00:00Z">'
        '<w:r><w:delText xml:space="preserve">six crossings</w:delText></w:r></w:del>'
    )
    footnote_reference = (
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        '<w:footnoteReference w:id="1"/></w:r>'
    )
    cell = '<w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>{}</w:tc>'
    table = (
        '<w:tbl><w:tblPr><w:tblW w:w="8000" w:type="dxa"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="4000"/></w:tblGrid>'
        + "".join(
            "<w:tr>" + "".join(cell.format(paragraph(run(text))) for text in row) + "</w:tr>"
            for row in (("Route", "Crossings"), ("North pier", "5 daily"))
        )
        + "</w:tbl>"
    )
    body = "".join(
        [
            paragraph(run(ARTICLE_TITLE), style="Heading1"),
            paragraph(
                run("The island ferry will run "),
                inserted,
                deleted,
                run(" a day this winter, up from four, after a petition signed by "),
                run("1,200 residents."),
            ),
            paragraph(
                run("“We heard the island loud and clear,” said the operator’s director, "),
                run("Paolo Reyes."),
            ),
            table,
            paragraph(
                run("The new timetable starts on 1 December and costs the council £310,000."),
                footnote_reference,
            ),
        ]
    )
    parts = docx_parts(body, title=ARTICLE_TITLE, author=ARTICLE_AUTHOR, created=ARTICLE_CREATED)
    parts["word/footnotes.xml"] = footnotes_xml({1: "Figures from the operator’s annual report."})
    return package(parts)


def without_document_part() -> bytes:
    """A ZIP that has the package parts of a Word document but not its text."""
    parts = docx_parts("")
    del parts["word/document.xml"]
    return package(parts)


def ole_file() -> bytes:
    """The start of an OLE compound file: what Word writes for an encrypted .docx (and for
    an old .doc)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"EncryptedPackage" * 32


def zip_bomb(inflated_mb: int = 2047, *, declared_mb: int | None = None) -> bytes:
    """A valid Word document plus ``word/media/zeros.bin``: ``inflated_mb`` MB of zeros in a
    deflate stream of about ``inflated_mb`` KB. ``declared_mb`` makes the ZIP directory lie
    about the inflated size (and the checksum), as a crafted bomb can.

    Built without compressing the zeros: after a full flush, deflate output for the same
    1 MB of zeros is the same bytes every time, so the stream is one block repeated."""
    chunk = bytes(2**20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressor.compress(chunk)
    compressor.flush(zlib.Z_FULL_FLUSH)  # the first block may differ; later ones repeat
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(b"") + compressor.flush()
    stream = block * inflated_mb + tail
    if declared_mb is not None:
        size, crc = declared_mb * 2**20, 0
    else:
        size, crc = inflated_mb * 2**20, 0
        for _ in range(inflated_mb):
            crc = zlib.crc32(chunk, crc)
    members = [
        _deflated(name, content.encode() if isinstance(content, str) else content)
        for name, content in docx_parts(paragraph(run("Short story."))).items()
    ]
    members.append(("word/media/zeros.bin", stream, crc, size))
    return _raw_zip(members)


def _deflated(name: str, data: bytes) -> tuple[str, bytes, int, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def _raw_zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A ZIP of already deflated members ``(name, stream, crc, size)``, written field by
    field so that sizes and checksums are whatever the caller says."""
    out = bytearray()
    directory = bytearray()
    for name, stream, crc, size in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(stream), size,
            len(encoded), 0,
        ) + encoded + stream  # fmt: skip
        directory += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(stream), size,
            len(encoded), 0, 0, 0, 0, 0, offset,
        ) + encoded  # fmt: skip
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), len(out), 0
    )
    return bytes(out + directory + end)
