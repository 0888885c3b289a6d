"""``python -m tools.ship_sources``: write the price sources the catalog ships into ``catalog/data``.

The files are wrapped with where they came from (version, date), which the importers record and answers show:

- LiteLLM: the cost map inside a PyPI wheel (``litellm/model_prices_and_context_window_backup.json``).
  ``--litellm-wheel PATH`` reads a downloaded wheel (``pip download --no-deps litellm==X -d DIR``);
  ``--litellm-json PATH --litellm-version X`` reads an already extracted map.
- genai-prices: the data bundled in the installed ``genai-prices`` package (``--genai-package``; its
  Python objects are written back in the upstream ``prices/new_data/v2/data.json`` shape and checked by loading
  them with the package's own loader), or ``--genai-json PATH`` with ``--genai-commit`` and ``--genai-date``.

Nothing here runs at build or test time: the catalog builds from the files this writes.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import re
import zipfile
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "catalog" / "data"
LITELLM_FILE = "litellm-model-prices.json.gz"
GENAI_FILE = "genai-prices-data.json.gz"
_WHEEL_MAP = "litellm/model_prices_and_context_window_backup.json"


def _write(name: str, payload: dict[str, Any]) -> Path:
    """Compressed deterministically (no timestamp in the gzip header), so an unchanged source is no diff."""
    path = DATA / name
    raw = json.dumps(payload, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return path


def litellm_from_wheel(wheel: Path) -> tuple[dict[str, Any], str]:
    match = re.search(r"litellm-(\d[^-]*)-", wheel.name)
    if match is None:
        raise SystemExit(f"{wheel.name}: not a litellm wheel name (litellm-X.Y.Z-...whl)")
    with zipfile.ZipFile(wheel) as zf:
        return json.loads(zf.read(_WHEEL_MAP)), match.group(1)


def _plain(value: Any) -> Any:
    """genai-prices' dataclasses and price objects as the JSON its loader reads (``or_`` is "or" there)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(str(value))
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name.rstrip("_"): getattr(value, f.name) for f in dataclasses.fields(value)}
        return {k: _plain(v) for k, v in fields.items() if v is not None and k not in ("extractors",)}
    if hasattr(value, "__dict__"):  # ModelPrice keeps its prices as attributes
        return {k: _plain(v) for k, v in vars(value).items() if v is not None and not k.startswith("_")}
    return value


def genai_from_package() -> tuple[list[Any], str]:
    """The installed genai-prices package's bundled data, in the v2 JSON shape, verified by reloading it."""
    from importlib.metadata import version

    from genai_prices import data, types

    providers = [_plain(p) for p in data.providers]
    reloaded = types._providers_from_raw(json.loads(json.dumps(providers)))
    now = datetime.now(UTC)
    for original, copy in zip(data.providers, reloaded, strict=True):
        for a, b in zip(original.models, copy.models, strict=True):
            if a.id != b.id or a.get_prices(now) != b.get_prices(now):
                raise SystemExit(f"genai-prices round trip changed {original.id}/{a.id}")
    return providers, version("genai-prices")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tools.ship_sources", description=__doc__)
    p.add_argument("--litellm-wheel", type=Path)
    p.add_argument("--litellm-json", type=Path)
    p.add_argument("--litellm-version")
    p.add_argument("--genai-package", action="store_true", help="the data bundled in the installed genai-prices")
    p.add_argument("--genai-json", type=Path)
    p.add_argument("--genai-commit")
    p.add_argument("--genai-date")
    args = p.parse_args(argv)
    today = datetime.now(UTC).date().isoformat()
    if args.litellm_wheel or args.litellm_json:
        if args.litellm_wheel:
            models, version = litellm_from_wheel(args.litellm_wheel)
        else:
            models, version = json.loads(args.litellm_json.read_text(encoding="utf-8")), args.litellm_version
        if not version:
            raise SystemExit("--litellm-version is required with --litellm-json")
        source = {"name": "LiteLLM", "version": version, "date": today, "from": f"PyPI wheel litellm=={version}"}
        print(_write(LITELLM_FILE, {"source": source, "models": models}))
    if args.genai_package:
        providers, version = genai_from_package()
        source = {"name": "genai-prices", "version": version, "date": today, "from": f"PyPI genai-prices=={version}"}
        print(_write(GENAI_FILE, {"source": source, "providers": providers}))
    if args.genai_json:
        if not (args.genai_commit and args.genai_date):
            raise SystemExit("--genai-commit and --genai-date are required with --genai-json")
        providers = json.loads(args.genai_json.read_text(encoding="utf-8"))
        source = {"name": "genai-prices", "commit": args.genai_commit, "date": args.genai_date}
        print(_write(GENAI_FILE, {"source": source, "providers": providers}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
