"""Contract documents in the window: make the PDF for signing, attach files, edit templates.

The PDF is made in the document's language, which may not be the window's
(Chinese, English, or both: Chinese with the English beneath, the Chinese
governing): its words come from ``services.contract_document``, its font
asks for a Simplified Chinese family first when it has Chinese
(``app.i18n``'s list), and the plan excerpt is drawn by the floor plan
itself. The choice offered defaults to the window's language; a bilingual
document has no template of its own (it pairs the two), so the template
editor says, as the park types, when the two would not pair. The file is
written whole or not at all and is kept with the contract (kind "generated",
the contract's version), so the one that was signed can be found again.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.i18n import CJK_FAMILIES, resolve
from runtime.files import written_whole
from runtime.messages import UserError
from services.contract_document import (
    BILINGUAL,
    BLOCKS,
    FIELDS,
    LANGUAGES,
    ContractDocumentData,
    TemplateProblem,
    TemplateRefused,
    attach_file,
    default_template,
    document_data,
    pairing_problems,
    reset_template,
    set_template,
    store_document,
    template_of,
    template_problems,
)
from services.contracts import park_id_of
from store.workspace import Workspace
from views.contract_pdf import PageSetup, plan_excerpt, write_contract_pdf
from views.document_languages import LANGUAGE_NAMES
from views.message_text import message_text

translate = QCoreApplication.translate


# -- the language a document is made in ---------------------------------------------------


def default_document_language(window: Any) -> str:
    """The window's language (zh_CN or en): what a document is made in unless chosen."""
    return resolve(str(getattr(getattr(window, "languages", None), "current", "") or ""))


# -- the PDF ----------------------------------------------------------------------------


def document_font(language: str, base: QFont | None = None) -> QFont:
    """The document's font: a Simplified Chinese family first for a Chinese or bilingual
    contract (left to fallback, Qt may draw Japanese glyphs), Latin first for an English
    one."""
    font = QFont(base) if base is not None else QFont()
    families = [f for f in (font.families() or [font.family()]) if f not in CJK_FAMILIES]
    cjk = list(CJK_FAMILIES)
    chinese_first = language in ("zh_CN", BILINGUAL)  # bilingual: the Chinese governs
    font.setFamilies([*cjk, *families] if chinese_first else [*families, *cjk])
    return font


def contract_pdf(workspace: Workspace, contract_id: uuid.UUID, language: str,
                 base_font: QFont | None = None) -> tuple[ContractDocumentData, bytes]:
    """The contract's document and its PDF's bytes (nothing written or kept)."""
    with workspace.reading() as session:
        data = document_data(session, contract_id, language)
    font = document_font(language, base_font)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    write_contract_pdf(data, plan_excerpt(data.plan, font=font), buffer, PageSetup(font=font))
    buffer.close()
    return data, bytes(buffer.data().data())


def file_name(data: ContractDocumentData) -> str:
    """What the saved PDF is called: the contract, its version and the language."""
    return f"{data.code}-v{data.version}-{data.language}.pdf"


def make_contract_pdf(window: Any, contract_id: uuid.UUID, language: str,
                      path: Path | None = None) -> Path | None:
    """Ask where to save the contract's PDF (unless ``path`` is given), write it and keep it
    with the contract; None when cancelled or refused (the reason said)."""
    title = translate("ContractDocument", "Contract document")
    workspace = window.controller.workspace
    try:
        data, pdf = contract_pdf(workspace, contract_id, language, window.font())
    except TemplateRefused as exc:
        window.warn(title, template_refusal_text(exc))
        return None
    except UserError as exc:
        window.warn(title, message_text(exc))
        return None
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(
            window, translate("ContractDocument", "Save contract document"), file_name(data),
            translate("ContractDocument", "PDF documents (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        with written_whole(path) as partial:
            partial.write_bytes(pdf)
    except OSError as exc:
        window.warn(title, message_text(exc))
        return None
    store_document(workspace, data.contract_id, pdf, path.name)
    return path


def attach_document(window: Any, contract_id: uuid.UUID, path: Path | None = None
                    ) -> uuid.UUID | None:
    """Keep a file with the contract (the signed scan, a letter); asks for it unless
    ``path`` is given. Its id, or None when cancelled or unreadable (said)."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(
            window, translate("ContractDocument", "Attach a file to the contract"), "",
            translate("ContractDocument", "All files (*)"))
        if not chosen:
            return None
        path = Path(chosen)
    try:
        return attach_file(window.controller.workspace, contract_id, path)
    except (OSError, UserError) as exc:
        window.warn(translate("ContractDocument", "Attach a file"), message_text(exc))
        return None


# -- templates --------------------------------------------------------------------------


def problem_text(problem: TemplateProblem) -> str:
    """One thing wrong with a template, in the window's language."""
    p: Mapping[str, str] = problem.params
    name = "{" + p.get("name", "") + "}"
    texts = {
        "unknown-placeholder": lambda: translate(
            "ContractTemplate", "Line {line}: {name} is not a placeholder the document knows"),
        "block-inline": lambda: translate(
            "ContractTemplate", "Line {line}: {name} must stand on a line of its own"),
        "placeholder-format": lambda: translate(
            "ContractTemplate", "Line {line}: {name} cannot carry a format; write it plain"),
        "malformed": lambda: translate(
            "ContractTemplate", "Line {line}: a brace without its pair (type {{ or }} for a "
                                "brace itself)"),
        "unknown-language": lambda: translate(
            "ContractTemplate", "There is no contract template in language {language}"),
        "unpaired-sections": lambda: translate(
            "ContractTemplate", "The Chinese template has {zh} articles (## headings) and the "
                                "English one {en}: a bilingual document pairs them one for "
                                "one"),
        "unpaired-blocks": lambda: translate(
            "ContractTemplate", "{section}: the Chinese template places {zh} and the English "
                                "one {en}; a bilingual document needs the same blocks in the "
                                "same order"),
    }
    template = texts.get(problem.code)
    if template is None:
        return problem.message
    if p.get("heading"):
        section = translate("ContractTemplate", "Article “{heading}”").replace(
            "{heading}", p["heading"])
    else:
        section = translate("ContractTemplate", "Before the first article")
    text = (template().replace("{line}", p.get("line", "")).replace("{name}", name)
            .replace("{language}", p.get("language", "")).replace("{section}", section))
    for key, said in (("{zh}", p.get("zh_CN", "")), ("{en}", p.get("en", ""))):
        if problem.code == "unpaired-blocks":  # block names as the editor lists them
            said = (", ".join("{" + n + "}" for n in said.split(", ")) if said != "-"
                    else translate("ContractTemplate", "no block"))
        text = text.replace(key, said)
    which = {"zh_CN": translate("ContractTemplate", "The Chinese template"),
             "en": translate("ContractTemplate", "The English template")}.get(
        p.get("template", ""))
    return f"{which}: {text}" if which else text


def template_refusal_text(refused: TemplateRefused) -> str:
    lines = [translate("ContractTemplate", "The contract template cannot be used:")]
    lines += [f"• {problem_text(p)}" for p in refused.problems]
    return "\n".join(lines)


def placeholder_notes() -> dict[str, str]:
    """What each placeholder stands for, in the window's language."""
    return {
        "contract_code": translate("ContractTemplate", "the contract's code"),
        "contract_version": translate("ContractTemplate", "the contract's version number"),
        "signed_on": translate("ContractTemplate", "the signing date"),
        "today": translate("ContractTemplate", "the date the document is made"),
        "landlord_name": translate("ContractTemplate", "the landlord: the park's name"),
        "landlord_address": translate("ContractTemplate", "the park's address"),
        "tenant_name": translate("ContractTemplate", "the tenant's name"),
        "tenant_contact": translate("ContractTemplate", "the tenant's contact person"),
        "tenant_phone": translate("ContractTemplate", "the tenant's phone"),
        "tenant_email": translate("ContractTemplate", "the tenant's email"),
        "unit_codes": translate("ContractTemplate", "the codes of the units let"),
        "total_area": translate("ContractTemplate", "the billable area let, m²"),
        "term_start": translate("ContractTemplate", "the first day of the term"),
        "term_end": translate("ContractTemplate", "the last day of the term"),
        "term_clause": translate(
            "ContractTemplate", "the term in words, with hand-over and rent start"),
        "delivered_on": translate("ContractTemplate", "the hand-over date"),
        "rent_starts_on": translate("ContractTemplate", "the first day of rent"),
        "rent_clause": translate("ContractTemplate", "the rent clause in words"),
        "tiers_clause": translate("ContractTemplate", "the area bands in words"),
        "coefficient_clause": translate("ContractTemplate", "the area coefficient in words"),
        "rent_free_clause": translate("ContractTemplate", "the rent-free periods in words"),
        "escalation_clause": translate("ContractTemplate", "the rent review in words"),
        "turnover_clause": translate("ContractTemplate", "the turnover rent in words"),
        "charges_clause": translate("ContractTemplate", "the charges in words"),
        "deposit_clause": translate("ContractTemplate", "the deposit in words"),
        "due_clause": translate("ContractTemplate", "when payments are due, in words"),
        "late_fee_clause": translate("ContractTemplate", "the late fee in words"),
        "deposit": translate("ContractTemplate", "the deposit amount"),
        "rent_total": translate("ContractTemplate", "the rent over the term"),
        "schedule_total": translate(
            "ContractTemplate", "everything the schedule bills over the term"),
        "schedule_total_words": translate(
            "ContractTemplate", "that total in words (Chinese capitals in Chinese)"),
        "notes": translate("ContractTemplate", "the contract's notes"),
        "units_table": translate("ContractTemplate", "block: the table of units let"),
        "plan_excerpt": translate(
            "ContractTemplate", "block: the plan of their floors, the units shaded"),
        "clauses": translate("ContractTemplate", "block: every clause, numbered"),
        "schedule_table": translate("ContractTemplate", "block: the full schedule and its totals"),
        "signatures": translate("ContractTemplate", "block: both parties' signature blocks"),
    }


class TemplateDialog(QDialog):
    """Edit the park's contract template per language; problems are shown as you type and
    Save keeps it (refused, with the lines named, while any remain)."""

    def __init__(self, workspace: Workspace, park_id: uuid.UUID,
                 parent: QWidget | None = None, language: str = "zh_CN") -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.park_id = park_id
        self.setWindowTitle(self.tr("Contract template"))
        self.resize(980, 680)
        self._bodies: dict[str, str] = {}  # edits not saved yet, by language
        self._stored: dict[str, tuple[str, str]] = {}
        self.language_combo = QComboBox(self)
        for code in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.source_label = QLabel(self)
        self.editor = QPlainTextEdit(self)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.placeholders = QListWidget(self)
        self.placeholders.setToolTip(self.tr("Double-click to insert at the cursor"))
        notes = placeholder_notes()
        for name in (*FIELDS, *BLOCKS):
            item = QListWidgetItem(f"{{{name}}}  {notes.get(name, '')}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.placeholders.addItem(item)
        self.placeholders.itemDoubleClicked.connect(self._insert)
        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #b3261e")
        # Whether this template pairs with the other language's (a bilingual document): said,
        # not blocking: the park may be editing the two one after the other.
        self.pairing_label = QLabel(self)
        self.pairing_label.setWordWrap(True)
        self.pairing_label.setStyleSheet("color: #8a5a00")
        self.status_label = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.RestoreDefaults
            | QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_default)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Language"), self))
        top.addWidget(self.language_combo)
        top.addStretch(1)
        top.addWidget(self.source_label)
        split = QSplitter(self)
        split.addWidget(self.editor)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(self.tr("Placeholders"), side))
        side_layout.addWidget(self.placeholders)
        split.addWidget(side)
        split.setSizes([620, 340])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr(
            "# starts the title, ## an article's heading; a blank line ends a paragraph; "
            "a block placeholder stands on a line of its own."), self))
        layout.addWidget(split, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.pairing_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self._language = self.language()
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        self.editor.textChanged.connect(self._check)
        self._load(self._language)

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def body(self) -> str:
        return self.editor.toPlainText()

    def _stored_of(self, language: str) -> tuple[str, str]:
        """The park's template for ``language`` as saved, and where it came from."""
        if language not in self._stored:
            with self.workspace.reading() as session:
                self._stored[language] = template_of(session, self.park_id, language)
        return self._stored[language]

    def _load(self, language: str) -> None:
        stored, source = self._stored_of(language)
        self.editor.setPlainText(self._bodies.get(language, stored))
        self._show_source(source)
        self.status_label.clear()
        self._check()

    def _show_source(self, source: str) -> None:
        self.source_label.setText(self.tr("The park's own template") if source == "park"
                                  else self.tr("The default template"))

    def _language_changed(self) -> None:
        self._bodies[self._language] = self.body()  # kept while the other is edited
        self._language = self.language()
        self._load(self._language)

    def _insert(self, item: QListWidgetItem) -> None:
        self.editor.insertPlainText("{" + str(item.data(Qt.ItemDataRole.UserRole)) + "}")
        self.editor.setFocus()

    def _check(self) -> None:
        problems = template_problems(self.body())
        self.problems_label.setText("\n".join(problem_text(p) for p in problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)
        self.pairing_label.setText(self._pairing_text())

    def _pairing_text(self) -> str:
        """Why the two templates (this one as typed, the other as edited or saved) cannot
        make a bilingual document; "" when they can."""
        bodies = {code: self._bodies[code] if code in self._bodies
                  else self._stored_of(code)[0] for code in LANGUAGES}
        bodies[self.language()] = self.body()
        problems = pairing_problems(bodies["zh_CN"], bodies["en"])
        if not problems:
            return ""
        return "\n".join([self.tr("A bilingual document pairs the Chinese and English "
                                  "templates article by article; until they pair, it cannot "
                                  "be made:"), *(f"• {problem_text(p)}" for p in problems)])

    def restore_default(self) -> None:
        """The app's template in the editor (kept for the park when saved)."""
        self.editor.setPlainText(default_template(self.language()))

    def save(self) -> bool:
        """Keep the text as the park's template; the default's text clears the park's own."""
        language, body = self.language(), self.body()
        try:
            if body == default_template(language):
                reset_template(self.workspace, self.park_id, language)
                source = "default"
            else:
                set_template(self.workspace, self.park_id, language, body)
                source = "park"
        except TemplateRefused as exc:
            self.problems_label.setText(template_refusal_text(exc))
            return False
        self._stored[language] = (body, source)
        self._bodies.pop(language, None)
        self._show_source(source)
        self.status_label.setText(self.tr("Saved."))
        return True


def edit_template(window: Any, language: str | None = None) -> TemplateDialog:
    """Open the template editor for the workspace's park (non-blocking; returned)."""
    workspace = window.controller.workspace
    with workspace.reading() as session:
        park_id = park_id_of(session)
    chosen = language or getattr(getattr(window, "languages", None), "current", "") or "zh_CN"
    dialog = TemplateDialog(workspace, park_id, window,
                            chosen if chosen in LANGUAGES else "zh_CN")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

