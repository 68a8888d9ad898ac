"""``minutes``: the 纪要 PDF, in the app and as a command, against LibreOffice.

The document: the source article (``shared/seeds/000_058941c45fe87707.txt``, read at run time
when it is there, else synthetic text of the same size and shape) three times as the body,
each of its sections an agenda item with one decision, and 40 attendees (36 出席, 2 请假,
2 列席): about 17 pages.

Timed, each as a median after one discarded warm-up:

(a) ``render_minutes(document)`` inside a warm process (fonts already loaded);
(b) the whole ``python -m app --db DB minutes ID -o FILE.pdf`` process (the meeting is stored
    in a demo database first, and the document rendered in (a) and (c) is the one read back
    from it). Where that command or the meetings service is missing, a ``python -c`` process
    that loads the document from JSON and writes the PDF stands in, and the output says so.
    The ``python -c`` process is timed in any case: it is the PDF's own share of (b);
(c) LibreOffice converting an equivalent ``.docx`` (same text, fonts, sizes, margins, page
    numbers), built here without python-docx: ``soffice --headless --convert-to pdf``, with
    a profile made by the warm-up run and the shipped fonts visible to it.

Also timed, for comparison: a ``python -c`` process that only imports SQLAlchemy's ORM and
reportlab's platypus, which (b) needed before it read SQLite files with sqlite3 alone.

Every time is reported as wall time and as CPU time (user + system, of this process and its
children): on a shared machine the first swings with the others' load, the second much less.

Goals: (c) ÷ (a) ≥ 10 and (c) ÷ (b) ≥ 3. Needs ``soffice`` (Debian: libreoffice-writer-nogui).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bench.common import ROOT, Summary, create_demo_database, isolated_env, table
from bench.registry import benchmark

SEED = ROOT.parent / "shared" / "seeds" / "000_058941c45fe87707.txt"
INAPP_GOAL = 10.0
CLI_GOAL = 3.0
ATTENDEES = 40
REPEATS = 3  # the article three times
UNITS = (
    "街道党工委",
    "宁海路社区党委",
    "江苏省某某厅机关第一党支部",
    "南京师范大学机关党委",
    "鼓楼区城市管理局党组",
    "南京市鼓楼区人民政府宁海路街道办事处城市管理科",
    "西康路社区党委",
    "某国有企业南京分公司党委",
)
NAMES = (
    "王喆 李堃 张玥 赵赟 钱昇 孙立新 周海燕 吴建国 郑晓明 冯雪 陈志强 褚卫东 卫红梅 蒋一帆 "
    "沈德明 韩梅梅 杨帆 朱小龙 秦岚 尤佳 许诺 何平 吕方 施琳 张磊 孔祥瑞 曹静 严宽 华明 金鑫 "
    "魏巍 陶然 姜涛 戚薇 谢晖 邹凯 喻文 柏松 水清 窦明"
).split()

FLOOR_SCRIPT = "import sqlalchemy.orm, reportlab.platypus"
RENDER_SCRIPT = """
import json, sys
from datetime import date, datetime
from pathlib import Path
from app.meetings.documents import (AgendaSection, AttendeeGroup, DecisionItem,
    MinutesDocument)
from app.exports.pdf import write_minutes
d = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
groups = lambda key: tuple(AttendeeGroup(g["unit"], tuple(g["names"]), tuple(g["reasons"]),
    g.get("unit_reason", "")) for g in d[key])
doc = MinutesDocument(
    heading=d["heading"], session_no=d["session_no"],
    starts_at=datetime.fromisoformat(d["starts_at"]),
    ends_at=datetime.fromisoformat(d["ends_at"]) if d["ends_at"] else None,
    place=d["place"], chair=d["chair"], recorder=d["recorder"], opening=d["opening"],
    sections=tuple(AgendaSection(s["title"], s["notes"], tuple(DecisionItem(x["text"],
        tuple(x["owners"]), date.fromisoformat(x["due_on"]) if x["due_on"] else None)
        for x in s["decisions"])) for s in d["sections"]),
    present=groups("present"), on_leave=groups("on_leave"), observers=groups("observers"),
    issuer=d["issuer"],
    issued_on=date.fromisoformat(d["issued_on"]) if d["issued_on"] else None)
write_minutes(doc, Path(sys.argv[2]))
"""


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--runs", type=_positive, default=7, help="timed runs of (a) and (b)")
    parser.add_argument(
        "--office-runs", type=_positive, default=3, help="timed LibreOffice runs (default 3)"
    )
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the PDFs and .docx here")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


# ---------------------------------------------------------------- the document


def article() -> tuple[str, str]:
    """The article's text and where it came from."""
    if SEED.is_file():
        return SEED.read_text(encoding="utf-8"), str(SEED)
    return synthetic_article(), "synthetic text (the seed article is not on this machine)"


def synthetic_article(seed: int = 58941) -> str:
    """≈3,400 characters of Chinese prose in the article's shape: a title, an introduction and
    five ``##`` sections of a few paragraphs, with the usual punctuation and numbers."""
    rnd = random.Random(seed)
    words = (
        "党建 引领 基层 治理 共同体 社区 街道 驻区单位 党员 服务 群众 机制 创新 资源 整合 "
        "网格 志愿 共建 共治 共享 组织 行动 发展 先锋 评价 体系 民生 难题 项目 清单"
    ).split()

    def sentence() -> str:
        body = "".join(rnd.choice(words) for _ in range(rnd.randint(5, 12)))
        if rnd.random() < 0.3:
            body += f"{rnd.randint(3, 6028)}名党员"
        if rnd.random() < 0.2:
            body = f"“{body[:8]}”{body[8:]}"
        return body + rnd.choice("，，；。")

    def paragraph(length: int) -> str:
        text = ""
        while len(text) < length:
            text += sentence()
        return text.rstrip("，；") + "。"

    parts = ["# 党建共同体聚合力 治理新格局添动力", paragraph(300), paragraph(200)]
    for number in range(5):
        parts.append(f"## 以{rnd.choice(words)}{rnd.choice(words)}的提升 促进第{number + 1}项工作")
        parts += [paragraph(rnd.randint(250, 400)) for _ in range(rnd.randint(2, 3))]
    return "\n\n".join(parts)


def _split_article(text: str) -> tuple[str, list[str], list[tuple[str, list[str]]]]:
    title = ""
    intro: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("## "):
            sections.append((line[3:].strip(), []))
        elif line.startswith("# "):
            title = line[2:].strip()
        elif sections:
            sections[-1][1].append(line)
        else:
            intro.append(line)
    return title, intro, sections


def build_document(text: str) -> Any:
    from app.meetings.documents import (
        AgendaSection,
        AttendeeGroup,
        DecisionItem,
        MinutesDocument,
    )

    title, intro, parts = _split_article(text)
    sections = []
    due = date(2026, 3, 31)
    for repeat in range(REPEATS):
        sections.append(
            AgendaSection(
                f"关于学习《{title.replace(' ', '')}》的情况（第{repeat + 1}遍）",
                "\n".join(intro),
                (DecisionItem("各社区党委组织专题学习，形成学习体会。", ("各社区党委",), due),),
            )
        )
        for heading, paragraphs in parts:
            sections.append(
                AgendaSection(
                    f"关于“{heading.replace(' ', '，')}”",
                    "\n".join(paragraphs),
                    (
                        DecisionItem(
                            "由街道党建办牵头细化任务清单，按月调度。", ("街道党建办",), due
                        ),
                    ),
                )
            )
    names = list(NAMES[:ATTENDEES])
    present = []
    for index, unit in enumerate(UNITS):
        present.append(AttendeeGroup(unit, tuple(names[index * 4 + 4 : index * 4 + 8])))
    present.insert(0, AttendeeGroup(UNITS[0], tuple(names[:4])))
    return MinutesDocument(
        heading="宁海路街道党建共同体议事会纪要",
        session_no=3,
        starts_at=datetime(2026, 3, 12, 14, 30),
        ends_at=datetime(2026, 3, 12, 17, 0),
        place="街道党群服务中心三楼会议室",
        chair="王喆",
        recorder="张玥",
        opening="2026年3月12日下午，宁海路街道党工委召开党建共同体议事会，集中学习鼓楼区党建"
        "共同体建设的经验做法，研究贯彻落实意见。现将会议议定事项纪要如下：",
        sections=tuple(sections),
        present=tuple(present[:9]),
        on_leave=(AttendeeGroup("某高校机关党委", tuple(names[36:38]), ("公务", "病假")),),
        observers=(AttendeeGroup("街道城管科", tuple(names[38:40])),),
        issuer="宁海路街道党工委",
        issued_on=date(2026, 3, 13),
    )


# ---------------------------------------------------------------- the stored meeting


def store_meeting(database_path: Path, document: Any) -> str:
    """Stores ``document`` as a meeting of the demo database; returns its id."""
    from sqlalchemy import select

    from app.database import Database
    from app.meetings.service import (
        ActionItemData,
        AgendaItemData,
        AttendeeData,
        DecisionData,
        MeetingContent,
        MeetingData,
        create_meeting,
    )
    from db.models.directory import Person
    from db.models.meetings import AttendanceStatus

    database = Database(str(database_path), must_exist=True)
    try:
        with database.session() as session:
            rows = session.execute(
                select(Person.id, Person.employer_unit_id)
                .where(Person.employer_unit_id.is_not(None))
                .order_by(Person.employer_unit_id, Person.name)
            ).all()
            by_unit: dict[str, list[str]] = {}
            for person_id, unit_id in rows:
                by_unit.setdefault(unit_id, []).append(person_id)
            people = [p for ids in by_unit.values() if len(ids) >= 4 for p in ids[:5]]
            people = people[:ATTENDEES]
            if len(people) < ATTENDEES:
                raise RuntimeError("the demo database has too few people")
            statuses = [AttendanceStatus.PRESENT] * 36
            statuses += [AttendanceStatus.LEAVE] * 2 + [AttendanceStatus.OBSERVER] * 2
            attendees = [
                AttendeeData(
                    person_id=person,
                    status=status,
                    reason="公务" if status is AttendanceStatus.LEAVE else "",
                    position=index,
                )
                for index, (person, status) in enumerate(zip(people, statuses, strict=True))
            ]
            agenda = [
                AgendaItemData(
                    title=section.title,
                    notes=section.notes,
                    position=index,
                    decisions=[
                        DecisionData(
                            text=decision.text,
                            position=number,
                            action_items=[
                                ActionItemData(
                                    description=decision.text,
                                    owner_person_id=people[0],
                                    due_on=decision.due_on,
                                )
                            ],
                        )
                        for number, decision in enumerate(section.decisions)
                    ],
                )
                for index, section in enumerate(document.sections)
            ]
            basics = MeetingData(
                kind="街社党建共同体议事会",
                title=document.heading.removesuffix("纪要"),
                session_no=document.session_no,
                starts_at=document.starts_at,
                ends_at=document.ends_at,
                place=document.place,
                chair_id=people[0],
                recorder_id=people[1],
                summary=document.opening,
            )
            return str(create_meeting(session, MeetingContent(basics, attendees, agenda)))
    finally:
        database.close()


def stored_document(database_path: Path, meeting_id: str) -> Any:
    from app.database import Database
    from app.meetings.minutes import minutes_document

    database = Database(str(database_path), must_exist=True)
    try:
        with database.reader() as session:
            return minutes_document(session, meeting_id)
    finally:
        database.close()


def cli_has_minutes(env: dict[str, str]) -> bool:
    result = subprocess.run(
        [sys.executable, "-m", "app", "minutes", "--help"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=60,
    )
    return result.returncode == 0


# ---------------------------------------------------------------- the .docx


def _run(text: str, font: str, half_points: int, *, bold: bool = False, red: bool = False) -> str:
    props = (
        f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
        + ("<w:b/>" if bold else "")
        + ('<w:color w:val="E60012"/>' if red else "")
        + ('<w:spacing w:val="-4"/>' if half_points == 32 else "")  # 28 a line, as ours
        + f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    )
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _paragraph(runs: str, *, align: str = "both", first: int = 0, hanging: int = 0,
               left: int = 0, before: int = 0) -> str:  # fmt: skip
    indent = f'<w:ind w:left="{left}"'
    indent += f' w:hanging="{hanging}"' if hanging else f' w:firstLine="{first}"'
    props = (
        f'<w:jc w:val="{align}"/>{indent}/>'
        f'<w:spacing w:before="{before}" w:after="0" w:line="579" w:lineRule="exact"/>'
    )
    return f"<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>"


def docx_bytes(document: Any, fangsong: str, heiti: str) -> bytes:
    """An equivalent Word document: same text, fonts, sizes, margins, grid and page numbers."""
    from app.exports.pdf.minutes import decision_text
    from app.exports.pdf.text import chinese_date, level1, level2, meeting_time, paragraphs

    char = 316  # twips per character: 156 mm / 28
    body: list[str] = [
        _paragraph(_run(document.heading, heiti, 44, red=True), align="center", before=1800),
    ]
    if document.session_no:
        body.append(
            _paragraph(_run(f"（第{document.session_no}次）", fangsong, 32), align="center")
        )
    body.append(_paragraph(""))
    facts = [("时间：", meeting_time(document.starts_at, document.ends_at))]
    facts += [("地点：", document.place), ("主持人：", document.chair)]
    facts += [("记录人：", document.recorder)]
    for label, value in facts:
        runs = _run(label, heiti, 32) + _run(value, fangsong, 32)
        body.append(_paragraph(runs, first=2 * char))
    for text in paragraphs(document.opening):
        body.append(_paragraph(_run(text, fangsong, 32), first=2 * char))
    for number, section in enumerate(document.sections, start=1):
        heading = _run(f"{level1(number)}{section.title}", heiti, 32)
        body.append(_paragraph(heading, first=2 * char))
        for text in paragraphs(section.notes):
            body.append(_paragraph(_run(text, fangsong, 32), first=2 * char))
        for index, decision in enumerate(section.decisions, start=1):
            runs = _run(level2(index), fangsong, 32) + _run(decision_text(decision), fangsong, 32)
            body.append(_paragraph(runs, first=2 * char))
    before = 579
    for label, groups in (
        ("出席：", document.present),
        ("请假：", document.on_leave),
        ("列席：", document.observers),
    ):
        for index, group in enumerate(groups):
            names = "、".join(group.names)
            runs = (_run(label, heiti, 32) if index == 0 else "") + _run(
                f"{group.unit}  {names}", fangsong, 32
            )
            if index == 0:
                body.append(_paragraph(runs, align="left", left=5 * char, hanging=3 * char,
                                       before=before))  # fmt: skip
            else:
                body.append(_paragraph(runs, align="left", left=5 * char))
            before = 0
    if document.issuer:
        body.append(_paragraph(_run(document.issuer, fangsong, 32), align="right", before=579))
    if document.issued_on:
        issued = chinese_date(document.issued_on)
        body.append(_paragraph(_run(issued, fangsong, 32), align="right"))
    section = (
        '<w:sectPr><w:footerReference w:type="default" r:id="rFooter"/>'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851"'
        ' w:footer="1247" w:gutter="0"/>'
        '<w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>'
    )
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    )
    document_xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {ns}>'
    document_xml += f"<w:body>{''.join(body)}{section}</w:body></w:document>"
    field = (
        _run("— ", heiti, 28)
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _run("1", heiti, 28)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + _run(" —", heiti, 28)
    )
    footer = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {ns}>'
        f'<w:p><w:pPr><w:jc w:val="right"/></w:pPr>{field}</w:p></w:ftr>'
    )
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/footer1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rFooter" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/footer" Target="footer1.xml"/></Relationships>'
        ),
        "word/document.xml": document_xml,
        "word/footer1.xml": footer,
    }
    return _zip(files)


def _zip(files: dict[str, str]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content.encode("utf-8"))
    return buffer.getvalue()


# ---------------------------------------------------------------- timing


@dataclasses.dataclass(frozen=True)
class Timing:
    wall: Summary  # ms
    cpu: Summary  # ms of CPU (user + system), this process's and its children's


def cpu_seconds() -> float:
    """CPU time so far of this process and of its children that have ended."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(action: Callable[[], object], runs: int) -> tuple[float, Timing]:
    """(first run's wall time in ms, wall and CPU times of the next ``runs`` runs).

    On a shared machine the wall time of a process swings with the others' load; its CPU
    time much less, so both are reported."""
    started = time.perf_counter()
    action()
    first = (time.perf_counter() - started) * 1000
    walls, cpus = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), cpu_seconds()
        action()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((cpu_seconds() - cpu_started) * 1000)
    return first, Timing(Summary.of(walls), Summary.of(cpus))


def process(command: Sequence[str], env: dict[str, str], timeout: float = 300) -> None:
    result = subprocess.run(
        list(command), cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited {result.returncode}: {result.stderr[-1500:]}"
        )


def _document_json(document: Any) -> str:
    def convert(value: object) -> object:
        if isinstance(value, datetime | date):
            return value.isoformat()
        raise TypeError(type(value))

    return json.dumps(dataclasses.asdict(document), default=convert, ensure_ascii=False)


def _page_count(pdf: Path) -> int | None:
    if shutil.which("pdfinfo") is None:
        return None
    result = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    for line in result.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def _share_fonts(home: Path) -> None:
    """The shipped fonts, visible to LibreOffice through fontconfig's per-user folders."""
    for folder in (home / ".fonts", home / ".local" / "share" / "fonts"):
        folder.mkdir(parents=True, exist_ok=True)
        for font in (ROOT / "resources" / "fonts").glob("*.ttf"):
            target = folder / font.name
            if not target.exists():
                os.symlink(font, target)


@benchmark(
    "minutes", "the 纪要 PDF in-app and as a command, against LibreOffice", arguments=_arguments
)
def run(args: argparse.Namespace) -> int:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory(prefix="gongjian-bench-") as tmp:
        work = Path(tmp)
        home = work / "home"
        env = isolated_env(home)
        text, source = article()
        print(f"minutes: body from {source}", flush=True)

        document = build_document(text)
        meeting_id: str | None = None
        database = work / "street.db"
        cli_note = ""
        if cli_has_minutes(env):
            try:
                print("making the street demo database and storing the meeting …", flush=True)
                seconds = create_demo_database(database, home)
                meeting_id = store_meeting(database, document)
                document = stored_document(database, meeting_id)
                print(f"  done in {seconds:.1f} s (meeting {meeting_id})", flush=True)
            except Exception as error:  # noqa: BLE001 - any failure: fall back, and say so
                meeting_id = None
                cli_note = f"storing the meeting failed ({type(error).__name__}: {error})"
        else:
            cli_note = "`python -m app minutes` does not exist yet"

        from app.exports.pdf.fonts import font_set
        from app.exports.pdf.minutes import render_minutes

        started = time.perf_counter()
        font_set()
        font_ms = (time.perf_counter() - started) * 1000
        cold, inapp = timed(lambda: render_minutes(document), args.runs)
        pdf = render_minutes(document)
        ours = work / "ours.pdf"
        ours.write_bytes(pdf)
        pages = _page_count(ours)
        print(f"  {pages} pages, {len(pdf) / 1024:.0f} KiB; fonts loaded in {font_ms:.0f} ms")

        json_path = work / "document.json"
        json_path.write_text(_document_json(document), encoding="utf-8")
        script = [sys.executable, "-c", RENDER_SCRIPT, str(json_path), str(work / "script.pdf")]
        _, render_process = timed(lambda: process(script, env), args.runs)
        floor_command = [sys.executable, "-c", FLOOR_SCRIPT]
        _, floor = timed(lambda: process(floor_command, env), args.runs)

        cli_command = "python -c (render from JSON)"
        cli = render_process
        if meeting_id is not None:
            command = [sys.executable, "-m", "app", "--db", str(database), "minutes"]
            command += [meeting_id, "-o", str(work / "cli.pdf")]
            _, cli = timed(lambda: process(command, env), args.runs)
            cli_command = "gongjian minutes"

        office: Timing | None = None
        docx = work / "minutes.docx"
        docx.write_bytes(docx_bytes(document, "Gongjian Kai", "WenQuanYi Micro Hei"))
        if soffice:
            _share_fonts(home)
            profile = (work / "lo-profile").as_uri()
            out = work / "office"
            convert = [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(docx),
            ]
            _, office = timed(lambda: process(convert, env, timeout=600), args.office_runs)
            print(f"  LibreOffice: {_page_count(out / 'minutes.pdf')} pages")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name in ("ours.pdf", "minutes.docx", "office/minutes.pdf"):
                if (work / name).exists():
                    shutil.copy(work / name, args.keep / name.replace("/", "-"))
    processes = {"render": render_process, "floor": floor}
    return report(inapp, cold, processes, cli, cli_command, cli_note, office, pages, args)


def report(
    inapp: Timing,
    cold: float,
    processes: dict[str, Timing],
    cli: Timing,
    cli_command: str,
    cli_note: str,
    office: Timing | None,
    pages: int | None,
    args: argparse.Namespace,
) -> int:
    rows: list[list[object]] = [
        ["(a) render_minutes, warm process", *_figures(inapp)],
        ["    first render (fonts loaded before)", cold, cold, cold, "", ""],
        ["    python -c: load JSON, write PDF", *_figures(processes["render"])],
        ["    python -c: import SQLAlchemy ORM, platypus", *_figures(processes["floor"])],
        [f"(b) whole process: {cli_command}", *_figures(cli)],
    ]
    if office is not None:
        rows.append(["(c) LibreOffice .docx → PDF", *_figures(office)])
    print()
    print(table(["ms", "median", "min", "max", "CPU median", "CPU min"], rows))
    if cli_note:
        print(f"NOTE: (b) is the python -c process, not the app's command: {cli_note}.")
    result: dict[str, object] = {
        "benchmark": "minutes",
        "pages": pages,
        "runs": args.runs,
        "cli_command": cli_command,
        "inapp_ms": round(inapp.wall.median, 1),
        "render_process_ms": round(processes["render"].wall.median, 1),
        "import_floor_ms": round(processes["floor"].wall.median, 1),
        "cli_ms": round(cli.wall.median, 1),
        "cli_cpu_ms": round(cli.cpu.median, 1),
        "libreoffice_ms": round(office.wall.median, 1) if office else None,
        "libreoffice_cpu_ms": round(office.cpu.median, 1) if office else None,
        "inapp_speedup": None,
        "cli_speedup": None,
        "cli_cpu_speedup": None,
        "inapp_goal": INAPP_GOAL,
        "cli_goal": CLI_GOAL,
        "pass": False,
    }
    if office is None:
        print("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
        print(json.dumps(result, ensure_ascii=False))
        return 1
    inapp_speedup = office.wall.median / inapp.wall.median
    cli_speedup = office.wall.median / cli.wall.median
    cli_cpu_speedup = office.cpu.median / cli.cpu.median
    print()
    for what, value, goal in (
        ("in-app", inapp_speedup, INAPP_GOAL),
        ("whole process", cli_speedup, CLI_GOAL),
    ):
        verdict = "PASS" if value >= goal else "FAIL"
        print(f"{what:<14} LibreOffice/ours {value:5.1f}×  goal ≥ {goal:.0f}×  {verdict}")
    print(f"(whole process by CPU time: LibreOffice/ours {cli_cpu_speedup:.1f}×)")
    process_speedup = office.wall.median / processes["render"].wall.median
    floor_speedup = office.wall.median / processes["floor"].wall.median
    print(f"(the PDF's own process, python -c: LibreOffice/ours {process_speedup:.1f}×)")
    print(f"(importing SQLAlchemy's ORM and platypus alone: LibreOffice/that {floor_speedup:.1f}×)")
    result["import_floor_speedup"] = round(floor_speedup, 2)
    result["render_process_speedup"] = round(process_speedup, 2)
    result["inapp_speedup"] = round(inapp_speedup, 2)
    result["cli_speedup"] = round(cli_speedup, 2)
    result["cli_cpu_speedup"] = round(cli_cpu_speedup, 2)
    result["pass"] = inapp_speedup >= INAPP_GOAL and cli_speedup >= CLI_GOAL
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["pass"] else 1


def _figures(timing: Timing) -> list[object]:
    return [timing.wall.median, timing.wall.minimum, timing.wall.maximum,
            timing.cpu.median, timing.cpu.minimum]  # fmt: skip
