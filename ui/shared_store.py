"""The dock's view of a shared PostgreSQL store: the connection chooser, the user's role (read-only for
readers) and who last wrote each indicator. The dock itself only adds the button and this panel."""
from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.store import Store, open_store
from ..core.store_address import DEFAULT_SCHEMA
from ..processing.store_access import qgis_connection, qgis_connections
from ..translation import tr


def open_any_store(text: str) -> Store:
    """The store a dock address names (GeoPackage path, PostgreSQL address or saved QGIS connection)."""
    return open_store(text, connection=qgis_connection)


class SharedStoreDialog(QDialog):
    """Chooses a shared store: a saved QGIS PostgreSQL connection or an address, and the schema."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Open a shared results store"))
        form = QFormLayout()
        self.connection = QComboBox(self)
        self.connection.addItem(tr("(address below)"), "")
        for name in qgis_connections():
            self.connection.addItem(name, name)
        self.address = QLineEdit(self)
        self.address.setPlaceholderText("postgresql://user@host:5432/dbname  |  service=NAME")
        self.schema = QLineEdit(DEFAULT_SCHEMA, self)
        form.addRow(tr("QGIS PostgreSQL connection"), self.connection)
        form.addRow(tr("or address"), self.address)
        form.addRow(tr("Schema"), self.schema)
        note = QLabel(tr("No password here: keep it in the QGIS connection's authentication configuration, "
                         "~/.pgpass or pg_service.conf."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        """The store address the dock opens: a connection name, or the address with its schema."""
        name = self.connection.currentData()
        if name:
            return name
        text = self.address.text().strip()
        schema = self.schema.text().strip() or DEFAULT_SCHEMA
        if not text or schema == DEFAULT_SCHEMA or "schema=" in text:
            return text
        joiner = ("&" if "?" in text else "?") if text.lower().startswith(("postgresql:", "postgres:")) else " "
        return f"{text}{joiner}schema={schema}"


class SharedStorePanel(QWidget):
    """Who the user is in the shared store, whether they may write, and who last wrote each indicator."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.role = QLabel(self)
        self.role.setWordWrap(True)
        self.writers = QTableWidget(0, 3, self)
        self.writers.setHorizontalHeaderLabels([tr("Indicator"), tr("Last written by"), tr("When (UTC)")])
        self.writers.verticalHeader().setVisible(False)
        self.writers.setEditTriggers(QTableWidget.NoEditTriggers)
        self.writers.setMaximumHeight(140)
        layout.addWidget(self.role)
        layout.addWidget(self.writers)
        self.read_only = False
        self.setVisible(False)

    def show_store(self, store: Store | None) -> None:
        """Fill in for a shared store; hide for a GeoPackage or none."""
        if store is None or not store.audited:
            self.read_only = False
            self.setVisible(False)
            return
        user = store.current_role()
        self.read_only = not store.may_write()
        self.role.setText((tr("Connected as {}: read-only (ask the store's administrator for a writer role to "
                              "run indicators into it).") if self.read_only else tr("Connected as {}.")).format(user))
        writers = store.last_writers()
        self.writers.setRowCount(len(writers))
        for row, record in enumerate(writers.itertuples(index=False)):
            for column, value in enumerate((record.indicator, record.db_user, record.ended_at.replace("T", " "))):
                self.writers.setItem(row, column, QTableWidgetItem(value))
        self.setVisible(True)
