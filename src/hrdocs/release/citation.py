"""Citation metadata of one version of the dataset, read from a package directory (the repository or an
unpacked release), and its renderings: text, BibTeX, RIS, CSL-JSON, CITATION.cff and DataCite JSON, plus
.zenodo.json.

Everything comes from datapackage.json (title, description, keywords, licences, contributors, homepage,
version), CHANGELOG.md (the release date of that version) and data/documents.csv (the UN documents, as related
identifiers). A DOI is used only when datapackage.json's `id` is one; none is invented.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hrdocs.errors import HrdocsError
from hrdocs.release.changelog import release_date

DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}(?:\.\d+)?/\S+)$")
UN_DOCUMENT_URL = "https://undocs.org/{symbol}"
CFF_MESSAGE = "If you use this dataset, please cite it using the metadata from this file."
#: Zenodo's licence ids are lower-case SPDX ids
ZENODO_LICENSES = {"CC-BY-4.0": "cc-by-4.0"}


@dataclass(frozen=True)
class RelatedDocument:
    symbol: str
    title: str
    has_text: bool

    @property
    def url(self) -> str:
        return UN_DOCUMENT_URL.format(symbol=self.symbol)


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    title: str
    version: str
    date_released: str | None  # yyyy-mm-dd of the version's CHANGELOG entry; None before release
    authors: tuple[str, ...]  # entity names (Data Package contributors with the role creator)
    license: str | None  # SPDX id of the data licence
    license_url: str | None
    abstract: str
    keywords: tuple[str, ...]
    repository_code: str | None
    doi: str | None = None
    related: tuple[RelatedDocument, ...] = field(default_factory=tuple)

    @property
    def year(self) -> str | None:
        return self.date_released[:4] if self.date_released else None


def _related_documents(root: Path, descriptor: dict[str, Any]) -> tuple[RelatedDocument, ...]:
    resource = next((r for r in descriptor.get("resources", []) if r.get("name") == "documents"), None)
    if resource is None or not (root / resource.get("path", "")).is_file():
        return ()
    with (root / resource["path"]).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    docs = {
        (row.get("symbol") or "").strip(): RelatedDocument(
            symbol=(row.get("symbol") or "").strip(),
            title=row.get("title") or "",
            has_text=row.get("has_text") == "true",
        )
        for row in rows
        if (row.get("symbol") or "").strip()
    }
    return tuple(docs[s] for s in sorted(docs))


def dataset_info(root: Path) -> DatasetInfo:
    """The citation metadata of the package at ``root``."""
    from hrdocs.release.version import read_descriptor

    descriptor = read_descriptor(root)
    version = str(descriptor.get("version", ""))
    if not version:
        raise HrdocsError(f"{root / 'datapackage.json'}: no version")
    authors = tuple(
        str(c.get("title"))
        for c in descriptor.get("contributors", [])
        if c.get("title") and ("creator" in c.get("roles", []) or c.get("role") == "author")
    )
    licenses = descriptor.get("licenses", [])
    cc = next((lic for lic in licenses if lic.get("name") == "CC-BY-4.0"), licenses[0] if licenses else {})
    doi_match = DOI.match(str(descriptor.get("id", "")))
    return DatasetInfo(
        name=str(descriptor.get("name", "hrdocs")),
        title=str(descriptor.get("title", descriptor.get("name", "hrdocs"))),
        version=version,
        date_released=release_date(root, version),
        authors=authors or ("hrdocs curators",),
        license=cc.get("name"),
        license_url=cc.get("path"),
        abstract=str(descriptor.get("description", "")),
        keywords=tuple(descriptor.get("keywords", [])),
        repository_code=descriptor.get("homepage"),
        doi=doi_match.group(1) if doi_match else None,
        related=_related_documents(root, descriptor),
    )


# ----------------------------------------------------------------------------------------------- renderings


def text(info: DatasetInfo) -> str:
    """A plain citation (APA-like)."""
    year = info.year or "n.d."
    where = f"https://doi.org/{info.doi}" if info.doi else info.repository_code
    tail = f" {where}" if where else ""
    return f"{' & '.join(info.authors)} ({year}). {info.title} (Version {info.version}) [Data set].{tail}"


def bibtex_escape(value: str) -> str:
    """A value safe inside a BibTeX field's braces: LaTeX's special characters escaped."""
    out = []
    for ch in value:
        if ch in "&%$#_{}":
            out.append("\\" + ch)
        elif ch == "\\":
            out.append("\\textbackslash{}")
        elif ch == "~":
            out.append("\\textasciitilde{}")
        elif ch == "^":
            out.append("\\textasciicircum{}")
        else:
            out.append(ch)
    return "".join(out)


def bibtex_entry(key: str, entry_type: str, fields: dict[str, str]) -> str:
    """One BibTeX entry; values are escaped and braced; names of organisations are double-braced."""
    lines = [f"@{entry_type}{{{key},"]
    for name, value in fields.items():
        if name == "author":
            body = " and ".join("{" + bibtex_escape(a) + "}" for a in value.split("\n"))
        elif name in ("url", "doi"):
            body = value
        else:
            body = bibtex_escape(value)
        lines.append(f"  {name} = {{{body}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def bibtex_key(info: DatasetInfo) -> str:
    return f"{info.name}_{info.version.replace('.', '_')}"


def bibtex(info: DatasetInfo) -> str:
    fields = {"author": "\n".join(info.authors), "title": info.title}
    if info.year:
        fields["year"] = info.year
    fields["version"] = info.version
    fields["note"] = f"Data set, version {info.version}"
    if info.doi:
        fields["doi"] = info.doi
    if info.repository_code:
        fields["url"] = info.repository_code
    return bibtex_entry(bibtex_key(info), "misc", fields)


def ris_record(tags: list[tuple[str, str]]) -> str:
    """One RIS record: `TY  - ` first, `ER  - ` last, one `XX  - value` line per tag."""
    lines = [f"{tag}  - {' '.join(value.split())}" for tag, value in tags]
    return "\n".join(lines) + "\nER  - \n"


def ris(info: DatasetInfo) -> str:
    tags = [("TY", "DATA")]
    tags += [("AU", a) for a in info.authors]
    tags.append(("TI", info.title))
    if info.date_released:
        tags.append(("PY", info.year or ""))
        tags.append(("DA", info.date_released.replace("-", "/")))
    tags.append(("ET", info.version))
    tags += [("KW", k) for k in info.keywords]
    if info.abstract:
        tags.append(("AB", info.abstract))
    if info.doi:
        tags.append(("DO", info.doi))
    if info.repository_code:
        tags.append(("UR", info.repository_code))
    return ris_record(tags)


def csl_item(info: DatasetInfo) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": bibtex_key(info),
        "type": "dataset",
        "title": info.title,
        "author": [{"literal": a} for a in info.authors],
        "version": info.version,
        "abstract": info.abstract,
        "keyword": ", ".join(info.keywords),
    }
    if info.date_released:
        item["issued"] = {"date-parts": [[int(p) for p in info.date_released.split("-")]]}
    if info.doi:
        item["DOI"] = info.doi
    if info.repository_code:
        item["URL"] = info.repository_code
    return item


def csl_json(info: DatasetInfo) -> str:
    return json.dumps([csl_item(info)], ensure_ascii=False, indent=2) + "\n"


def cff_data(info: DatasetInfo) -> dict[str, Any]:
    data: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": CFF_MESSAGE,
        "type": "dataset",
        "title": info.title,
        "version": info.version,
    }
    if info.date_released:
        data["date-released"] = info.date_released
    if info.doi:
        data["doi"] = info.doi
    data["authors"] = [{"name": a} for a in info.authors]
    if info.license:
        data["license"] = info.license
    data["abstract"] = info.abstract
    data["keywords"] = list(info.keywords)
    if info.repository_code:
        data["repository-code"] = info.repository_code
    return data


def cff(info: DatasetInfo) -> str:
    """CITATION.cff (YAML)."""
    import yaml

    header = "# Generated from VERSION, datapackage.json and CHANGELOG.md by scripts/make_release_files.py\n"
    return header + yaml.safe_dump(cff_data(info), sort_keys=False, allow_unicode=True, width=100)


def datacite(info: DatasetInfo) -> dict[str, Any]:
    """DataCite metadata (the JSON attributes of the DataCite REST API, schema 4)."""
    data: dict[str, Any] = {}
    if info.doi:
        data["doi"] = info.doi
        data["identifiers"] = [{"identifier": f"https://doi.org/{info.doi}", "identifierType": "DOI"}]
    data["types"] = {"resourceTypeGeneral": "Dataset", "resourceType": "Data package"}
    data["creators"] = [{"name": a, "nameType": "Organizational"} for a in info.authors]
    data["titles"] = [{"title": info.title}]
    data["publisher"] = {"name": info.authors[0]}
    if info.year:
        data["publicationYear"] = info.year
        data["dates"] = [{"date": info.date_released, "dateType": "Issued"}]
    data["version"] = info.version
    data["subjects"] = [{"subject": k} for k in info.keywords]
    data["descriptions"] = [{"description": info.abstract, "descriptionType": "Abstract"}]
    if info.license:
        data["rightsList"] = [
            {
                "rights": info.license,
                "rightsUri": info.license_url or "",
                "rightsIdentifier": info.license.lower(),
                "rightsIdentifierScheme": "SPDX",
            }
        ]
    data["relatedIdentifiers"] = [
        {
            "relatedIdentifier": d.url,
            "relatedIdentifierType": "URL",
            "relationType": "IsDerivedFrom" if d.has_text else "References",
        }
        for d in info.related
    ]
    if info.repository_code:
        data["url"] = info.repository_code
    return data


def datacite_json(info: DatasetInfo) -> str:
    return json.dumps(datacite(info), ensure_ascii=False, indent=2) + "\n"


def zenodo(info: DatasetInfo) -> dict[str, Any]:
    """.zenodo.json: Zenodo's deposit metadata for the GitHub integration."""
    data: dict[str, Any] = {
        "upload_type": "dataset",
        "title": info.title,
        "version": info.version,
        "creators": [{"name": a} for a in info.authors],
        "description": info.abstract,
        "keywords": list(info.keywords),
        "access_right": "open",
    }
    if info.date_released:
        data["publication_date"] = info.date_released
    if info.license:
        data["license"] = ZENODO_LICENSES.get(info.license, info.license.lower())
    if info.doi:
        data["doi"] = info.doi
    data["related_identifiers"] = [
        {
            "identifier": d.url,
            "relation": "isDerivedFrom" if d.has_text else "references",
            "resource_type": "publication-report",
            "scheme": "url",
        }
        for d in info.related
    ]
    if info.repository_code:
        data["related_identifiers"].append(
            {"identifier": info.repository_code, "relation": "isSupplementTo", "scheme": "url"}
        )
    return data


def zenodo_json(info: DatasetInfo) -> str:
    return json.dumps(zenodo(info), ensure_ascii=False, indent=2) + "\n"


RENDERERS = {
    "text": lambda info: text(info) + "\n",
    "bibtex": bibtex,
    "ris": ris,
    "csl-json": csl_json,
    "cff": cff,
    "datacite-json": datacite_json,
}
