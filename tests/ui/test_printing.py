"""Printing a rendered PDF: the same pages on paper as in the file, at their real size; print
preview; "Save PDF as…" that never damages a file already there."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from app.exports.pdf import render_minutes, render_signin_sheet
from app.localtime import BEIJING
from app.meetings.documents import (
    AgendaSection,
    AttendeeGroup,
    DecisionItem,
    MinutesDocument,
    SignInRow,
    SignInSheet,
)

from PySide6.QtCore import QRectF, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QMessageBox
from ui.printing import files
from ui.printing.files import print_pdf_to_file, safe_file_name, save_pdf_as
from ui.printing.pages import open_pdf, page_count, paint_pdf, prepare_printer, target_rect
from ui.printing.preview import PdfPrintPreview

A4 = QSizeF(595.28, 841.89)
NOTES = "会议认为，安乐村小区车位供需矛盾突出，须由街道牵头、驻区单位协同解决。" * 12


def minutes(sections: int = 6) -> bytes:
    return render_minutes(
        MinutesDocument(
            heading="宁海路街道北片区党建联盟协调议事会纪要",
            session_no=3,
            starts_at=datetime(2026, 3, 12, 14, 30, tzinfo=BEIJING),
            ends_at=None,
            place="街道党群服务中心三楼会议室",
            chair="王喆",
            recorder="李堃",
            opening="会议听取了各社区关于老旧小区停车难等问题的情况汇报，现纪要如下：",
            sections=tuple(
                AgendaSection(
                    f"关于第{n + 1}项议题",
                    NOTES,
                    (
                        DecisionItem(
                            "由街道城管科牵头落实。", ("宁海路街道城管科",), date(2026, 3, 31)
                        ),
                    ),
                )
                for n in range(sections)
            ),
            present=(AttendeeGroup("宁海路街道党工委", ("王喆", "李堃")),),
            on_leave=(),
            observers=(),
        )
    )


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return minutes()


def grey(image: QImage) -> Any:
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    rows = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(
        image.height(), image.bytesPerLine()
    )
    return rows[:, : image.width()].astype(int)


def render_page(data: bytes, page: int, size: QSize) -> Any:
    with open_pdf(data) as document:
        return grey(document.render(page, size))


def test_printing_to_a_file_gives_the_same_pages_at_the_same_place(
    pdf: bytes, tmp_path: Path, qapp: Any
) -> None:
    target = tmp_path / "printed.pdf"
    pages = print_pdf_to_file(pdf, target)
    printed = target.read_bytes()
    assert printed.startswith(b"%PDF")
    assert pages == page_count(pdf) == page_count(printed) > 1
    with open_pdf(printed) as document:
        size = document.pagePointSize(0)
    assert abs(size.width() - A4.width()) < 1 and abs(size.height() - A4.height()) < 1
    for page in (0, pages - 1):  # no shift and no scaling: the pixels line up
        original = render_page(pdf, page, QSize(595, 842))
        copy = render_page(printed, page, QSize(595, 842))
        assert np.abs(original - copy).mean() < 3
        assert (original < 128).sum() > 1000  # the page is not blank


def test_the_page_goes_at_its_real_size_or_shrinks_to_fit() -> None:
    a4_paper = QRectF(0, 0, 2480, 3508)  # A4 at 300 dpi
    rect = target_rect(A4, a4_paper, 300)
    assert (round(rect.width()), round(rect.height())) == (2480, 3508) and rect.topLeft().isNull()
    letter = QRectF(0, 0, 2550, 3300)
    shrunk = target_rect(A4, letter, 300)
    assert shrunk.height() == pytest.approx(3300)
    assert shrunk.width() / shrunk.height() == pytest.approx(A4.width() / A4.height())
    assert shrunk.left() > 0  # centred


def test_the_printer_gets_a4_portrait_and_the_whole_paper(pdf: bytes, qapp: Any) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    prepare_printer(printer, pdf)
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Portrait
    assert printer.fullPage()


def test_a_page_range_prints_only_those_pages(pdf: bytes, tmp_path: Path, qapp: Any) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    prepare_printer(printer, pdf)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    assert paint_pdf(printer, pdf) == 1
    assert page_count((tmp_path / "range.pdf").read_bytes()) == 1


def test_the_preview_shows_every_page_and_is_not_printing(
    pdf: bytes, qtbot: Any, tmp_path: Path
) -> None:
    preview = PdfPrintPreview(pdf, "宁海路街道北片区党建联盟协调议事会纪要")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    qtbot.waitUntil(lambda: widget.pageCount() == page_count(pdf), timeout=5000)
    assert not preview.printed  # drawing pages for the screen is not printing them
    assert preview.windowTitle() == "打印预览 — 宁海路街道北片区党建联盟协调议事会纪要"
    path = os.environ.get("PRINT_PREVIEW_SCREENSHOT", str(tmp_path / "preview.png"))
    assert preview.grab().save(path)

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "from-preview.pdf"))
    prepare_printer(printer, pdf)
    preview.paintRequested.emit(printer)  # what the preview's print button does
    assert preview.printed and preview.pages_printed == page_count(pdf)
    preview.close()


def test_the_sign_in_sheet_prints_the_same_way(tmp_path: Path, qapp: Any) -> None:
    sheet = render_signin_sheet(
        SignInSheet(
            "宁海路街道北片区党建联盟协调议事会",
            datetime(2026, 3, 12, 14, 30, tzinfo=BEIJING),
            "街道党群服务中心三楼会议室",
            tuple(SignInRow(f"王喆{n}", "江苏省某某厅", "处长") for n in range(40)),
        )
    )
    assert print_pdf_to_file(sheet, tmp_path / "sheet.pdf") == page_count(sheet)


def test_save_pdf_as_writes_where_the_user_chose(
    pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    offered: list[str] = []

    def ask(parent: Any, caption: str, directory: str, *args: Any, **kwargs: Any) -> Any:
        offered.append(directory)
        return str(tmp_path / "纪要"), "PDF 文件 (*.pdf)"  # typed without the suffix

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    path = save_pdf_as(None, pdf, "宁海路/北片区: 纪要")
    assert path == tmp_path / "纪要.pdf"
    assert path.read_bytes() == pdf
    assert Path(offered[0]).name == "宁海路_北片区_ 纪要.pdf"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    save_pdf_as(None, pdf, "again")  # the next dialog starts in the folder used last
    assert Path(offered[1]).parent == tmp_path


def test_a_failed_save_keeps_the_old_file_and_says_why(
    pdf: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    target = tmp_path / "纪要.pdf"
    target.write_bytes(b"%PDF-old")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: warned.append(text))
    )

    def refuse(*_args: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    assert save_pdf_as(None, pdf, "纪要") is None
    assert target.read_bytes() == b"%PDF-old"
    assert warned and "无法保存文件" in warned[0]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_cancelling_saves_nothing(pdf: bytes, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert save_pdf_as(None, pdf, "纪要") is None


def test_file_names_lose_what_windows_refuses() -> None:
    assert safe_file_name('a<b>c:"d"/e\\f|g?h*') == "a_b_c__d__e_f_g_h_"
    assert safe_file_name(" . ") == "document"
    assert files.safe_file_name("纪要 2026-03-12.pdf") == "纪要 2026-03-12.pdf"
