"""sdg:setup_shared_store and sdg:copy_store: a PostgreSQL results store shared by the county's departments."""
from __future__ import annotations

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
)

from ..core.profile import ProfileError, load_profile
from ..core.store import StoreError
from ..core.store_copy import CONFLICT_COLUMNS, copy_store
from ..translation import tr
from .base import SdgBaseAlgorithm, store_errors, store_parameter
from .store_access import open_results, run_record
from .tables import write_table


class SetupSharedStore(SdgBaseAlgorithm):
    """Creates the schema, tables, roles, grants and row-level security of a shared PostgreSQL store."""

    ALG_ID = "setup_shared_store"
    GROUP_ID = "progress"
    RESULTS = "RESULTS"
    PROFILE = "PROFILE"
    DEPARTMENTS = "DEPARTMENTS"

    def displayName(self) -> str:
        return tr("Set up a shared results store (PostgreSQL)")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Prepares a PostgreSQL database as the results store shared by the county's departments. Run it "
            "once as the database administrator (a superuser, or a role that may create roles); running it again "
            "adds what is missing and keeps your edits.</p>"
            "<p><b>Results store</b>: <i>postgresql://user@host:port/dbname?schema=sdg</i>, <i>service=NAME</i> "
            "from pg_service.conf, or the name of a PostgreSQL connection saved in QGIS. Never put a password in "
            "it: keep it in ~/.pgpass, pg_service.conf or the QGIS connection's authentication configuration.</p>"
            "<p>It creates the schema's tables (<i>sdg_results</i>, <i>sdg_targets</i>, the progress tables, "
            "<i>sdg_audit</i> with one row per run: database user, algorithm, parameters, input file checksums, "
            "start and end, rows written, outcome) and the roles <i>sdg_reader</i> (reads), <i>sdg_writer</i> "
            "(writes results) and <i>sdg_admin</i> (owns the tables, edits assignments). Give people login roles "
            "that are members of these.</p>"
            "<p><b>Department roles</b>: from the profile's <i>data_source</i> column, one role per department "
            "(<i>sdg_dept_education_bureau</i> ...; the spatial indicators stay with the GIS office, a plain "
            "writer) and the table <i>sdg_assignment</i> saying which department may write which indicator; "
            "row-level security in the database enforces it for every client. The "
            "administrator edits <i>sdg_assignment</i> to change who writes what.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(store_parameter(self.RESULTS, tr("Shared results store (PostgreSQL)"), optional=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DEPARTMENTS, tr("Create department roles from the profile's data sources"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFile(
            self.PROFILE, tr("Indicator profile (default: the shipped Deqing profile)"),
            behavior=QgsProcessingParameterFile.Behavior.File, extension="csv", optional=True))
        self.addOutput(QgsProcessingOutputString("ROLES", tr("Roles")))
        self.addOutput(QgsProcessingOutputNumber("ASSIGNMENTS", tr("Indicator assignments added")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.store_pg import PostgresStore
        from ..core.store_pg_setup import department_assignments, setup_shared_store

        store = open_results(self.parameterAsFile(parameters, self.RESULTS, context))
        if not isinstance(store, PostgresStore):
            raise QgsProcessingException(tr(
                "{} is a GeoPackage: a shared store is a PostgreSQL database. Give postgresql://user@host:port/"
                "dbname?schema=sdg, service=NAME or a saved QGIS PostgreSQL connection.").format(store.label))
        departments = {}
        if self.parameterAsBoolean(parameters, self.DEPARTMENTS, context):
            try:
                profile = load_profile(self.parameterAsFile(parameters, self.PROFILE, context) or None)
            except ProfileError as err:
                raise QgsProcessingException(str(err)) from err
            departments = department_assignments((i.code, i.data_source) for i in profile.statistical())
        with store_errors():
            report = setup_shared_store(store, departments)
        feedback.pushInfo(tr("Shared store {} ready; roles: {}; {} indicator assignment(s) added.").format(
            store.label, ", ".join(report.roles), report.assignments_added))
        return {"ROLES": ", ".join(report.roles), "ASSIGNMENTS": report.assignments_added}


class CopyStore(SdgBaseAlgorithm):
    """Copies a results store into another (GeoPackage <-> shared store), reporting conflicts."""

    ALG_ID = "copy_store"
    GROUP_ID = "progress"
    INPUT = "INPUT"
    RESULTS = "RESULTS"
    NEWER_WINS = "NEWER_WINS"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:
        return tr("Copy a results store")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Copies every table of one results store into another: a GeoPackage from a laptop in the field "
            "into the shared PostgreSQL store, or the shared store into a GeoPackage to take along.</p>"
            "<p>Rows are matched on their keys (indicator, series, area, year, disaggregation for results). A row "
            "the target lacks is added; an identical one is left alone; a row that differs is a "
            "<b>conflict</b>: it is listed in the conflicts table and the target keeps its own row, unless you "
            "ask that the newer one wins: then a source row computed later (<i>computed_at</i>) replaces it. "
            "Everything lands in one transaction, or nothing does; in a shared store your role's rights apply "
            "and the copy is recorded in <i>sdg_audit</i>.</p>")

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(store_parameter(self.INPUT, tr("Copy from (results store)"), optional=False))
        self.addParameter(store_parameter(self.RESULTS, tr("Copy into (results store; created if missing)"),
                                          optional=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.NEWER_WINS, tr("In a conflict, the row computed later wins"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Conflicts"), QgsProcessing.SourceType.TypeVector, optional=True, createByDefault=True))
        for name, description in (("COPIED", tr("Rows added or replaced")), ("UNCHANGED", tr("Rows unchanged")),
                                  ("CONFLICTS", tr("Conflicts"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def processAlgorithm(self, parameters, context, feedback):
        source = open_results(self.parameterAsFile(parameters, self.INPUT, context))
        target = open_results(self.parameterAsFile(parameters, self.RESULTS, context))
        if source.label == target.label:
            raise QgsProcessingException(tr("The two stores are the same ({}): choose another target.").format(
                target.label))
        newer = self.parameterAsBoolean(parameters, self.NEWER_WINS, context)
        try:
            report = copy_store(source, target, newer, run_record(target, self, parameters, context))
        except StoreError as err:
            raise QgsProcessingException(str(err)) from err
        for conflict in report.conflicts:
            feedback.pushWarning(tr("Conflict in {table} ({key}): {column} differ; {resolution}.").format(**conflict))
        feedback.pushInfo(tr("Copied {} row(s) from {} into {} ({} added, {} replaced by newer ones); {} unchanged; "
                             "{} conflict(s) kept the target's row.").format(
            report.added + report.replaced, source.label, target.label, report.added, report.replaced,
            report.unchanged, report.kept))
        outputs = {"COPIED": report.added + report.replaced, "UNCHANGED": report.unchanged,
                   "CONFLICTS": len(report.conflicts)}
        if self.parameterAsOutputLayer(parameters, self.OUTPUT, context):
            frame = pd.DataFrame(report.conflicts, columns=list(CONFLICT_COLUMNS))
            outputs[self.OUTPUT] = write_table(self, parameters, context, self.OUTPUT, frame, CONFLICT_COLUMNS)
        return outputs
