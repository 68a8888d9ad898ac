"""``gongjian exchange …`` as an administrator uses it: enrol a community from the file and
passphrase, a package each way, status and conflicts as JSON, a changed byte refused with one
line and exit 1; and the home tab's reminder of a silent community."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.dashboard.period import Period, PeriodKind
from app.dashboard.reminders import reminders
from app.dashboard.scope import Scope
from app.exchange.sites import quiet_communities
from db.base import utcnow
from tests.app.exchange_world import World, enrol_all, new_issue
from tests.app.test_cli import run


def test_enrol_and_a_round_trip_from_the_command_line(
    capsys: pytest.CaptureFixture[str], world: World, tmp_path: Path
) -> None:
    street = world.street.target
    world.street.close()
    enrolment = tmp_path / "东湖.gjenrol"
    code, out, err = run(
        capsys,
        "--db",
        street,
        "exchange",
        "site-add",
        "--community",
        "东湖社区",
        "-o",
        str(enrolment),
    )
    assert code == 0, err
    passphrase = re.search(r"口令.*：(\S+)$", out, re.M).group(1)  # type: ignore[union-attr]
    east = str(tmp_path / "east.db")
    code, _, err = run(
        capsys, "--db", east, "exchange", "enrol", str(enrolment), "--passphrase", "wrong"
    )
    assert code == 1 and "口令不对" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(
        capsys, "--db", east, "exchange", "enrol", str(enrolment), "--passphrase", passphrase
    )
    assert code == 0 and "东湖社区" in out, err
    package = tmp_path / "east-1.gjpkg"
    code, _, err = run(
        capsys, "--db", east, "exchange", "export", "--to", "street", "-o", str(package)
    )
    assert code == 0, err
    code, out, err = run(capsys, "--db", street, "exchange", "import", str(package), "--json")
    assert code == 0, err
    assert json.loads(out)[0]["sender"] == "东湖社区"
    code, out, _ = run(capsys, "--db", street, "exchange", "status", "--json")
    status = json.loads(out)
    assert [s["name"] for s in status["sites"]] == ["东湖社区"]
    assert status["sites"][0]["last_received_at"] is not None
    code, out, _ = run(capsys, "--db", street, "exchange", "conflicts", "--json")
    assert code == 0 and json.loads(out) == []
    changed = bytearray(package.read_bytes())
    changed[len(changed) // 2] ^= 0xFF
    package.write_bytes(bytes(changed))
    code, _, err = run(capsys, "--db", street, "exchange", "import", str(package))
    assert code == 1 and "校验失败" in err and len(err.strip().splitlines()) == 1


def test_the_street_is_reminded_of_a_community_silent_for_a_week(
    world: World, tmp_path: Path
) -> None:
    new_issue(world.street, world, "东湖社区", "楼道堆物")
    enrol_all(world, tmp_path)
    later = utcnow() + timedelta(days=8)
    with world.street.reader() as session:
        assert quiet_communities(session) == []
        assert quiet_communities(session, later) == ["东湖社区", "西岭社区"]
        month = Period(PeriodKind.MONTH, date(2026, 3, 1), date(2026, 4, 1))
        lines = reminders(session, Scope(period=month, now=later))
    texts = [line.text.format() for line in lines if line.link.area == "exchange"]
    assert texts == ["东湖社区已超过7天没有发来数据包", "西岭社区已超过7天没有发来数据包"]
