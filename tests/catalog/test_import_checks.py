"""``import_file`` refuses harmful data, an emptying file and an oversized file with one line, and the catalog
file stays byte-identical (issue 17). The refresh side is in test_refresh.py; the CLI's in test_cli.py."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from catalog.build import import_file
from catalog.errors import ImportFormatError, ShrinkRefused
from catalog.refresh import Limits
from catalog.sources.sanity import MAX_FILE_BYTES
from catalog.store.db import Store
from tests.catalog.harmful import EMPTY, HARMFUL, build_both


@pytest.fixture
async def db(tmp_path: Path) -> Path:
    return await build_both(tmp_path / "c.sqlite3")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("source", "body", "says"), [c[1:] for c in HARMFUL], ids=[c[0] for c in HARMFUL])
async def test_harmful_data_is_refused_in_one_line(
    db: Path, tmp_path: Path, source: str, body: bytes, says: str
) -> None:
    file = tmp_path / "upstream.json"
    file.write_bytes(body)
    before = digest(db)
    async with Store.open(db) as store:
        with pytest.raises(ImportFormatError) as err:
            await import_file(store, source, file)
    line = str(err.value)
    assert "\n" not in line and f"{source} upstream.json" in line
    assert says.split(", record")[-1] in line  # the record, field and reason the refresh test sees too
    assert digest(db) == before


@pytest.mark.parametrize("source", sorted(EMPTY))
async def test_an_empty_file_is_refused_unless_forced(db: Path, tmp_path: Path, source: str) -> None:
    file = tmp_path / "empty.json"
    file.write_bytes(EMPTY[source])
    before = digest(db)
    async with Store.open(db) as store:
        with pytest.raises(ShrinkRefused) as err:
            await import_file(store, source, file)
        assert "routes" in str(err.value) and err.value.max_share == 0.2
        assert digest(db) == before
        forced = await import_file(store, source, file, max_shrink=None)
    assert forced.changed and forced.routes < err.value.routes[1]


async def test_an_oversized_file_is_refused_before_it_is_read(db: Path, tmp_path: Path) -> None:
    """300 MB (sparse: no disk used) against the refresh download cap; nothing is read into memory."""
    assert Limits().max_bytes == MAX_FILE_BYTES  # one cap for both ways in
    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.truncate(300 * 1024 * 1024)
    before = digest(db)
    async with Store.open(db) as store:
        with pytest.raises(ImportFormatError) as err:
            await import_file(store, "openrouter", big)
    assert str(err.value) == f"big.json: 314,572,800 bytes is over the {MAX_FILE_BYTES:,}-byte cap; nothing was read"
    assert digest(db) == before


async def test_a_stream_past_the_cap_stops_reading(db: Path, tmp_path: Path) -> None:
    """A named pipe has no size to check first: the read stops one byte past the cap."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # keeps the pipe open; 64 KiB buffered for the reader
    os.write(writer, b" " * 65_536)
    try:
        async with Store.open(db) as store:
            with pytest.raises(ImportFormatError, match="more than the 1,000-byte cap"):
                await import_file(store, "openrouter", fifo, max_bytes=1000)
    finally:
        os.close(writer)
