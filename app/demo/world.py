"""The generation context and the references one step leaves for the next.

Each step (directory, people, issues, meetings …) adds rows and records what later steps need
— ids, names, who leads what — in these small dataclasses instead of querying the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from random import Random

from app.demo.clock import local_date, local_time
from app.demo.names import Identities
from app.demo.rows import Rows
from app.issues.calendar import WorkCalendar
from app.issues.limits import Limit
from db.models.directory import ManagementMode, UnitCategory

HISTORY_DAYS = 730


@dataclass
class PersonRef:
    id: str
    name: str
    post: str = ""
    mobile: str = ""


@dataclass
class Grid:
    id: str
    name: str
    community: Community
    party_org_id: str = ""
    workers: list[PersonRef] = field(default_factory=list)


@dataclass
class CompoundRef:
    id: str
    name: str
    community: Community
    grid: Grid
    address: str
    mode: ManagementMode


@dataclass
class Community:
    id: str
    name: str
    code: str
    street: Street
    zone_id: str
    zone_name: str
    roads: tuple[str, ...]
    grids: list[Grid] = field(default_factory=list)
    compounds: list[CompoundRef] = field(default_factory=list)
    party_org_id: str = ""
    staff: list[PersonRef] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)

    @property
    def secretary(self) -> PersonRef:
        return self.staff[0]


@dataclass
class Street:
    id: str
    name: str
    code: str
    full: bool
    zones: list[tuple[str, str]] = field(default_factory=list)
    communities: list[Community] = field(default_factory=list)
    departments: dict[str, str] = field(default_factory=dict)
    department_heads: dict[str, PersonRef] = field(default_factory=dict)
    party_org_id: str = ""
    leaders: list[PersonRef] = field(default_factory=list)
    clerks: list[PersonRef] = field(default_factory=list)
    user_ids: list[str] = field(default_factory=list)

    @property
    def secretary(self) -> PersonRef:
        return self.leaders[0]

    @property
    def grids(self) -> list[Grid]:
        return [grid for community in self.communities for grid in community.grids]


@dataclass
class Branch:
    id: str
    name: str
    unit: Unit
    paired_community: Community | None = None
    members: list[PersonRef] = field(default_factory=list)


@dataclass
class Unit:
    id: str
    name: str
    category: UnitCategory
    community: Community
    committee_id: str | None = None
    branches: list[Branch] = field(default_factory=list)
    leaders: list[PersonRef] = field(default_factory=list)

    @property
    def street(self) -> Street:
        return self.community.street

    @property
    def is_organ(self) -> bool:
        return self.category in ORGANS


ORGANS = (UnitCategory.PROVINCIAL_ORGAN, UnitCategory.CITY_ORGAN, UnitCategory.DISTRICT_ORGAN)


@dataclass
class Owner:
    """Who an action item is for: a person, a resident unit or an org unit."""

    name: str
    person_id: str | None = None
    unit_id: str | None = None
    org_unit_id: str | None = None


@dataclass
class CaseAgenda:
    """An agenda item the article's cases put on a given council's agenda."""

    street: str
    day: date
    title: str
    notes: str
    # (decision text, owner, due date, linked issue)
    decisions: list[tuple[str, Owner, date, str | None]]


@dataclass
class World:
    streets: list[Street] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    category_ids: dict[str, str] = field(default_factory=dict)
    category_limits: dict[str, Limit] = field(default_factory=dict)
    admin_user_id: str = ""
    case_agendas: list[CaseAgenda] = field(default_factory=list)
    issue_numbers: dict[int, int] = field(default_factory=dict)  # last number used per year
    meetings: list[tuple[date, str, Street]] = field(default_factory=list)
    meeting_issues: list[tuple[date, str, Community]] = field(default_factory=list)
    grid_issues: dict[str, list[tuple[date, str]]] = field(default_factory=dict)

    def note_issue(
        self, issue_id: str, reported: datetime, community: Community, grid: Grid, source: str
    ) -> None:
        """Remembers issues later steps link to: raised at meetings, found in grids."""
        day = local_date(reported)
        if source == "meeting":
            self.meeting_issues.append((day, issue_id, community))
        self.grid_issues.setdefault(grid.id, []).append((day, issue_id))

    def street(self, name: str) -> Street:
        return next(street for street in self.streets if street.name == name)

    @property
    def communities(self) -> list[Community]:
        return [c for street in self.streets for c in street.communities]

    def compound(self, name: str) -> CompoundRef:
        return next(cp for c in self.communities for cp in c.compounds if cp.name == name)


@dataclass
class Context:
    """Everything a step needs: its own random stream, the dates, the rows, the world."""

    seed: int
    today: date
    rows: Rows
    calendar: WorkCalendar
    identities: Identities
    world: World = field(default_factory=World)

    def rng(self, name: str) -> Random:
        """An independent stream per step, so changing one step leaves the others' data alone."""
        return Random(f"{self.seed}:{name}")

    @property
    def now(self) -> datetime:
        """The cut-off of the generated past: midnight at the start of ``today``, Beijing."""
        return local_time(self.today)

    @property
    def history_start(self) -> date:
        return self.today - timedelta(days=HISTORY_DAYS)

    @property
    def setup_time(self) -> datetime:
        """When the directory was "entered": shortly before the history starts."""
        return local_time(self.history_start - timedelta(days=45), 9 * 60)
