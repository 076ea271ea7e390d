"""Where a results store lives: a GeoPackage path or a PostgreSQL database, parsed from the text users give.

Accepted for PostgreSQL: a libpq URI ``postgresql://user@host:port/dbname?schema=sdg``, a key/value connection
string such as ``service=NAME`` (pg_service.conf) with an optional ``schema=...``, or - resolved by the caller,
which knows QGIS - a saved QGIS PostgreSQL connection's name. The schema defaults to ``sdg``.

Passwords are never accepted in the text (they would land in QGIS's processing history, the stored parameters
and messages): libpq takes them from ``~/.pgpass`` or pg_service.conf, QGIS from its authentication manager.
:func:`redact` removes any password from text that is stored or shown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

DEFAULT_SCHEMA = "sdg"
_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_CONNINFO = re.compile(r"^\s*[A-Za-z_]+\s*=")
_URI_PASSWORD = re.compile(r"(?P<head>\b(?:postgres(?:ql)?|https?|ftp)://[^:/@\s]*):[^@/\s]*@", re.IGNORECASE)
_KEY_PASSWORD = re.compile(r"\b(?P<key>password|pwd|passwd)\s*=\s*(?:'(?:[^'\\]|\\.)*'|\"[^\"]*\"|\S+)",
                           re.IGNORECASE)
_QUERY_PASSWORD = re.compile(r"(?P<key>[?&](?:password|pwd))=[^&\s]*", re.IGNORECASE)


class AddressError(ValueError):
    """The text is not a store address we can use (the message says why and what to do)."""


@dataclass(frozen=True)
class PostgresAddress:
    """A PostgreSQL store: libpq connection keywords (never a password), the schema and a label for messages."""

    keywords: dict = field(hash=False)
    schema: str = DEFAULT_SCHEMA
    label: str = ""


def redact(text: str) -> str:
    """``text`` with every password in URIs and ``password=`` pairs replaced by ``***``."""
    text = _URI_PASSWORD.sub(r"\g<head>:***@", text)
    text = _QUERY_PASSWORD.sub(r"\g<key>=***", text)
    return _KEY_PASSWORD.sub(r"\g<key>=***", text)


def is_postgres(text: str) -> bool:
    """True when ``text`` is a PostgreSQL URI or key/value connection string (not a file name)."""
    stripped = text.strip()
    return stripped.lower().startswith(("postgresql://", "postgres://")) or bool(_CONNINFO.match(stripped))


def parse_postgres(text: str) -> PostgresAddress:
    """The address in a PostgreSQL URI or key/value string; :class:`AddressError` when unusable."""
    stripped = text.strip()
    if stripped.lower().startswith(("postgresql://", "postgres://")):
        keywords, schema = _from_uri(stripped)
    else:
        keywords, schema = _from_pairs(stripped)
    if "password" in keywords:
        return postgres_address(keywords, schema, label=redact(stripped))
    return postgres_address(keywords, schema, label=_label(keywords, schema))


def postgres_address(keywords: dict, schema: str | None, label: str) -> PostgresAddress:
    """Checked keywords and schema (also for connections QGIS resolved); passwords are refused."""
    if "password" in keywords:
        raise AddressError(f"The results store address {redact(label)} contains a password. Remove it and keep "
                           "the password in ~/.pgpass or pg_service.conf (or a QGIS connection with an "
                           "authentication configuration): a password in the address would be stored with every "
                           "run's parameters and shown in messages.")
    schema = (schema or DEFAULT_SCHEMA).strip()
    if not _SCHEMA_NAME.match(schema):
        raise AddressError(f"The schema {schema!r} of the results store {label} is not a plain lower-case name "
                           "(letters, digits, _): choose one such as sdg.")
    return PostgresAddress({k: v for k, v in keywords.items() if v not in (None, "")}, schema, label)


def _from_uri(text: str) -> tuple[dict, str | None]:
    parts = urlsplit(text)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    schema = query.pop("schema", None)
    if parts.password is not None:
        query["password"] = parts.password
    host, port = _host_port(parts.netloc.rpartition("@")[2])
    if port and not port.isdigit():
        raise AddressError(f"The port in the results store address {redact(text)} is not a number.")
    keywords = dict({"user": unquote(parts.username or ""), "host": host, "port": port,
                     "dbname": unquote(parts.path.lstrip("/"))}, **query)
    return keywords, schema


def _host_port(netloc: str) -> tuple[str, str]:
    """Host (case kept: it may be a socket folder, ``%2F``-encoded) and port of a URI's network location."""
    if netloc.startswith("["):  # [IPv6]:port
        host, _, rest = netloc[1:].partition("]")
        return host, rest.lstrip(":")
    host, _, port = netloc.partition(":")
    return unquote(host), port


def _from_pairs(text: str) -> tuple[dict, str | None]:
    keywords: dict = {}
    for match in re.finditer(r"\s*([A-Za-z_]+)\s*=\s*('(?:[^'\\]|\\.)*'|\S*)", text):
        value = match.group(2)
        if value.startswith("'"):
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        keywords[match.group(1).lower()] = value
    schema = keywords.pop("schema", None)
    return keywords, schema


def _label(keywords: dict, schema: str) -> str:
    """A password-free URI naming the store, e.g. ``postgresql://alice@db:5432/county?schema=sdg``."""
    if "service" in keywords and not keywords.get("host"):
        return f"service={keywords['service']} schema={schema or DEFAULT_SCHEMA}"
    user = quote(keywords.get("user", ""), safe="")
    host = keywords.get("host", "")
    netloc = (f"{user}@" if user else "") + (quote(host, safe="") if host.startswith("/") else host)
    if keywords.get("port"):
        netloc += f":{keywords['port']}"
    query = urlencode({"schema": schema or DEFAULT_SCHEMA})
    return urlunsplit(("postgresql", netloc, "/" + quote(keywords.get("dbname", ""), safe=""), query, ""))
