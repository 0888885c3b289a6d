"""Helpers shared by importers: JSON loading and validation with errors that name file, record, field."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from catalog.errors import ImportFormatError
from catalog.sources.sanity import MAX_PRICE, check_document, nesting_error

T = TypeVar("T", bound=BaseModel)


class SourceModel(BaseModel):
    """Raw source records: extra fields are the source's business; the fields we use are typed."""

    model_config = ConfigDict(extra="ignore", frozen=True, allow_inf_nan=False)


def load_json(data: bytes, file_name: str) -> Any:
    """Parse JSON, turning a malformed, truncated, too deeply nested file or one with NaN or Infinity into a
    one-line ``ImportFormatError``."""
    try:
        doc = json.loads(data)
    except RecursionError:
        raise nesting_error(data, file_name) from None
    except UnicodeDecodeError as exc:
        raise ImportFormatError(file_name, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            file_name, f"malformed or truncated JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except ValueError as exc:  # an integer of more than 4,300 digits (Python's int_max_str_digits guard)
        raise ImportFormatError(file_name, f"a number too long to read: {str(exc).split(';')[0]}") from None
    check_document(doc, file_name)
    return doc


def expect_object(obj: Any, file_name: str, key: str | None = None) -> dict[str, Any]:
    """The top level (or ``obj[key]``) must be a JSON object; say which format was expected if not."""
    target = obj.get(key) if key is not None and isinstance(obj, dict) else obj
    if not isinstance(target, dict):
        what = f"key {key!r}" if key else "top level"
        raise ImportFormatError(file_name, f"wrong format: {what} must be a JSON object")
    return target


def validate(model: type[T], obj: Any, file_name: str, record: str) -> T:
    """Validate one record, reporting the first bad field by its path inside the record."""
    try:
        return model.model_validate(obj)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(part) for part in err["loc"]) or None
        message = str(err["msg"]).removeprefix("Value error, ")  # our validators' messages say what is wrong
        raise ImportFormatError(file_name, message, record=record, field=field) from None


def money(value: float | int | str | None, scale: Decimal = Decimal(1)) -> Decimal | None:
    """A source number as exact Decimal USD per 1M tokens (``scale`` converts units). An absurd amount is kept
    as it is, for ``sanity.check_batch`` to refuse with its record and field."""
    if value is None:
        return None
    amount = Decimal(str(value))
    if not amount.is_finite() or abs(amount) > MAX_PRICE:
        return amount
    amount = (amount * scale).normalize()
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


def newest(dates: list[str | None]) -> str | None:
    """The newest ISO date string among those present."""
    present = [d for d in dates if d]
    return max(present) if present else None
